package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.wardwatch.bus.PatientSnapshot;
import org.wardwatch.clinical.alarm.AlarmTransition;

/**
 * What an input to the {@link WardState} changed: alarm transitions (to publish and audit), patient snapshots (to
 * publish), other audit entries (assessments, limit overrides set or expired, discharges), the keys of the patients
 * whose state changed, whose {@link WardState#state(String)} is to be written again (each of them has its snapshot, or
 * its discharge notice, in {@code snapshots}), and those of them it discharged, whose stored state is to go.
 *
 * @param origin  where the clinician's action that made it came from ({@code "bridge 10.1.2.3"}), which the audit
 *                trail records with what the action did; {@code null} for what the gateway did on its own
 */
public record WardUpdate(List<AlarmTransition> transitions, List<PatientSnapshot> snapshots,
    List<JsonObject> auditEntries, Set<String> changedPatients, Set<String> discharged, String origin) {

  static final WardUpdate NOTHING = new WardUpdate(List.of(), List.of(), List.of(), Set.of());

  /** An update the gateway made on its own. */
  public WardUpdate(List<AlarmTransition> transitions, List<PatientSnapshot> snapshots, List<JsonObject> auditEntries,
      Set<String> changedPatients, Set<String> discharged) {
    this(transitions, snapshots, auditEntries, changedPatients, discharged, null);
  }

  /** An update that discharges nobody. */
  public WardUpdate(List<AlarmTransition> transitions, List<PatientSnapshot> snapshots, List<JsonObject> auditEntries,
      Set<String> changedPatients) {
    this(transitions, snapshots, auditEntries, changedPatients, Set.of());
  }

  /** An update whose changed patients are those of its snapshots. */
  public WardUpdate(List<AlarmTransition> transitions, List<PatientSnapshot> snapshots, List<JsonObject> auditEntries) {
    this(transitions, snapshots, auditEntries, snapshots.stream().map(PatientSnapshot::patient)
        .collect(Collectors.toCollection(LinkedHashSet::new)));
  }

  /** This update with {@code entry} after its other audit entries. */
  WardUpdate audited(JsonObject entry) {
    List<JsonObject> entries = new ArrayList<>(auditEntries);
    entries.add(entry);
    return new WardUpdate(transitions, snapshots, entries, changedPatients, discharged, origin);
  }

  /** This update, made by a clinician's action from {@code origin}. */
  WardUpdate from(String origin) {
    return new WardUpdate(transitions, snapshots, auditEntries, changedPatients, discharged, origin);
  }

  /** This update without what it says of {@code patients}: their transitions, snapshots and audit entries. */
  WardUpdate without(Set<String> patients) {
    if (patients.isEmpty()) {
      return this;
    }
    return new WardUpdate(
        transitions.stream().filter(transition -> !patients.contains(transition.patient())).toList(),
        snapshots.stream().filter(snapshot -> !patients.contains(snapshot.patient())).toList(),
        auditEntries.stream().filter(entry -> !patients.contains(entry.getString("patient"))).toList(),
        changedPatients.stream().filter(patient -> !patients.contains(patient))
            .collect(Collectors.toCollection(LinkedHashSet::new)),
        discharged.stream().filter(patient -> !patients.contains(patient)).collect(Collectors.toUnmodifiableSet()),
        origin);
  }

  /**
   * Keeps the changed patients, in order and unmodifiable: one patient (a frame's update) as {@link Set#copyOf} keeps
   * it, which is the caller's own set when that is immutable already; null patients are rejected.
   */
  public WardUpdate {
    changedPatients = changedPatients.size() <= 1 ? Set.copyOf(changedPatients)
        : Collections.unmodifiableSet(new LinkedHashSet<>(changedPatients));
    discharged = Set.copyOf(discharged);
  }
}
