package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

/**
 * A patient handed from one node to another, as the cluster will do it: an original engine is driven with inputs;
 * at {@link #handOver()} the patient's state is stored as a string and adopted into a fresh engine with the same
 * rules, the copy; from then on every input goes to both, and {@link #drive} checks that the copy answers exactly as
 * the original (same transitions with the same ids, priorities and actors, same snapshots, audit entries and changed
 * patients) and holds the same state. Alarm ids are made from patient, condition and time, so that both engines name
 * the alarms they raise alike.
 */
final class HandOver {

  static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  static final String PATIENT = "P1";
  static final DeviceIdentity MONITOR = new DeviceIdentity("mon-1", PATIENT, "1", "surgery");
  static final String NURSE = "nurse.kim";

  /** Ids both engines agree on: {@code patient/condition/time raised}. */
  static final PatientAlarms.AlarmIds IDS = (patientKey, conditionKey, now) -> patientKey + "/" + conditionKey + "/"
      + now;

  /**
   * Escalation at LOW 40 s, MEDIUM 20 s, HIGH 10 s; reminders every 15 s; audio pauses of at most 60 s; no NEWS2
   * alarms, no "no data" alarm within the hour; pulse HIGH above 150, MEDIUM above 130 after a 10 s onset delay; SpO2
   * MEDIUM below 90; temperature LOW above 38.5.
   */
  static final String THRESHOLD_RULES = """
      {
        "alarms": {"escalateAfterSeconds": {"LOW": 40, "MEDIUM": 20, "HIGH": 10}, "reminderSeconds": 15,
                   "maxAudioPauseSeconds": 60},
        "news2": {"bandPriorities": {"LOW": "NONE", "LOW_MEDIUM": "NONE", "MEDIUM": "NONE", "HIGH": "NONE"}},
        "technical": {"noDataSeconds": 3600},
        "thresholds": [
          {"parameter": "PULSE", "above": 150, "priority": "HIGH", "hysteresis": 5},
          {"parameter": "PULSE", "above": 130, "priority": "MEDIUM", "delaySeconds": 10, "hysteresis": 5},
          {"parameter": "SPO2", "below": 90, "priority": "MEDIUM", "hysteresis": 2},
          {"parameter": "TEMPERATURE", "above": 38.5, "priority": "LOW", "hysteresis": 0.2}
        ]
      }
      """;

  private final ClinicalRules rules;
  private final WardState original;
  private WardState copy;
  private String stored;

  HandOver(String rules) {
    this.rules = ClinicalRules.fromJson(new JsonObject(rules));
    this.original = new WardState(this.rules, IDS);
  }

  HandOver() {
    this(THRESHOLD_RULES);
  }

  /**
   * Stores the patient's state as a string and adopts it into a fresh engine, which must show the same snapshot and
   * state at once.
   *
   * @return the stored state
   */
  String handOver() {
    stored = original.state(PATIENT).orElseThrow().encode();
    copy = new WardState(rules, IDS);
    copy.adopt(new JsonObject(stored));
    assertEquals(original.view().snapshot(PATIENT).orElseThrow().toJson(),
        copy.view().snapshot(PATIENT).orElseThrow().toJson());
    assertEquals(stored, state(copy), "the copy holds the state it adopted");
    return stored;
  }

  /**
   * Applies {@code input} to the original and, after the hand-over, to the copy, which must answer the same.
   *
   * @return the update of the copy after the hand-over, else of the original
   */
  WardUpdate drive(Function<WardState, WardUpdate> input) {
    WardUpdate expected = input.apply(original);
    if (copy == null) {
      return expected;
    }
    WardUpdate actual = input.apply(copy);
    assertEquals(summary(expected.transitions()), summary(actual.transitions()));
    assertEquals(expected, actual);
    assertEquals(state(original), state(copy), "the copy holds the original's state");
    return actual;
  }

  /** The patient's snapshot in the copy (after the hand-over) or the original. */
  JsonObject snapshot() {
    return (copy != null ? copy : original).view().snapshot(PATIENT).orElseThrow().toJson();
  }

  String stored() {
    assertNotNull(stored, "not handed over yet");
    return stored;
  }

  /** The transitions of {@code update} as {@code TYPE id PRIORITY actor at}, for a readable comparison. */
  static List<String> summary(List<AlarmTransition> transitions) {
    return transitions.stream().map(t -> t.type() + " " + t.alarmId() + " " + t.priority() + " " + t.actor() + " "
        + t.at()).toList();
  }

  static Instant at(double seconds) {
    return T0.plusMillis(Math.round(seconds * 1000));
  }

  /** The id {@link #IDS} gives the alarm of {@code condition} raised at {@code raisedAt}. */
  static String alarmId(String condition, Instant raisedAt) {
    return IDS.newId(PATIENT, condition, raisedAt);
  }

  /** A frame of the monitor with values such as {@code "PULSE=190"}, measured and received at {@code at}. */
  static Function<WardState, WardUpdate> frame(Instant at, String... values) {
    return frameWithSensorsOff(at, Set.of(), values);
  }

  /** A frame that also reports the sensors of {@code off} as off. */
  static Function<WardState, WardUpdate> frameWithSensorsOff(Instant at, Set<Parameter> off,
      String... values) {
    List<Observation> observations = Arrays.stream(values).map(text -> {
      Parameter parameter = Parameter.valueOf(text.substring(0, text.indexOf('=')));
      BigDecimal value = new BigDecimal(text.substring(text.indexOf('=') + 1));
      return new Observation(MONITOR, parameter, parameter.mdcCode(), value, parameter.unit(), at, at, null,
          !parameter.softRange().contains(value));
    }).toList();
    FrameReport report = WardStateFixtures.report(MONITOR, at, observations, null, null, off);
    return engine -> engine.apply(report, at);
  }

  static Function<WardState, WardUpdate> tick(Instant at) {
    return engine -> engine.tick(at);
  }

  static Function<WardState, WardUpdate> acknowledge(String alarmId, Instant at) {
    return engine -> engine.act(alarmId, alarm -> alarm.acknowledge(NURSE, at), at);
  }

  private static String state(WardState engine) {
    return engine.state(PATIENT).orElseThrow().encode();
  }
}
