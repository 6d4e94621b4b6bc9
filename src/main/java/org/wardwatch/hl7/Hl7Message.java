package org.wardwatch.hl7;

import java.util.List;
import org.wardwatch.model.Abridged;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;

/**
 * One ORU^R01 message recorded, whole or in part, decoded: its header (for the acknowledgement), the observations it
 * carried grouped into frame reports (one per distinct observation time, in time order, all with the same source
 * identity), warnings about what was skipped or assumed (for the technician's log; not errors), and the rows refused
 * (for the sender: the message is answered {@code AE}, naming each, though its other rows are recorded).
 *
 * <p>Immutable and thread-safe.
 *
 * @param header    the message's MSH, as far as WardWatch uses it
 * @param reports   at least one report (none for an acknowledgement received); each holds values and/or sensors off
 * @param warnings  rows skipped, identifiers dropped, zones assumed; empty for a clean message; at most
 *                  {@value #MAX_WARNINGS} and a count of the rest ({@link #summarised})
 * @param refused   the rows refused, each alone, with why; empty for a message recorded whole; at most
 *                  {@value Hl7Error#MAX_KEPT} and a count of the rest ({@link Hl7Error#summarised})
 */
public record Hl7Message(MessageHeader header, List<FrameReport> reports, List<String> warnings,
    List<Hl7Error> refused) {

  /** The most warnings kept of one message: thousands of repeated rows would otherwise each be a log line. */
  static final int MAX_WARNINGS = 20;

  /** Copies the lists, so the message stays immutable, and summarises the warnings. */
  public Hl7Message {
    reports = List.copyOf(reports);
    warnings = summarised(warnings);
    refused = Hl7Error.summarised(refused);
  }

  /** The first {@value #MAX_WARNINGS} of {@code warnings}, and a line counting the others if there are more. */
  static List<String> summarised(List<String> warnings) {
    return Abridged.firstThenCount(warnings, MAX_WARNINGS, more -> "... and " + more + " more warning(s) like these");
  }

  /** Whom and what the message is about: the same for every report. */
  public DeviceIdentity source() {
    return reports.isEmpty() ? DeviceIdentity.UNKNOWN : reports.get(0).source();
  }

  /** Every observation of every report, in report order. */
  public List<Observation> observations() {
    return reports.stream().flatMap(report -> report.observations().stream()).toList();
  }
}
