package org.wardwatch.hl7;

/**
 * A supported, readable ORU^R01 whose content WardWatch cannot accept: no usable observation, a numeric value that is
 * not a number or implausible, a unit that does not match the parameter, a missing observation code, an unreadable
 * time. Nothing from the message is recorded. Answered with AE (after CA when the sender asks for accept
 * acknowledgements: {@link AckConditions}).
 *
 * <p>Immutable and thread-safe.
 */
public final class Hl7ContentException extends Hl7Exception {

  private static final long serialVersionUID = 1L;

  /** A content error in the message with {@code header}, explained by {@code reason}. */
  public Hl7ContentException(MessageHeader header, int errorCode, String reason) {
    this(header, errorCode, reason, null);
  }

  /** A content error caused by {@code cause}. */
  public Hl7ContentException(MessageHeader header, int errorCode, String reason, Throwable cause) {
    super(header, errorCode, reason, cause);
  }
}
