package org.wardwatch.clinical;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.wardwatch.clinical.alarm.AlarmTransition;

/**
 * Ends each input of a {@link WardState} for one patient: records the alarm transitions it made among the trend's
 * events and in the patient's audit outbox, and makes its {@link WardUpdate}, with the patient's snapshot. Not
 * thread-safe: part of its engine, on the clinical engine's event loop.
 */
final class PatientUpdates {

  private final VitalsHistory vitalsHistory;
  private final PatientConditions conditions;

  PatientUpdates(VitalsHistory vitalsHistory, PatientConditions conditions) {
    this.vitalsHistory = vitalsHistory;
    this.conditions = conditions;
  }

  /**
   * Ends an input for {@code patient}: a change when {@code dataChanged}, when there are transitions, or when an alarm
   * message was refreshed without one.
   */
  WardUpdate changed(PatientRecord patient, List<AlarmTransition> transitions, boolean dataChanged, Instant now) {
    return changed(patient, transitions, dataChanged, true, now);
  }

  /** {@link #changed}, with the patient's snapshot only when {@code shown} (see {@link WardState#applyUnshown}). */
  WardUpdate changed(PatientRecord patient, List<AlarmTransition> transitions, boolean dataChanged, boolean shown,
      Instant now) {
    vitalsHistory.recordEvents(patient.key(), transitions, now);
    boolean refreshed = patient.alarms().takeRefreshed();
    if (!dataChanged && !refreshed && transitions.isEmpty()) {
      return WardUpdate.NOTHING;
    }
    patient.touch(now);
    List<AuditRecord> audit = patient.auditOutbox().addTransitions(transitions);
    return new WardUpdate(List.copyOf(transitions),
        shown ? List.of(patient.snapshotToPublish(conditions.rules())) : List.of(), audit, Set.of(patient.key()));
  }
}
