package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wardwatch.bus.PatientSnapshot;
import org.wardwatch.clinical.alarm.AlarmKind;
import org.wardwatch.model.Parameter;

/**
 * What the clinical engine answers when asked about the patients its {@link WardState} holds, beside what it
 * publishes: a patient's snapshot now, a ward's snapshots, the ward picker's summary and a patient's trend history.
 * Nothing it answers changes a patient (a snapshot made here is not a published one: see
 * {@link PatientRecord#snapshotToPublish}).
 *
 * <p>A view of the engine's patients, owned by the {@link WardState}; not thread-safe: read on the clinical engine's
 * thread.
 */
public final class WardView {

  private final Map<String, PatientRecord> patients;
  private final PatientConditions conditions;
  private final VitalsHistory vitalsHistory;

  WardView(Map<String, PatientRecord> patients, PatientConditions conditions, VitalsHistory vitalsHistory) {
    this.patients = patients;
    this.conditions = conditions;
    this.vitalsHistory = vitalsHistory;
  }

  /** How many patients the engine holds. */
  public int patients() {
    return patients.size();
  }

  /**
   * The patient's last {@code minutes} for the trend view: {@code {"patient", "ward"}}, the {@link VitalsHistory}
   * window, and {@code "limits": {"PULSE": [rule, ...], ...}}, the threshold rules in force now for each parameter that
   * has any (the patient's override while in force, else the ward's), as {@link ThresholdRule#toJson()}; empty when no
   * such patient is known.
   */
  public Optional<JsonObject> history(String patientKey, int minutes, Instant now) {
    return Optional.ofNullable(patients.get(patientKey)).map(patient -> new JsonObject().put("patient", patient.key())
        .put("ward", patient.ward()).mergeIn(vitalsHistory.toJson(patient.key(), minutes, now))
        .put("limits", limitsInForce(patient, now)));
  }

  /** The patient's snapshot now ({@link PatientRecord#snapshot}); empty when not held here. */
  public Optional<PatientSnapshot> snapshot(String patientKey) {
    return Optional.ofNullable(patients.get(patientKey)).map(patient -> patient.snapshot(conditions.rules()));
  }

  /** The {@link #snapshot} of every patient of {@code ward} (of every patient when null), in no particular order. */
  public List<PatientSnapshot> snapshots(String ward) {
    return patients.values().stream().filter(patient -> ward == null || ward.equals(patient.ward()))
        .map(patient -> patient.snapshot(conditions.rules())).toList();
  }

  /** The ward picker's lines ({@link WardSummary}), counted with no snapshot encoded: 10,000 patients take ms. */
  public JsonArray wardSummary() {
    return WardSummary.of(patients.values().stream().map(patient -> new JsonObject().put("ward", patient.ward())
        .put("alarms", patient.alarms().toJson(AlarmKind.PHYSIOLOGICAL))
        .put("technicalAlarms", patient.alarms().toJson(AlarmKind.TECHNICAL))).toList());
  }

  /** {@code {"PULSE": [rule, ...], ...}}: the rules in force now for each parameter of the patient that has any. */
  private JsonObject limitsInForce(PatientRecord patient, Instant now) {
    JsonObject limits = new JsonObject();
    for (Parameter parameter : Parameter.values()) {
      List<ThresholdRule> inForce = conditions.rulesFor(patient, parameter, now);
      if (!inForce.isEmpty()) {
        limits.put(parameter.name(), new JsonArray(inForce.stream().map(ThresholdRule::toJson).toList()));
      }
    }
    return limits;
  }
}
