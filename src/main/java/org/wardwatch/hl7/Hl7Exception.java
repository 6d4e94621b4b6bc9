package org.wardwatch.hl7;

import ca.uhn.hl7v2.ErrorCode;

/**
 * A received HL7 message that WardWatch does not record. Carries what the acknowledgement needs: the message header (as
 * much of it as could be read, never {@code null}), the HL7 error code (table 0357, HAPI's {@link ErrorCode}) and, as
 * the exception message, a text for the technician. Nothing of a failed message is recorded (a message of which some
 * rows are refused is no failure: {@link Hl7Message#refused}).
 *
 * <p>Immutable and thread-safe.
 */
public abstract sealed class Hl7Exception extends Exception permits Hl7RejectedException, Hl7ContentException,
    Hl7IncompleteException {

  private static final long serialVersionUID = 1L;

  private final transient MessageHeader header;
  private final ErrorCode errorCode;

  Hl7Exception(MessageHeader header, ErrorCode errorCode, String message, Throwable cause) {
    super(message, cause);
    this.header = header == null ? MessageHeader.EMPTY : header;
    this.errorCode = errorCode;
  }

  /** The header of the failed message, {@link MessageHeader#EMPTY} when none could be read. */
  public MessageHeader header() {
    return header;
  }

  /** The HL7 error code (table 0357) for the ERR segment. */
  public ErrorCode errorCode() {
    return errorCode;
  }
}
