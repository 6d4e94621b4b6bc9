package org.wardwatch.web;

import java.io.Writer;
import java.util.Arrays;

/**
 * JSON text written as the content of a JSON string, in ASCII bytes: its quotes and backslashes escaped (the only
 * characters of {@link SockJsFrames}' ASCII JSON encoding's output, or of a
 * {@link org.wardwatch.bus.PatientSnapshot}'s, that need it); any control or non-ASCII character, which neither writes,
 * as {@code \\uXXXX}, so a frame stays ASCII whatever it is given. Reused: {@link #reset()} before each frame.
 *
 * <p>Each thread's one is owned by {@link SockJsFrames}, which makes a frame in it; not thread-safe.
 */
final class JsonStringContent extends Writer {

  /** The first character outside ASCII. */
  static final char NON_ASCII = 0x80;
  /** The hexadecimal digits of a {@code \\uXXXX} escape. */
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  /** The most bytes a buffer keeps between frames: one grown past it by a rare large message is dropped. */
  static final int KEPT_BYTES = 256 * 1024;
  private static final int INITIAL_BYTES = 4096;

  private byte[] bytes = new byte[INITIAL_BYTES];
  private int length;

  /** Appends {@code c} to {@code text} as its {@code \\uXXXX} escape. */
  static void appendUnicodeEscape(StringBuilder text, int c) {
    text.append('\\').append('u').append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
        .append(HEX[c & 0xF]);
  }

  void reset() {
    length = 0;
    if (bytes.length > KEPT_BYTES) {
      bytes = new byte[INITIAL_BYTES];
    }
  }

  @Override
  public void write(char[] chars) {
    write(chars, 0, chars.length);
  }

  @Override
  public void write(String text) {
    write(text, 0, text.length());
  }

  @Override
  public void write(char[] chars, int offset, int count) {
    for (int i = offset; i < offset + count; i++) {
      write(chars[i]);
    }
  }

  @Override
  public void write(String text, int offset, int count) {
    for (int i = offset; i < offset + count; i++) {
      write(text.charAt(i));
    }
  }

  @Override
  public void write(int c) {
    if (c == '"' || c == '\\') {
      put('\\');
      put(c);
    } else if (c < ' ' || c >= NON_ASCII) {
      put('\\');
      put('u');
      put(HEX[c >> 12 & 0xF]);
      put(HEX[c >> 8 & 0xF]);
      put(HEX[c >> 4 & 0xF]);
      put(HEX[c & 0xF]);
    } else {
      put(c);
    }
  }

  /** Writes ASCII {@code json} as {@link #write(int)} writes each of its characters, in one pass. */
  void writeAscii(byte[] json) {
    ensureRoom(json.length * 6);
    for (byte c : json) {
      if (c == '"' || c == '\\') {
        bytes[length++] = '\\';
        bytes[length++] = c;
      } else if (c < ' ') { // a control character or (negative) one outside ASCII: not in a snapshot's JSON
        write(c & 0xFF);
      } else {
        bytes[length++] = c;
      }
    }
  }

  /** Appends {@code text} as it is. */
  void appendAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      put(text.charAt(i));
    }
  }

  private void put(int c) {
    ensureRoom(1);
    bytes[length++] = (byte) c;
  }

  private void ensureRoom(int count) {
    if (length + count > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(length + count, bytes.length * 2));
    }
  }

  byte[] toBytes() {
    return Arrays.copyOf(bytes, length);
  }

  @Override
  public void flush() {
  }

  @Override
  public void close() {
  }
}
