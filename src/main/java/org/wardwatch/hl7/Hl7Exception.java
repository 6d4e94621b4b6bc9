package org.wardwatch.hl7;

/**
 * A received HL7 message that WardWatch does not record. Carries what the acknowledgement needs: the message header
 * (as much of it as could be read, never {@code null}), the HL7 error code (table 0357) and, as the exception message,
 * a text for the technician. Nothing of a failed message is recorded: a message is accepted or refused whole.
 *
 * <p>Immutable and thread-safe.
 */
public abstract sealed class Hl7Exception extends Exception permits Hl7RejectedException, Hl7ContentException,
    Hl7IncompleteException {

  /** HL7 table 0357: segments out of order or a required segment (MSH) missing. */
  public static final int SEGMENT_SEQUENCE_ERROR = 100;
  /** HL7 table 0357: a required field is missing. */
  public static final int REQUIRED_FIELD_MISSING = 101;
  /** HL7 table 0357: a field's value does not fit its data type (not a number, impossible value or time). */
  public static final int DATA_TYPE_ERROR = 102;
  /** HL7 table 0357: a coded value (e.g. a unit) is not one the receiver accepts. */
  public static final int TABLE_VALUE_NOT_FOUND = 103;
  /** HL7 table 0357: the message type is not supported. */
  public static final int UNSUPPORTED_MESSAGE_TYPE = 200;
  /** HL7 table 0357: the trigger event is not supported. */
  public static final int UNSUPPORTED_EVENT_CODE = 201;
  /** HL7 table 0357: the processing id is not supported. */
  public static final int UNSUPPORTED_PROCESSING_ID = 202;
  /** HL7 table 0357: the version id is not supported. */
  public static final int UNSUPPORTED_VERSION_ID = 203;
  /** HL7 table 0357: the receiver failed unexpectedly. */
  public static final int APPLICATION_INTERNAL_ERROR = 207;

  private static final long serialVersionUID = 1L;

  private final transient MessageHeader header;
  private final int errorCode;

  Hl7Exception(MessageHeader header, int errorCode, String message, Throwable cause) {
    super(message, cause);
    this.header = header == null ? MessageHeader.EMPTY : header;
    this.errorCode = errorCode;
  }

  /** The header of the failed message, {@link MessageHeader#EMPTY} when none could be read. */
  public MessageHeader header() {
    return header;
  }

  /** The HL7 error code (table 0357) for the ERR segment. */
  public int errorCode() {
    return errorCode;
  }
}
