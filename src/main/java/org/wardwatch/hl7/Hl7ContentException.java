package org.wardwatch.hl7;

import ca.uhn.hl7v2.ErrorCode;
import java.util.List;
import org.wardwatch.model.DeviceIdentity;

/**
 * A supported, readable ORU^R01 whose content WardWatch cannot accept: no usable observation (every numeric value not a
 * number, implausible or in a unit that does not match its parameter, say), a patient or bed that is no identifier, an
 * unreadable OBR-7. Nothing from the message is recorded. Answered with AE (after CA when the sender asks for accept
 * acknowledgements: {@link AckConditions}), an ERR segment for each of its {@link #errors()}. {@link #source()} names
 * whom the refused content was about, once the message's identity was read ({@link MessageReader}), so the parser can
 * raise the device's invalid-signal alarm.
 *
 * <p>Immutable and thread-safe.
 */
public final class Hl7ContentException extends Hl7Exception {

  private static final long serialVersionUID = 1L;

  private final transient DeviceIdentity source;
  private final transient List<Hl7Error> errors;

  /** A content error in the message with {@code header}, explained by {@code reason}. */
  public Hl7ContentException(MessageHeader header, ErrorCode errorCode, String reason) {
    this(header, errorCode, reason, null);
  }

  /** A content error caused by {@code cause}. */
  public Hl7ContentException(MessageHeader header, ErrorCode errorCode, String reason, Throwable cause) {
    this(header, errorCode, reason, cause, null, List.of(new Hl7Error(errorCode, reason)));
  }

  /** The refusal of a message none of whose rows could be recorded, each refused for one of {@code rowsRefused}. */
  Hl7ContentException(MessageHeader header, List<Hl7Error> rowsRefused) {
    this(header, rowsRefused.get(0).errorCode(), Hl7Error.reasons(rowsRefused), null, null,
        List.copyOf(rowsRefused));
  }

  private Hl7ContentException(MessageHeader header, ErrorCode errorCode, String reason, Throwable cause,
      DeviceIdentity source, List<Hl7Error> errors) {
    super(header, errorCode, reason, cause);
    this.source = source;
    this.errors = errors;
  }

  /** This refusal of a message about {@code messageSource} (its device, and patient, ward and bed as it names them). */
  Hl7ContentException about(DeviceIdentity messageSource) {
    return new Hl7ContentException(header(), errorCode(), getMessage(), getCause(), messageSource, errors);
  }

  /** What the acknowledgement names, an ERR segment each: this refusal, or each row refused. */
  List<Hl7Error> errors() {
    return errors;
  }

  /**
   * Whom the message was about, or {@code null} when it was refused before its identity was read (a patient, ward,
   * bed or device that is no identifier, a second patient or header) or for a failure of the reader itself.
   */
  public DeviceIdentity source() {
    return source;
  }
}
