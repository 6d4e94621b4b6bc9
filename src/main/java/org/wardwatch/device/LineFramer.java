package org.wardwatch.device;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one connection's byte stream into newline-delimited frames (LF, CRLF, or a lone CR as older devices send),
 * whatever the read boundaries: many frames per read, frames split across reads. Blank lines (empty, or only spaces
 * and tabs) are skipped: devices may send them as keep-alives, and so a CRLF split between two reads, or an LF after a
 * CR ending, ends nothing twice.
 *
 * <p>A frame longer than {@code maxFrameLength} is never buffered: it is reported once, as {@link FrameEvent.Overlong}
 * (one frame, one report, so the sender's answers stay one per frame), and discarded up to its line ending, so an
 * endless line costs bounded memory; one that goes on past {@code maxLineLength} bytes is reported once more, as
 * {@link FrameEvent.NoLineEnding}. The reports depend only on the bytes, never on how they were split into reads.
 *
 * <p>A feed gives at most {@code maxFrames} frames; the rest of its bytes wait, unframed, for {@link #more()}. One
 * read of tiny frames (32,768 in 64 KB) so never becomes as many answers at once, nor as many objects.
 *
 * <p>Not thread-safe: one instance per connection, used on its event loop.
 */
final class LineFramer {

  private final int maxFrameLength;
  /** Longest line kept in memory: the maximum frame plus the CR of a CRLF ending. */
  private final int maxBufferedLength;
  private final long maxLineLength;
  private final int maxFrames;
  /** Bytes fed but not framed yet, the frames beyond {@code maxFrames}; {@code null} when there are none. */
  private Buffer unframed;
  /** Whether the stream has ended: its last line is reported once the unframed bytes are. */
  private boolean ended;
  /**
   * The start of a line that goes on in a later read; {@code null} when there is none (most reads end with their last
   * line), so a thousand idle connections hold no buffer between frames.
   */
  private Buffer pending;
  private long lineLength;
  /** Reports made of the current line: none, {@link FrameEvent.Overlong}, then {@link FrameEvent.NoLineEnding}. */
  private int reports;

  /**
   * A framer of frames of up to {@code maxFrameLength} bytes that gives up on a line at {@code maxLineLength}, and
   * gives at most {@code maxFrames} frames at a time.
   */
  LineFramer(int maxFrameLength, long maxLineLength, int maxFrames) {
    this.maxFrameLength = maxFrameLength;
    this.maxBufferedLength = maxFrameLength + 1;
    this.maxLineLength = maxLineLength;
    this.maxFrames = maxFrames;
  }

  /** Consumes {@code chunk} and returns the first frames it completed (after any still unframed), in order. */
  List<FrameEvent> feed(Buffer chunk) {
    if (unframed != null) {
      unframed.appendBuffer(chunk);
      return more();
    }
    return frame(chunk);
  }

  /** Whether bytes fed wait to be framed, by {@link #more()}. */
  boolean hasMore() {
    return unframed != null;
  }

  /** The next frames of the bytes fed but not framed, and the stream's last line once they are all framed. */
  List<FrameEvent> more() {
    Buffer rest = unframed;
    unframed = null;
    List<FrameEvent> events = rest == null ? new ArrayList<>() : frame(rest);
    if (ended && unframed == null) {
      events.addAll(lastLine());
    }
    return events;
  }

  private List<FrameEvent> frame(Buffer chunk) {
    List<FrameEvent> events = new ArrayList<>();
    ByteBuf bytes = ((BufferInternal) chunk).getByteBuf(); // Netty's search tests several bytes a step
    int length = chunk.length();
    int start = 0;
    int lf = bytes.indexOf(0, length, (byte) '\n'); // the next LF at or after start, or -1: searched once per LF
    while (true) {
      int cr = bytes.indexOf(start, lf >= 0 ? lf : length, (byte) '\r'); // before it: a lone CR ends a line too
      int end = cr >= 0 && cr != lf - 1 ? cr : lf; // the CR of a CRLF is stripped with its line
      if (end < 0) {
        break;
      }
      take(chunk, start, end, false, events);
      endLine(chunk, start, end, events);
      start = end + 1;
      if (events.size() >= maxFrames && start < length) {
        unframed = chunk.getBuffer(start, length); // a copy: the read's own buffer is released after it
        return events;
      }
      if (end == lf) {
        lf = bytes.indexOf(start, length, (byte) '\n');
      }
    }
    take(chunk, start, length, true, events);
    return events;
  }

  /**
   * Ends the stream. Once no bytes wait to be framed, reports the bytes since the last line ending, unless blank or
   * already reported overlong, as an {@link FrameEvent.Unterminated} frame (a device that closed in the middle of a
   * frame): now, or at the end of the last {@link #more()}.
   */
  List<FrameEvent> finish() {
    ended = true;
    return unframed == null ? lastLine() : List.of();
  }

  private List<FrameEvent> lastLine() {
    List<FrameEvent> events = new ArrayList<>();
    if (lineLength > 0) {
      endLine(Buffer.buffer(), 0, 0, events);
    }
    if (events.size() == 1 && events.get(0) instanceof FrameEvent.Line line) {
      return List.of(new FrameEvent.Unterminated(line.text()));
    }
    return events;
  }

  /**
   * Adds bytes of the current line: while it is short enough they are kept ({@code keep}, when the line goes on in a
   * later read), else they are counted and reported.
   */
  private void take(Buffer chunk, int start, int end, boolean keep, List<FrameEvent> events) {
    lineLength += end - start;
    if (lineLength <= maxBufferedLength) {
      if (keep && end > start) {
        if (pending == null) {
          pending = Buffer.buffer();
        }
        pending.appendBuffer(chunk, start, end - start);
      }
      return;
    }
    pending = null;
    if (reports == 0) {
      events.add(new FrameEvent.Overlong(maxFrameLength));
      reports++;
    }
    if (reports == 1 && lineLength > maxLineLength) {
      events.add(new FrameEvent.NoLineEnding(maxLineLength));
      reports++;
    }
  }

  /** Whether the first {@code length} bytes of {@code line} are only spaces and tabs (or none). */
  private static boolean isBlank(Buffer line, int length) {
    for (int i = 0; i < length; i++) {
      byte b = line.getByte(i);
      if (b != ' ' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private void endLine(Buffer chunk, int start, int end, List<FrameEvent> events) {
    if (lineLength <= maxBufferedLength) {
      Buffer line = pending == null ? chunk.slice(start, end) : pending.appendBuffer(chunk, start, end - start);
      int length = line.length();
      if (length > 0 && line.getByte(length - 1) == '\r') {
        length--;
      }
      if (length > maxFrameLength) {
        events.add(new FrameEvent.Overlong(maxFrameLength));
      } else if (!isBlank(line, length)) {
        events.add(new FrameEvent.Line(line.getString(0, length, StandardCharsets.UTF_8.name())));
      }
    }
    pending = null;
    lineLength = 0;
    reports = 0;
  }
}
