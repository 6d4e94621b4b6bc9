package org.wardwatch.parsing;

/**
 * A frame that cannot be accepted. The message is the reason sent back to the device, written for the technician who
 * has to fix it; {@link #sequence()} is the frame's {@code Seq} when it could be read, so the NAK can name the frame.
 */
public class MalformedFrameException extends Exception {

  private final String sequence;

  public MalformedFrameException(String reason, String sequence) {
    super(reason, null, false, false);
    this.sequence = sequence;
  }

  /** The frame's {@code Seq} as sent, or {@code null} when it had none or it was unreadable. */
  public String sequence() {
    return sequence;
  }
}
