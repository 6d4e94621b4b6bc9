package org.wardwatch.hl7;

import java.util.List;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;

/**
 * One accepted ORU^R01 message, decoded: its header (for the acknowledgement), the observations it carried grouped into
 * frame reports (one per distinct observation time, in time order, all with the same source identity), and warnings
 * about what was skipped or assumed (for the technician's log; not errors).
 *
 * <p>Immutable and thread-safe.
 *
 * @param header    the message's MSH, as far as WardWatch uses it
 * @param reports   at least one report; each holds values and/or sensors reported off
 * @param warnings  rows skipped, identifiers dropped, zones assumed; empty for a clean message
 */
public record Hl7Message(MessageHeader header, List<FrameReport> reports, List<String> warnings) {

  /** Copies the lists, so the message stays immutable. */
  public Hl7Message {
    reports = List.copyOf(reports);
    warnings = List.copyOf(warnings);
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
