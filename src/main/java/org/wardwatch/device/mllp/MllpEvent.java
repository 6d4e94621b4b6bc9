package org.wardwatch.device.mllp;

/** What the {@link MllpFramer} found in the byte stream. */
sealed interface MllpEvent {

  /** A complete message between {@code 0x0B} and {@code 0x1C}. */
  record Message(String text) implements MllpEvent {
  }

  /**
   * A message larger than the maximum, discarded; {@code head} is its beginning (enough to read its MSH and answer
   * it).
   */
  record Oversized(String head, int maxBytes) implements MllpEvent {
  }

  /** A message cut short: a new start block arrived before its end block. */
  record Truncated(String partial) implements MllpEvent {
  }

  /** A message the sender's close cut short: it shut its side of the connection before the end block. */
  record Unterminated(String partial) implements MllpEvent {
  }

  /**
   * What followed a start block inside a message, up to the end block: the rest of the {@link Truncated} message (it
   * does not begin with {@code MSH}), not a message of its own, so never answered: its sender gets one answer for the
   * one message it sent.
   */
  record Fragment(String text) implements MllpEvent {
  }
}
