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

  /**
   * {@link #changed}, with the patient's snapshot only when {@code shown} (see {@link WardState#applyUnshown}), or when
   * the input moved the patient to another ward: then, after the notice to the ward they left.
   */
  WardUpdate changed(PatientRecord patient, List<AlarmTransition> transitions, boolean dataChanged, boolean shown,
      Instant now) {
    vitalsHistory.recordEvents(patient.key(), transitions, now);
    boolean refreshed = patient.alarms().takeRefreshed();
    if (!dataChanged && !refreshed && transitions.isEmpty()) {
      return WardUpdate.NOTHING;
    }
    patient.touch(now);
    List<AuditRecord> audit = patient.auditOutbox().addTransitions(transitions);
    DeviceIdentity left = patient.takeLeftWard();
    if (left == null) { // the usual input: one snapshot, or none until the batch's end shows the patient
      List<PatientSnapshot> snapshots = shown ? List.of(patient.snapshotToPublish(conditions.rules())) : List.of();
      return new WardUpdate(List.copyOf(transitions), snapshots, audit, Set.of(patient.key()));
    }
    // a move is shown at its frame, even within a batch: the alarms it made are on the new ward's screens with it
    return movedAway(List.copyOf(transitions), audit, patient, left);
  }

  /**
   * The update of {@code transitions} and their {@code audit} with the patient's snapshot, after, when they are on
   * another ward than {@code left}'s now, the notice to {@code left}'s ward that they left it and the audit entry of
   * the move ({@link PatientMove}).
   */
  private WardUpdate movedAway(List<AlarmTransition> transitions, List<AuditRecord> audit, PatientRecord patient,
      DeviceIdentity left) {
    List<PatientSnapshot> snapshots = new ArrayList<>(2);
    List<AuditRecord> records = new ArrayList<>(audit);
    if (!left.wardOrDefault().equals(patient.ward())) {
      snapshots.add(PatientMove.notice(patient, left));
      records.add(patient.auditOutbox().add(PatientMove.audit(patient, left), false));
    }
    snapshots.add(patient.snapshotToPublish(conditions.rules()));
    return new WardUpdate(transitions, snapshots, records, Set.of(patient.key()));
  }
}
