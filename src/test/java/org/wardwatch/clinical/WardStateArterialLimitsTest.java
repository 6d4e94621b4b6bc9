package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.WardStateFixtures.BED_1;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.arterial;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.builtInRules;
import static org.wardwatch.clinical.WardStateFixtures.frame;
import static org.wardwatch.clinical.WardStateFixtures.only;
import static org.wardwatch.clinical.WardStateFixtures.snapshot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.OxygenSupport;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.Priority;
import org.wardwatch.parsing.DecodedFrame;
import org.wardwatch.parsing.LineFrameDecoder;
import org.wardwatch.parsing.MalformedFrameException;

/**
 * An arterial line's limits are its own: a cuff's limits set for a ward or a patient leave them be (a high-only cuff
 * limit took the line's hypotension alarms away, silencing a cuff silenced the line, and the cuff's undelayed limits
 * alarmed on each flush of the line); NEWS2 scores the line's systolic pressure as it reads; and a cuff reported off
 * leaves no mean it never sent off.
 */
class WardStateArterialLimitsTest {

  private static final DeviceIdentity CARDIAC_BED = new DeviceIdentity("mon-7", "P7", "7", "cardiac");

  private final WardState engine = new WardState(ClinicalRules.fromJson(builtInRules()));

  @Test
  void givenACuffThatSendsNoMean_whenReportedOffAndBackOn_thenNoSensorOffAlarmStays() throws Exception {
    DeviceIdentity monitor = new DeviceIdentity("MON-1", "P-1", "3", "icu");
    engine.apply(decode(monitor, "BP=120/80|Pulse=80", 0), T0);
    engine.apply(decode(monitor, "BP=OFF|Pulse=80", 1), at(1));

    WardUpdate back = engine.apply(decode(monitor, "BP=121/79|Pulse=80", 2), at(2));

    assertEquals(new JsonArray(), back.snapshots().get(0).toJson().getJsonArray("technicalAlarms"),
        "the cuff is back (it never measured a mean): no 'Sensor off: Mean BP' alarm may stay");
  }

  @Test
  void givenACuffThatSendsNoMeanReportedOff_whenItsMeasurementIsStopped_thenNoTechnicalAlarmStays() throws Exception {
    DeviceIdentity monitor = new DeviceIdentity("MON-1", "P-1", "3", "icu");
    engine.apply(decode(monitor, "BP=120/80|Pulse=80", 0), T0);
    engine.apply(decode(monitor, "BP=OFF|Pulse=80", 1), at(1));

    WardUpdate stopped = engine.stopMeasuring("P-1", Set.of(Parameter.BP_SYSTOLIC, Parameter.BP_DIASTOLIC),
        "nurse.kim", at(4000)); // what the dashboard offers, once the OFF is old: the values the patient has

    assertTrue(snapshot(stopped).getJsonArray("technicalAlarms").stream().map(JsonObject.class::cast)
        .noneMatch(alarm -> "TECHNICAL:SENSOR_OFF".equals(alarm.getString("condition"))),
        "no 'Sensor off: Mean BP' for a mean the cuff never measured (the pulse's no-data alarm is its own)");
  }

  @Test
  void givenAHighOnlySystolicOverride_whenTheLinesPressureFalls_thenTheLinesLowLimitAlarms() {
    engine.apply(frame(BED_1, T0, "ART_SYSTOLIC=130", "ART_DIASTOLIC=70"), T0);
    overrideCuffAbove("140", "aortic dissection: systolic under 140");

    List<AlarmTransition> line = lineOver(engine, BED_1, 10, 40, s -> "ART_SYSTOLIC=65", "ART_DIASTOLIC=35");

    assertTrue(line.stream().anyMatch(t -> t.type() == TransitionType.RAISED && t.priority() == Priority.HIGH),
        "an arterial systolic of 65 mmHg for 30 s must alarm HIGH (built-in: below 80 HIGH); got " + line);
  }

  @Test
  void givenTheCuffsAlarmsSilencedForAPatientWithALine_whenTheLineIsInAlarm_thenTheLinesAlarmStands() {
    engine.apply(frame(BED_1, T0, "ART_SYSTOLIC=70", "ART_DIASTOLIC=35"), T0);
    assertEquals(Priority.HIGH, only(arterial(engine.tick(at(5)))).priority(), "arterial systolic 70 below 80");

    WardUpdate silenced = engine.overrideLimits(new LimitOverride("P1", Parameter.BP_SYSTOLIC, List.of(), "dr.osei",
        "cuff on the arm with the infusion: readings unreliable", at(6), at(3606)), at(6));

    assertEquals(List.of(), arterial(silenced), "silencing the cuff's alarms ends the line's HIGH alarm");
    assertTrue(snapshot(silenced).getJsonArray("alarms").stream().map(JsonObject.class::cast).anyMatch(alarm ->
        "THRESHOLD:ART_SYSTOLIC".equals(alarm.getString("condition"))
            && "ACTIVE_UNACKNOWLEDGED".equals(alarm.getString("state"))), "the line's alarm stands");
  }

