package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

/**
 * The node's patients and their alarms: applies each frame's observations, evaluates the threshold rules and says
 * what to tell browsers. Pure (no Vert.x): the alert rules verticle owns it and publishes its results.
 *
 * <p>Not thread-safe: used on one event loop.
 */
public final class WardState {

  /** What one frame changed, for publication: the alarm changes and the patient's new snapshot. */
  public record Update(String ward, List<AlarmEvent> alarmChanges, JsonObject snapshot) {
  }

  private final Map<String, PatientRecord> patients = new LinkedHashMap<>();
  private ThresholdEvaluator evaluator;

  public WardState(ThresholdEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  /** Applies the observations of one frame (all from one source) and returns what changed. */
  public Update apply(List<Observation> frame, Instant now) {
    Observation first = frame.get(0);
    PatientRecord patient = patients.computeIfAbsent(first.source().patientKey(),
        key -> new PatientRecord(key, first.source()));
    List<AlarmEvent> changes = new ArrayList<>();
    for (Observation observation : frame) {
      if (!patient.record(observation)) {
        continue;
      }
      Parameter parameter = observation.parameter();
      evaluator.evaluate(observation, patient.activeAlarm(parameter), patient.tracker(parameter), now)
          .ifPresent(change -> {
            patient.apply(change);
            changes.add(change);
          });
    }
    patient.touch(now);
    return new Update(patient.ward(), changes, patient.toJson());
  }

  /**
   * Puts new rules in force from the next observation on. Active alarms stay until a value decides them under the new
   * rules, so a reload never silently clears an alarm.
   */
  public void replaceRules(ThresholdRules rules) {
    evaluator = new ThresholdEvaluator(rules);
  }

  public JsonArray snapshots() {
    return new JsonArray(patients.values().stream().map(PatientRecord::toJson).toList());
  }

  public Optional<JsonObject> snapshot(String patientKey) {
    return Optional.ofNullable(patients.get(patientKey)).map(PatientRecord::toJson);
  }
}
