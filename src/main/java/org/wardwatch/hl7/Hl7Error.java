package org.wardwatch.hl7;

import ca.uhn.hl7v2.ErrorCode;
import java.util.List;

/**
 * One error an acknowledgement reports, in an ERR segment of its own: the HL7 error code (table 0357, HAPI's
 * {@link ErrorCode}) and a text for the technician, such as why an OBX row was refused ({@code OBX 3: ...}).
 *
 * <p>Immutable and thread-safe.
 */
public record Hl7Error(ErrorCode errorCode, String reason) {

  /** The reasons of {@code errors}, in order, as one text. */
  static String reasons(List<Hl7Error> errors) {
    return String.join("; ", errors.stream().map(Hl7Error::reason).toList());
  }
}
