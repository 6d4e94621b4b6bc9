package org.wardwatch.device;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one connection's byte stream into newline-delimited frames (LF or CRLF), whatever the read boundaries: many
 * frames per read, frames split across reads. Blank lines are skipped (devices may send them as keep-alives).
 *
 * <p>A frame longer than {@code maxFrameLength} is never buffered: it is reported as {@link FrameEvent.Overlong} and
 * discarded up to its line ending, with one further report per further {@code maxFrameLength} bytes, so an endless
 * line costs bounded memory and keeps counting against the sender.
 *
 * <p>Not thread-safe: one instance per connection, used on its event loop.
 */
final class LineFramer {

  private final int maxFrameLength;
  private Buffer pending = Buffer.buffer();
  private boolean discarding;
  private int discarded;

  LineFramer(int maxFrameLength) {
    this.maxFrameLength = maxFrameLength;
  }

  /** Consumes {@code chunk} and returns the frames it completed, in order. */
  List<FrameEvent> feed(Buffer chunk) {
    List<FrameEvent> events = new ArrayList<>();
    int start = 0;
    int length = chunk.length();
    for (int i = 0; i < length; i++) {
      if (chunk.getByte(i) == '\n') {
        complete(chunk, start, i, events);
        start = i + 1;
      }
    }
    keepRemainder(chunk, start, length, events);
    return events;
  }

  private void complete(Buffer chunk, int start, int end, List<FrameEvent> events) {
    if (discarding) {
      discard(end - start, events);
      discarding = false;
      discarded = 0;
      return;
    }
    Buffer line = pending.length() == 0 ? chunk.slice(start, end) : pending.appendBuffer(chunk, start, end - start);
    pending = Buffer.buffer();
    int lineLength = line.length();
    if (lineLength > 0 && line.getByte(lineLength - 1) == '\r') {
      lineLength--;
    }
    if (lineLength > maxFrameLength) {
      events.add(new FrameEvent.Overlong(maxFrameLength));
    } else if (lineLength > 0) {
      events.add(new FrameEvent.Line(line.getString(0, lineLength, StandardCharsets.UTF_8.name())));
    }
  }

  private void keepRemainder(Buffer chunk, int start, int end, List<FrameEvent> events) {
    int remainder = end - start;
    if (discarding) {
      discard(remainder, events);
      return;
    }
    if (pending.length() + remainder > maxFrameLength + 1) {
      discarding = true;
      discarded = pending.length() + remainder - maxFrameLength - 1;
      pending = Buffer.buffer();
      events.add(new FrameEvent.Overlong(maxFrameLength));
      return;
    }
    if (remainder > 0) {
      pending.appendBuffer(chunk, start, remainder);
    }
  }

  /** Counts {@code bytes} more of an overlong frame, reporting each further {@code maxFrameLength} bytes. */
  private void discard(int bytes, List<FrameEvent> events) {
    discarded += bytes;
    while (discarded > maxFrameLength) {
      discarded -= maxFrameLength;
      events.add(new FrameEvent.Overlong(maxFrameLength));
    }
  }
}
