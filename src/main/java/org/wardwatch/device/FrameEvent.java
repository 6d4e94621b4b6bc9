package org.wardwatch.device;

/** What the {@link LineFramer} found in the byte stream. */
sealed interface FrameEvent {

  /** A complete frame, without its line ending. */
  record Line(String text) implements FrameEvent {
  }

  /** A frame longer than the maximum: its bytes are being discarded up to the next line ending. */
  record Overlong(int maxFrameLength) implements FrameEvent {
  }
}
