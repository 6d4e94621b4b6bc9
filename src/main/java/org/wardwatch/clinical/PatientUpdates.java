package org.wardwatch.clinical;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wardwatch.bus.PatientSnapshot;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.model.DeviceIdentity;

/**
 * Ends each input of a {@link WardState} for one patient: records the alarm transitions it made among the trend's
 * events and in the patient's audit outbox, and makes its {@link WardUpdate}, with the patient's snapshot (and, when
 * its frames moved the patient to another ward, the notice to the old ward's screens: {@link PatientMove}). Not
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
    DeviceIdentity left = patient.takeLeftWard();
    if (!dataChanged && !refreshed && transitions.isEmpty()) {
      return WardUpdate.NOTHING;
    }
    patient.touch(now);
    List<AuditRecord> audit = patient.auditOutbox().addTransitions(transitions);
    List<PatientSnapshot> snapshots = shown ? List.of(patient.snapshotToPublish(conditions.rules())) : List.of();
    if (left != null && !left.wardOrDefault().equals(patient.ward())) { // its old ward's screens are told it left
      audit = new ArrayList<>(audit);
      audit.add(patient.auditOutbox().add(PatientMove.audit(patient, left, now), false));
      snapshots = new ArrayList<>(snapshots);
      snapshots.add(0, PatientMove.notice(patient, left, now));
    }
    return new WardUpdate(List.copyOf(transitions), snapshots, audit, Set.of(patient.key()));
  }
}
