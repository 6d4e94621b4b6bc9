package org.wardwatch.web;

import io.vertx.ext.web.handler.sockjs.impl.JsonCodec;
import java.util.List;

/**
 * The frames of the SockJS protocol that {@link SockJsWebSocket} speaks: {@link #OPEN}, {@link #HEARTBEAT},
 * {@link #messages} and {@link #close}; and what a browser sends, {@link #received}. Messages are escaped exactly as
 * Vert.x's SockJS codec escapes them, in one pass rather than the codec's several copies. Pure functions.
 */
final class SockJsFrames {

  static final String OPEN = "o";
  static final String HEARTBEAT = "h";

  private static final char NON_ASCII = 0x80;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private SockJsFrames() {
  }

  /**
   * The frame that carries {@code message}: {@code a["<message>"]}, the message escaped with JSON's escapes, and every
   * character outside ASCII as {@code \\uXXXX}, as SockJS asks.
   */
  static String messages(String message) {
    StringBuilder frame = new StringBuilder(message.length() + message.length() / 8 + 8).append("a[\"");
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      switch (c) {
        case '"' -> frame.append("\\\"");
        case '\\' -> frame.append("\\\\");
        case '\n' -> frame.append("\\n");
        case '\r' -> frame.append("\\r");
        case '\t' -> frame.append("\\t");
        case '\b' -> frame.append("\\b");
        case '\f' -> frame.append("\\f");
        default -> {
          if (c < ' ' || c >= NON_ASCII) {
            frame.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
                .append(HEX[c & 0xF]);
          } else {
            frame.append(c);
          }
        }
      }
    }
    return frame.append("\"]").toString();
  }

  /** One frame that carries the messages of {@code frames}, each a {@link #messages} frame, in order. */
  static String joined(List<String> frames) {
    StringBuilder joined = new StringBuilder(frames.stream().mapToInt(String::length).sum()).append('a');
    char separator = '[';
    for (String frame : frames) {
      joined.append(separator).append(frame, 2, frame.length() - 1);
      separator = ',';
    }
    return joined.append(']').toString();
  }

  /** The frame that says the server closes the session. */
  static String close(int code, String reason) {
    return "c[" + code + ",\"" + reason + "\"]";
  }

  /**
   * The messages of a frame a browser sent: a JSON array of strings, or one string; none for an empty frame or
   * {@code []}; {@code null} when the frame is neither (not SockJS).
   */
  static List<String> received(String frame) {
    if (frame.isEmpty() || "[]".equals(frame)) {
      return List.of();
    }
    boolean messages = frame.length() >= 2 && (frame.startsWith("[\"") && frame.endsWith("\"]")
        || frame.startsWith("\"") && frame.endsWith("\""));
    return messages ? JsonCodec.decodeValues(frame) : null;
  }
}
