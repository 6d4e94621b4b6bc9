package org.wardwatch.clinical;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.wardwatch.bus.PatientSnapshot;
import org.wardwatch.clinical.alarm.AlarmTransition;

/**
 * What an input to the {@link WardState} changed: alarm transitions (to publish), patient snapshots (to publish), the
 * {@link AuditRecord}s it made (to record: each transition's, then the others: assessments, limit overrides set or
 * expired, discharges, moves), the keys of the patients whose state changed, whose {@link WardState#state(String)} is
 * to be written again (each of them has its snapshot, or its discharge notice, in {@code snapshots}, with the notice
 * to the ward a patient moved from before its snapshot, but for a frame applied unshown, whose patient a later
 * {@link WardState#show} shows), and those of them it discharged, whose stored state is to go.
 */
public record WardUpdate(List<AlarmTransition> transitions, List<PatientSnapshot> snapshots,
    List<AuditRecord> audit, Set<String> changedPatients, Set<String> discharged) {

  static final WardUpdate NOTHING = new WardUpdate(List.of(), List.of(), List.of(), Set.of());

  /** An update that discharges nobody. */
  public WardUpdate(List<AlarmTransition> transitions, List<PatientSnapshot> snapshots, List<AuditRecord> audit,
      Set<String> changedPatients) {
    this(transitions, snapshots, audit, changedPatients, Set.of());
  }

  /** An update whose changed patients are those of its snapshots. */
  public WardUpdate(List<AlarmTransition> transitions, List<PatientSnapshot> snapshots, List<AuditRecord> audit) {
    this(transitions, snapshots, audit, snapshots.stream().map(PatientSnapshot::patient)
        .collect(Collectors.toCollection(LinkedHashSet::new)));
  }

  /** {@code updates} as one, in order: their transitions, snapshots, audit records, changed and discharged patients. */
  static WardUpdate merged(List<WardUpdate> updates) {
    List<AlarmTransition> transitions = new ArrayList<>();
    List<PatientSnapshot> snapshots = new ArrayList<>();
    List<AuditRecord> audit = new ArrayList<>();
    Set<String> changed = new LinkedHashSet<>();
    Set<String> discharged = new LinkedHashSet<>();
    for (WardUpdate update : updates) {
      transitions.addAll(update.transitions);
      snapshots.addAll(update.snapshots);
      audit.addAll(update.audit);
      changed.addAll(update.changedPatients);
      discharged.addAll(update.discharged);
    }
    return new WardUpdate(transitions, snapshots, audit, changed, discharged);
  }

  /** This update with {@code record} after its other audit records. */
  WardUpdate audited(AuditRecord record) {
    List<AuditRecord> records = new ArrayList<>(audit);
    records.add(record);
    return new WardUpdate(transitions, snapshots, records, changedPatients, discharged);
  }

  /**
   * This update, made by a clinician's action from {@code origin} (null: the gateway's own): each audit record carries
   * the origin, but those of the transitions the gateway made on its own along with the action.
   */
  WardUpdate from(String origin) {
    if (origin == null) {
      return this;
    }
    return new WardUpdate(transitions, snapshots, audit.stream().map(record -> record.transition()
        && AlarmTransition.SYSTEM.equals(record.entry().getString("actor")) ? record : record.from(origin)).toList(),
        changedPatients, discharged);
  }

  /** This update without what it says of {@code patients}: their transitions, snapshots and audit records. */
  WardUpdate without(Set<String> patients) {
    if (patients.isEmpty()) {
      return this;
    }
    return new WardUpdate(
        transitions.stream().filter(transition -> !patients.contains(transition.patient())).toList(),
        snapshots.stream().filter(snapshot -> !patients.contains(snapshot.patient())).toList(),
        audit.stream().filter(record -> !patients.contains(record.patient())).toList(),
        changedPatients.stream().filter(patient -> !patients.contains(patient))
            .collect(Collectors.toCollection(LinkedHashSet::new)),
        discharged.stream().filter(patient -> !patients.contains(patient)).collect(Collectors.toUnmodifiableSet()));
  }

  /**
   * This update without the snapshots of the patients {@code shown} refuses (a patient no longer held here: its next
   * owner shows it); notices of a discharge or a move away stay, as no later snapshot of the patient follows them on
   * their ward.
   */
  WardUpdate withSnapshotsOf(Predicate<String> shown) {
    List<PatientSnapshot> kept = snapshots.stream()
        .filter(snapshot -> !snapshot.supersedable() || shown.test(snapshot.patient())).toList();
    return kept.size() == snapshots.size() ? this
        : new WardUpdate(transitions, kept, audit, changedPatients, discharged);
  }

  /**
   * Checks that every transition has its audit record, and keeps the changed patients, in order and unmodifiable: one
   * patient (a frame's update) as {@link Set#copyOf} keeps it, which is the caller's own set when that is immutable
   * already; null patients are rejected.
   */
  public WardUpdate {
    long transitionRecords = audit.isEmpty() ? 0 : audit.stream().filter(AuditRecord::transition).count();
    if (transitionRecords != transitions.size()) { // announced from its record: a transition without one would not be
      throw new IllegalArgumentException(transitions.size() + " transitions with " + transitionRecords + " records");
    }
    changedPatients = changedPatients.size() <= 1 ? Set.copyOf(changedPatients)
        : Collections.unmodifiableSet(new LinkedHashSet<>(changedPatients));
    discharged = Set.copyOf(discharged);
  }
}
