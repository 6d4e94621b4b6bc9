package org.wardwatch.hl7;

import ca.uhn.hl7v2.ErrorCode;

/**
 * A message WardWatch does not process at all: no readable MSH segment, a message type other than ORU^R01, or an
 * unsupported version or processing id. Answered with AR (CR when the sender asks for accept acknowledgements:
 * {@link AckConditions}).
 *
 * <p>Immutable and thread-safe.
 */
public final class Hl7RejectedException extends Hl7Exception {

  private static final long serialVersionUID = 1L;

  /** A rejection of the message with {@code header} for {@code reason}, with HL7 error {@code errorCode}. */
  public Hl7RejectedException(MessageHeader header, ErrorCode errorCode, String reason) {
    this(header, errorCode, reason, null);
  }

  /** A rejection caused by {@code cause} (typically a parse failure). */
  public Hl7RejectedException(MessageHeader header, ErrorCode errorCode, String reason, Throwable cause) {
    super(header, errorCode, reason, cause);
  }
}
