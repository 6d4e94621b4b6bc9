package org.wardwatch.hl7;

import ca.uhn.hl7v2.ErrorCode;

/**
 * A message the MLLP framing could not take whole: larger than the limit, or cut short (a new start block, or the
 * sender's close, before its end block). Nothing of it is read but its header. Answered with AE (CE when the sender
 * asks for accept acknowledgements: {@link AckConditions}).
 *
 * <p>Immutable and thread-safe.
 */
public final class Hl7IncompleteException extends Hl7Exception {

  private static final long serialVersionUID = 1L;

  /**
   * The message whose text begins {@code head} was not taken: {@code reason}. Its header is read only when its MSH
   * segment came whole ({@link MessageHeader#sniffWhole}).
   */
  public Hl7IncompleteException(String head, String reason) {
    super(MessageHeader.sniffWhole(head), ErrorCode.SEGMENT_SEQUENCE_ERROR, reason, null);
  }
}
