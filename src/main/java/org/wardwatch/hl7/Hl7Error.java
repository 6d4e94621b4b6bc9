package org.wardwatch.hl7;

import ca.uhn.hl7v2.ErrorCode;
import java.util.List;
import org.wardwatch.model.Abridged;

/**
 * One error an acknowledgement reports, in an ERR segment of its own: the HL7 error code (table 0357, HAPI's
 * {@link ErrorCode}) and a text for the technician, such as why an OBX row was refused ({@code OBX 3: ...}).
 *
 * <p>Immutable and thread-safe.
 */
public record Hl7Error(ErrorCode errorCode, String reason) {

  /** The most errors kept of one message: thousands of refused rows would otherwise each be an ERR segment. */
  static final int MAX_KEPT = 20;

  /** The reasons of {@code errors}, in order, as one text. */
  static String reasons(List<Hl7Error> errors) {
    return String.join("; ", errors.stream().map(Hl7Error::reason).toList());
  }

  /** The first {@value #MAX_KEPT} of {@code errors}, and one counting the others (with the last's code) if more. */
  static List<Hl7Error> summarised(List<Hl7Error> errors) {
    return Abridged.firstThenCount(errors, MAX_KEPT, more -> new Hl7Error(errors.get(errors.size() - 1).errorCode(),
        "... and " + more + " more row(s) refused"));
  }
}
