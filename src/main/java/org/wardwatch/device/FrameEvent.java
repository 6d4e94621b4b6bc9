package org.wardwatch.device;

import java.util.ArrayList;
import java.util.List;

/** What the {@link LineFramer} found in the byte stream. */
sealed interface FrameEvent {

  /** A complete frame, without its line ending. */
  record Line(String text) implements FrameEvent {
  }

  /** A frame longer than the maximum (reported once): its bytes are being discarded up to the next line ending. */
  record Overlong(int maxFrameLength) implements FrameEvent {
  }

  /**
   * An overlong frame that went on past {@code maxLineLength} bytes without a line ending (reported once, after its
   * {@link Overlong}): not a frame of its own, but a sender that is not speaking the protocol.
   */
  record NoLineEnding(long maxLineLength) implements FrameEvent {
  }

  /**
   * The bytes after the last line ending when the stream ended: perhaps a frame cut short (a device that died while
   * writing it), so it is refused, never parsed.
   */
  record Unterminated(String text) implements FrameEvent {
  }

  /** The text of each complete frame among {@code events}, in order. */
  static List<String> lines(List<FrameEvent> events) {
    List<String> lines = new ArrayList<>(events.size());
    for (FrameEvent event : events) {
      if (event instanceof Line line) {
        lines.add(line.text());
      }
    }
    return lines;
  }
}
