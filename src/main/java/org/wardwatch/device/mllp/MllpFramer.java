package org.wardwatch.device.mllp;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one connection's byte stream into MLLP frames: {@code 0x0B} message {@code 0x1C 0x0D}, whatever the read
 * boundaries (several messages per read, a message split across reads). Bytes outside a frame (stray NULs, newlines,
 * garbage) are skipped and counted. A message over {@code maxBytes} is buffered no further: it is reported with its
 * head, so it can still be answered. A start block inside a message truncates it; what follows up to the end block is
 * a {@link MllpEvent.Fragment} unless it begins a message of its own ({@code MSH}), and so is each piece after a
 * further start block (one message, one answer). A start block after nothing but blanks (a sender repeating it) cuts
 * nothing short: those bytes are stray. The {@code 0x0D} after {@code 0x1C} is optional, as some senders leave it out.
 *
 * <p>Not thread-safe: one instance per connection, used on its event loop.
 */
final class MllpFramer {

  static final byte START = 0x0B;
  static final byte END = 0x1C;
  static final byte CARRIAGE_RETURN = 0x0D;
  private static final int HEAD_BYTES = 1024;

  private final int maxBytes;
  private Buffer message;
  /** Bytes of the message being read, up to one more than {@code maxBytes} (it is then oversized). */
  private int length;
  private long strayBytes;
  /** Whether the message being read began with a start block inside another (which was then reported truncated). */
  private boolean afterTruncation;

  MllpFramer(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Consumes {@code chunk} and returns what it completed, in order. */
  List<MllpEvent> feed(Buffer chunk) {
    List<MllpEvent> events = new ArrayList<>();
    for (int i = 0; i < chunk.length(); i++) {
      byte b = chunk.getByte(i);
      if (b == START) {
        if (message == null) {
          afterTruncation = false;
        } else if (isBlank(message)) { // a repeated start block: nothing cut short, and what it follows still holds
          strayBytes += 1 + message.length();
        } else if (isRestOfTruncated(message)) { // more of a cut message's rest: so is what follows, unless a message
          events.add(new MllpEvent.Fragment(text(message)));
        } else {
          afterTruncation = true;
          events.add(new MllpEvent.Truncated(text(message)));
        }
        message = Buffer.buffer();
        length = 0;
      } else if (message == null) {
        strayBytes++;
      } else if (b == END) {
        events.add(ended());
        message = null;
        if (i + 1 < chunk.length() && chunk.getByte(i + 1) == CARRIAGE_RETURN) {
          i++;
        }
      } else if (length <= maxBytes) { // counted no further than one past the limit: an int would wrap after 2 GiB
        length++;
        if (length <= maxBytes) {
          message.appendByte(b);
        }
      }
    }
    return events;
  }

  /** The message that ends here: the fragment after a truncation (whatever its size), oversized, or a message. */
  private MllpEvent ended() {
    if (isRestOfTruncated(message)) {
      return new MllpEvent.Fragment(length > maxBytes ? head(message) : text(message));
    }
    return length > maxBytes ? new MllpEvent.Oversized(head(message), maxBytes) : new MllpEvent.Message(text(message));
  }

  /**
   * The sender closed its side: a message begun and not ended is {@link MllpEvent.Unterminated}, reported with its
   * head (enough to read its MSH and answer it); the rest of a truncated one is a {@link MllpEvent.Fragment}, as at
   * its end block; a blank one is nothing.
   */
  List<MllpEvent> finish() {
    Buffer unended = message;
    message = null;
    if (unended == null || isBlank(unended)) {
      return List.of();
    }
    return List.of(isRestOfTruncated(unended) ? new MllpEvent.Fragment(head(unended))
        : new MllpEvent.Unterminated(head(unended)));
  }

  /** True when {@code bytes}, read after a start block inside a message, are its rest: no message of their own. */
  private boolean isRestOfTruncated(Buffer bytes) {
    return afterTruncation && !head(bytes).stripLeading().startsWith("MSH");
  }

  /** The first {@value #HEAD_BYTES} bytes of {@code bytes}, as text: enough to read a message's MSH. */
  private static String head(Buffer bytes) {
    return text(bytes.slice(0, Math.min(HEAD_BYTES, bytes.length())));
  }

  /** True when {@code bytes} hold nothing but whitespace and control characters (up to the space). */
  private static boolean isBlank(Buffer bytes) {
    for (int i = 0; i < bytes.length(); i++) {
      if ((bytes.getByte(i) & 0xFF) > ' ') {
        return false;
      }
    }
    return true;
  }

  /** Bytes seen outside any frame since the connection opened. */
  long strayBytes() {
    return strayBytes;
  }

  private static String text(Buffer buffer) {
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
