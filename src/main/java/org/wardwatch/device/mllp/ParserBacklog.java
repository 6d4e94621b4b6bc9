package org.wardwatch.device.mllp;

/**
 * The HL7 text this node's MLLP sessions have handed to the parsers and not had answered yet (nor given up on): at
 * most {@value #MESSAGES_WORTH} of the largest messages' worth. A message past that is not sent; its connection closes
 * unanswered, so its sender retransmits later. Without it, senders that hand over large messages and go (reset, or
 * time out) could queue a gigabyte behind the parsers, which take seconds over a megabyte, while every monitor's
 * usual message waited past its timeout.
 *
 * <p>Not thread-safe: owned by the MLLP server verticle, used by its sessions on its event loop.
 */
final class ParserBacklog {

  /** How many of the largest messages' text may wait for the parsers at once. */
  static final int MESSAGES_WORTH = 64;

  private final long limit;
  private long waiting;

  /** A backlog for messages of at most {@code maxMessageBytes}. */
  ParserBacklog(int maxMessageBytes) {
    this.limit = (long) MESSAGES_WORTH * maxMessageBytes;
  }

  /** Counts a message of {@code chars} characters in, unless that would pass the limit; true when it was. */
  boolean admit(int chars) {
    if (waiting + chars > limit) {
      return false;
    }
    waiting += chars;
    return true;
  }

  /** A message {@link #admit}ted was answered, or given up on. */
  void release(int chars) {
    waiting -= chars;
  }
}