  @Test
  void givenAWardThatSetsOnlyAHighCuffLimit_whenTheLinesPressureFalls_thenTheLinesLowLimitAlarms() {
    JsonObject rules = builtInRules();
    rules.getJsonObject("wards").put("cardiac", new JsonObject().put("thresholds", new JsonArray()
        .add(new JsonObject().put("parameter", "BP_SYSTOLIC").put("above", 160).put("priority", "HIGH"))));
    WardState cardiac = new WardState(ClinicalRules.fromJson(rules));

    List<AlarmTransition> line = lineOver(cardiac, CARDIAC_BED, 0, 30, s -> "ART_SYSTOLIC=65", "ART_DIASTOLIC=35");

    assertTrue(line.stream().anyMatch(t -> t.type() == TransitionType.RAISED && t.priority() == Priority.HIGH),
        "the ward's high cuff limit must not take away the line's built-in hypotension alarms; got " + line);
  }

  @Test
  void givenACuffOverrideWithoutDelay_whenTheLineIsFlushedForThreeSeconds_thenNoLatchingAlarm() {
    engine.apply(frame(BED_1, T0, "ART_SYSTOLIC=130", "ART_DIASTOLIC=70"), T0);
    overrideCuffAbove("160", "post-op: systolic under 160");

    List<AlarmTransition> line = lineOver(engine, BED_1, 2, 40,
        s -> s >= 10 && s < 13 ? "ART_SYSTOLIC=295" : "ART_SYSTOLIC=130", "ART_DIASTOLIC=70");

    assertEquals(List.of(), line, "a 3 s flush (the line's delays were there for it) raised a HIGH alarm");
  }

  @Test
  void givenASustainedArterialSystolicAbove250_whenNews2IsScored_thenItScoresThree() {
    WardUpdate last = null;
    for (int s = 0; s <= 120; s++) {
      last = engine.apply(frame(BED_1, at(s), Consciousness.A, OxygenSupport.air(), "PULSE=80", "SPO2=97",
          "RESP_RATE=16", "TEMPERATURE=37.0", "ART_SYSTOLIC=262", "ART_DIASTOLIC=140"), at(s));
    }

    JsonObject news2 = last.snapshots().get(0).toJson().getJsonObject("news2");
    assertEquals(3, news2.getJsonObject("components").getInteger("BP_SYSTOLIC"),
        "two minutes of 262 mmHg is the patient's pressure (hard range 25-300), not a flush: " + news2.encode());
  }

  @Test
  void givenANews2AlarmOnALowLinePressure_whenOneMinutelyReportIsAFlushReading_thenTheAlarmNeitherEndsNorReturns() {
    List<AlarmTransition> news2 = new ArrayList<>();
    news2(engine.apply(vitals(0, "ART_SYSTOLIC=85"), at(0)), news2);
    assertTrue(news2.stream().anyMatch(t -> t.type() == TransitionType.RAISED), "NEWS2 3 (low-medium) " + news2);
    news2.clear();

    for (int s = 1; s <= 140; s++) {
      news2(engine.tick(at(s)), news2);
      if (s == 70) {
        news2(engine.apply(vitals(s, "ART_SYSTOLIC=296"), at(s)), news2); // sampled while the line was flushed
      } else if (s == 140) {
        news2(engine.apply(vitals(s, "ART_SYSTOLIC=86"), at(s)), news2);
      }
    }

    assertEquals(List.of(), news2.stream().filter(t -> t.type() == TransitionType.CONDITION_ENDED
        || t.type() == TransitionType.RAISED).toList(), "one flushed sample ends the NEWS2 alarm and raises a new one"
        + " (unacknowledged) at the next report; both readings score systolic 3 anyway");
  }

  /** A clinician's HIGH limit on the cuff's systolic pressure above {@code limit}, for an hour from second 1. */
  private void overrideCuffAbove(String limit, String reason) {
    ThresholdRule above = new ThresholdRule(Parameter.BP_SYSTOLIC, ThresholdRule.Direction.ABOVE,
        new BigDecimal(limit), Priority.HIGH, Duration.ZERO, new BigDecimal("5"));
    engine.overrideLimits(new LimitOverride("P1", Parameter.BP_SYSTOLIC, List.of(above), "dr.osei", reason, at(1),
        at(3601)), at(1));
  }

  /**
   * The line's alarm transitions while {@code bed} sends {@code ward} a frame each second from {@code from} to
   * {@code to}, of the line's systolic pressure that second ({@code systolic}) and {@code diastolic}, with its ticks.
   */
  private static List<AlarmTransition> lineOver(WardState ward, DeviceIdentity bed, int from, int to,
      IntFunction<String> systolic, String diastolic) {
    List<AlarmTransition> line = new ArrayList<>();
    for (int s = from; s <= to; s++) {
      line.addAll(arterial(ward.apply(frame(bed, at(s), systolic.apply(s), diastolic), at(s))));
      line.addAll(arterial(ward.tick(at(s))));
    }
    return line;
  }

  private static FrameReport vitals(int second, String pressure) {
    return frame(BED_1, at(second), Consciousness.A, OxygenSupport.air(), "PULSE=80", "SPO2=97", "RESP_RATE=16",
        "TEMPERATURE=37.0", pressure, "ART_DIASTOLIC=50");
  }

  private static void news2(WardUpdate update, List<AlarmTransition> into) {
    update.transitions().stream().filter(t -> t.alarmId().contains("NEWS2")).forEach(into::add);
  }

  private static FrameReport decode(DeviceIdentity session, String text, int second) throws MalformedFrameException {
    DecodedFrame decoded = new LineFrameDecoder().decode(text, session, null, T0.plusSeconds(second));
    return ((DecodedFrame.Measurements) decoded).report();
  }
}
