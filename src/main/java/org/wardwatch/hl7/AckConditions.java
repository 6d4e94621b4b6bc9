package org.wardwatch.hl7;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which acknowledgements a received message asked for, and their MSA-1 codes, by the HL7 v2 acknowledgement rules
 * (chapter 2; table 0155 for MSH-15 and MSH-16), decided per message.
 *
 * <ul>
 *   <li><b>Original mode</b>, MSH-15 and MSH-16 both empty: one acknowledgement, {@code AA}, {@code AE} or
 *   {@code AR}.</li>
 *   <li><b>Enhanced mode</b>, either given: an accept (commit) acknowledgement, {@code CA} or {@code CR}, as MSH-15
 *   asks, then an application acknowledgement, {@code AA}, {@code AE} or {@code AR}, as MSH-16 asks: {@code AL}
 *   always, {@code NE} never, {@code ER} on an error or rejection only, {@code SU} on success only; an empty field asks
 *   for none (as HAPI's own processor reads it) and a value outside the table for every one. IHE PCD-01 monitors send
 *   {@code NE} and {@code AL}: the application acknowledgement alone.</li>
 * </ul>
 *
 * <p>A message WardWatch does not process (wrong type, version or processing id) is rejected once: by {@code CR} when
 * MSH-15 asks for it, else by {@code AR} when MSH-16 does (a message not committed reaches no application, and a
 * sender that wanted no accept acknowledgements hears of the rejection all the same). A message with a content error
 * was taken ({@code CA}) and is in error to the application ({@code AE}).
 *
 * <p>Pure and thread-safe.
 */
final class AckConditions {

  /** What became of a received message. */
  enum Outcome {
    /** Recorded. */
    ACCEPTED,
    /** Readable, but its content is in error: nothing of it recorded. */
    ERROR,
    /** Not processed: its type, version, processing id or syntax is not supported. */
    REJECTED
  }

  private AckConditions() {
  }

  /** The MSA-1 codes of the acknowledgements to answer {@code header}'s message with, in order; possibly none. */
  static List<String> codes(MessageHeader header, Outcome outcome) {
    String accept = header.acceptAckType();
    String application = header.applicationAckType();
    if (accept == null && application == null) {
      return List.of(applicationCode(outcome));
    }
    boolean success = outcome != Outcome.REJECTED;
    List<String> codes = new ArrayList<>(2);
    if (asks(accept, success)) {
      codes.add(success ? "CA" : "CR");
      if (!success) {
        return codes;
      }
    }
    if (asks(application, outcome == Outcome.ACCEPTED)) {
      codes.add(applicationCode(outcome));
    }
    return codes;
  }

  /** True when a condition of table 0155 asks for an acknowledgement of a message that did or did not succeed. */
  private static boolean asks(String condition, boolean success) {
    if (condition == null) {
      return false;
    }
    return switch (condition.toUpperCase(Locale.ROOT)) {
      case "NE" -> false;
      case "ER" -> !success;
      case "SU" -> success;
      default -> true; // AL, and a value outside the table: answering is safer than leaving the sender waiting
    };
  }

  private static String applicationCode(Outcome outcome) {
    return switch (outcome) {
      case ACCEPTED -> "AA";
      case ERROR -> "AE";
      case REJECTED -> "AR";
    };
  }
}
