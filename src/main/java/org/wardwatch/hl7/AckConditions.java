package org.wardwatch.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which acknowledgements a received message asked for, and their MSA-1 codes, by the HL7 v2 acknowledgement rules
 * (chapter 2; table 0155 for MSH-15 and MSH-16), decided per message. The codes are HL7 table 0008, HAPI's
 * {@link AcknowledgmentCode}.
 *
 * <ul>
 *   <li><b>Original mode</b>, MSH-15 and MSH-16 both empty (or {@code ""}): one acknowledgement, {@code AA},
 *   {@code AE} or {@code AR}.</li>
 *   <li><b>Enhanced mode</b>, either given: an accept (commit) acknowledgement, {@code CA}, {@code CE} or {@code CR},
 *   as MSH-15 asks, then an application acknowledgement, {@code AA}, {@code AE} or {@code AR}, as MSH-16 asks:
 *   {@code AL} always, {@code NE} never, {@code ER} on an error or rejection only, {@code SU} on success only; an empty
 *   field asks for none (as HAPI's own processor reads it), and a value outside the table for every one. Values are
 *   read trimmed, in any case. IHE PCD-01 monitors send {@code NE} and {@code AL}: the application acknowledgement
 *   alone. {@code AL} with MSH-16 empty gets {@code CA} alone; a sender that asks for both gets two acknowledgements of
 *   the one message, in that order.</li>
 * </ul>
 *
 * <p>An acknowledgement received ({@link MessageHeader#isAcknowledgement}, e.g. a sender's accept acknowledgement of
 * ours) is never answered, whatever became of it: two peers that acknowledged acknowledgements would loop.
 *
 * <p>A message not taken is answered once: when it is one WardWatch does not process (wrong type, version or
 * processing id), by {@code CR} when MSH-15 asks for it, else {@code AR} when MSH-16 does; when the framing could not
 * take it whole (too large, cut short), by {@code CE}, else {@code AE}. A sender that wanted no accept acknowledgements
 * hears of it all the same. A message with a content error was taken ({@code CA}) and is in error to the application
 * ({@code AE}).
 *
 * <p>Pure and thread-safe.
 */
final class AckConditions {

  /** What became of a received message. */
  enum Outcome {
    /** Recorded. */
    ACCEPTED,
    /** Taken and read, but its content is in error: nothing of it recorded, or some of its rows refused. */
    ERROR,
    /** Not taken: the framing could not take it whole (too large, cut short). */
    INCOMPLETE,
    /** Not taken: a clinical engine did not admit its patient (its limit). */
    NOT_ADMITTED,
    /** Not taken: its type, version, processing id or syntax is not supported. */
    REJECTED
  }

  private AckConditions() {
  }

  /** True when an acknowledgement with {@code code} reports an error, with an ERR segment: all but AA and CA. */
  static boolean reportsError(AcknowledgmentCode code) {
    return code != AcknowledgmentCode.AA && code != AcknowledgmentCode.CA;
  }

  /** The codes of the acknowledgements to answer {@code header}'s message with, in order; possibly none. */
  static List<AcknowledgmentCode> codes(MessageHeader header, Outcome outcome) {
    if (header.isAcknowledgement()) {
      return List.of();
    }
    String accept = condition(header.acceptAckType());
    String application = condition(header.applicationAckType());
    if (accept == null && application == null) {
      return List.of(applicationCode(outcome));
    }
    if (outcome != Outcome.ACCEPTED && outcome != Outcome.ERROR) { // not taken
      AcknowledgmentCode notTaken = outcome == Outcome.REJECTED ? AcknowledgmentCode.CR : AcknowledgmentCode.CE;
      return asks(accept, false) ? List.of(notTaken)
          : asks(application, false) ? List.of(applicationCode(outcome)) : List.of();
    }
    List<AcknowledgmentCode> codes = new ArrayList<>(2);
    if (asks(accept, true)) {
      codes.add(AcknowledgmentCode.CA);
    }
    if (asks(application, outcome == Outcome.ACCEPTED)) {
      codes.add(applicationCode(outcome));
    }
    return codes;
  }

  /**
   * A condition of table 0155 as sent, trimmed and in upper case; null for none (empty; the header reads HL7's
   * {@code ""} as absent).
   */
  private static String condition(String sent) {
    String trimmed = sent == null ? "" : sent.trim();
    return trimmed.isEmpty() ? null : trimmed.toUpperCase(Locale.ROOT);
  }

  /** True when {@code condition} asks for an acknowledgement of a message that did or did not succeed. */
  private static boolean asks(String condition, boolean success) {
    if (condition == null) {
      return false;
    }
    return switch (condition) {
      case "NE" -> false;
      case "ER" -> !success;
      case "SU" -> success;
      default -> true; // AL, and a value outside the table: answering is safer than leaving the sender waiting
    };
  }

  private static AcknowledgmentCode applicationCode(Outcome outcome) {
    return switch (outcome) {
      case ACCEPTED -> AcknowledgmentCode.AA;
      case ERROR, INCOMPLETE, NOT_ADMITTED -> AcknowledgmentCode.AE;
      case REJECTED -> AcknowledgmentCode.AR;
    };
  }
}
