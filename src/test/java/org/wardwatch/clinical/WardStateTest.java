package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmState;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;
import org.wardwatch.model.OxygenSupport;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.Priority;

/** The clinical engine's physiological threshold alarms, with time passed in (no sleeping). */
class WardStateTest {

  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final DeviceIdentity BED_1 = new DeviceIdentity("mon-1", "P1", "1", "surgery");
  private static final DeviceIdentity ICU_BED_2 = new DeviceIdentity("mon-2", "P2", "2", "icu");
  private static final String NURSE = "nurse.kim";

  /**
   * Escalation and reminders within seconds, no NEWS2 alarms and no "no data" alarms, so that every transition a test
   * sees comes from the threshold rules or the alarm policy.
   */
  private static final String SETTINGS = """
      "alarms": {"escalateAfterSeconds": {"LOW": 40, "MEDIUM": 20, "HIGH": 10}, "reminderSeconds": 15,
                 "maxAudioPauseSeconds": 60},
      "news2": {"bandPriorities": {"LOW": "NONE", "LOW_MEDIUM": "NONE", "MEDIUM": "NONE", "HIGH": "NONE"}},
      "technical": {"noDataSeconds": 3600,
                    "priorities": {"DISCONNECTED": "MEDIUM", "NO_DATA": "MEDIUM", "INVALID_SIGNAL": "LOW"}},
      """;

  private static final String THRESHOLDS = """
      "thresholds": [
        {"parameter": "PULSE", "above": 150, "priority": "HIGH", "hysteresis": 5},
        {"parameter": "PULSE", "above": 130, "priority": "MEDIUM", "delaySeconds": 10, "hysteresis": 5},
        {"parameter": "SPO2", "below": 90, "priority": "MEDIUM", "hysteresis": 2},
        {"parameter": "RESP_RATE", "above": 24, "priority": "MEDIUM", "hysteresis": 2}
      ],
      "wards": {"icu": {"thresholds": [{"parameter": "SPO2", "below": 94, "priority": "MEDIUM", "hysteresis": 2}]}}
      """;

  private final WardState engine = new WardState(rules(THRESHOLDS));

  @Test
  void givenNormalFrame_whenApplied_thenNoTransitionAndOneSnapshot() {
    WardUpdate update = engine.apply(frame(BED_1, T0,
        "PULSE=80", "SPO2=97", "RESP_RATE=16", "BP_SYSTOLIC=120", "BP_DIASTOLIC=80", "TEMPERATURE=37.0"), T0);

    assertEquals(List.of(), update.transitions());
    JsonObject snapshot = snapshot(update);
    assertEquals("P1", snapshot.getString("patient"));
    assertEquals("mon-1", snapshot.getString("device"));
    assertEquals("1", snapshot.getString("bed"));
    assertEquals("surgery", snapshot.getString("ward"));
    assertEquals(1L, snapshot.getLong("seq"));
    assertEquals(T0, snapshot.getInstant("updated"));
    JsonObject vitals = snapshot.getJsonObject("vitals");
    assertEquals(6, vitals.size(), vitals::encode);
    assertDecimal("80", vitals.getJsonObject("PULSE").getValue("value"));
    assertEquals("/min", vitals.getJsonObject("PULSE").getString("unit"));
    assertEquals(T0, vitals.getJsonObject("PULSE").getInstant("time"));
    assertFalse(vitals.getJsonObject("PULSE").getBoolean("questionable"));
    assertDecimal("37.0", vitals.getJsonObject("TEMPERATURE").getValue("value"));
    assertNotNull(snapshot.getJsonObject("news2"));
    assertEquals(0, snapshot.getJsonObject("news2").getInteger("total"));
    assertEquals(new JsonArray(), snapshot.getJsonArray("alarms"));
    assertEquals(new JsonArray(), snapshot.getJsonArray("technicalAlarms"));
    assertEquals(snapshot, engine.snapshot("P1").orElseThrow().toJson());
  }

  @Test
  void givenTwoUpdates_whenApplied_thenSeqIncreasesByOnePerUpdate() {
    engine.apply(frame(BED_1, T0, "PULSE=80"), T0);

    JsonObject second = snapshot(engine.apply(frame(BED_1, at(1), "PULSE=81"), at(1)));

    assertEquals(2L, second.getLong("seq"));
    assertEquals(at(1), second.getInstant("updated"));
  }

  @Test
  void givenSnapshot_thenItsJsonCarriesTheDecimalsAsChartedInTheDocumentsOrder() {
    engine.apply(frame(BED_1, T0, "PULSE=80"), T0);
    engine.assess("P1", Consciousness.A, OxygenSupport.parse("2.50"), false, at(1));

    String json = engine.snapshot("P1").orElseThrow().json();

    assertTrue(json.startsWith("{\"patient\":\"P1\",\"device\":"), json);
    assertTrue(json.contains("\"oxygen\":{\"onOxygen\":true,\"flow\":2.50,"), json);
  }

  @Test
  void givenSnapshotReadAfterLaterUpdates_thenItShowsThePatientAsAtItsOwnChange() {
    WardUpdate first = engine.apply(frame(BED_1, T0, "PULSE=80"), T0);
    engine.apply(frame(BED_1, at(1), "PULSE=190"), at(1));

    JsonObject atFirst = snapshot(first);
    assertEquals(1L, atFirst.getLong("seq"));
    assertDecimal("80", atFirst.getJsonObject("vitals").getJsonObject("PULSE").getValue("value"));
    assertTrue(atFirst.getJsonArray("alarms").isEmpty(), "the alarm raised later is not in it");
  }

  @Test
  void givenZeroDelayLimit_whenPulseCrossesIt_thenExactlyOneRaisedHighPhysiologicalAlarm() {
    WardUpdate update = engine.apply(frame(BED_1, T0, "PULSE=190"), T0);

    AlarmTransition raised = only(update.transitions());
    assertEquals(TransitionType.RAISED, raised.type());
    assertNull(raised.fromState());
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, raised.toState());
    assertEquals(Priority.HIGH, raised.priority());
    assertEquals(AlarmTransition.SYSTEM, raised.actor());
    assertEquals(T0, raised.at());
    JsonObject alarm = raised.snapshot();
    assertEquals("PHYSIOLOGICAL", alarm.getString("kind"));
    assertEquals("THRESHOLD:PULSE", alarm.getString("condition"));
    assertEquals("P1", alarm.getString("patient"));
    assertEquals("HIGH", alarm.getString("priority"));
    assertEquals("ACTIVE_UNACKNOWLEDGED", alarm.getString("state"));
    assertEquals("Pulse 190 /min above 150", alarm.getString("message"));
    JsonObject listed = onlyAlarm(snapshot(update));
    assertEquals(raised.alarmId(), listed.getString("id"));
    assertEquals("ACTIVE_UNACKNOWLEDGED", listed.getString("state"));
    assertEquals(new JsonArray(), snapshot(update).getJsonArray("technicalAlarms"));
  }

  @Test
  void givenActiveAlarm_whenAnotherAbnormalValueArrives_thenNoNewAlarmAndMessageRefreshed() {
    String id = raisedId(engine.apply(frame(BED_1, T0, "PULSE=190"), T0));

    WardUpdate update = engine.apply(frame(BED_1, at(1), "PULSE=195"), at(1));

    assertEquals(List.of(), update.transitions());
    JsonObject alarm = onlyAlarm(snapshot(update));
    assertEquals(id, alarm.getString("id"));
    assertEquals("Pulse 195 /min above 150", alarm.getString("message"));
  }

  @Test
  void givenTwoIdenticalFramesOneMillisecondApart_whenApplied_thenOneAlarm() {
    Instant later = T0.plusMillis(1);
    List<AlarmTransition> transitions = new ArrayList<>();

    transitions.addAll(engine.apply(frame(BED_1, T0, "PULSE=190"), T0).transitions());
    WardUpdate second = engine.apply(frame(BED_1, later, "PULSE=190"), later);
    transitions.addAll(second.transitions());

    assertEquals(TransitionType.RAISED, only(transitions).type());
    assertEquals(transitions.get(0).alarmId(), onlyAlarm(snapshot(second)).getString("id"));
  }

  @Test
  void givenOnsetDelay_whenBreachHoldsShorterThanTheDelay_thenNoAlarm() {
    assertEquals(List.of(), engine.apply(frame(BED_1, T0, "PULSE=140"), T0).transitions());
    WardUpdate update = engine.apply(frame(BED_1, at(9), "PULSE=140"), at(9));

    assertEquals(List.of(), update.transitions());
    assertEquals(new JsonArray(), snapshot(update).getJsonArray("alarms"));
  }

  @Test
  void givenOnsetDelay_whenBreachHeldForTheDelay_thenMediumAlarmRaised() {
    engine.apply(frame(BED_1, T0, "PULSE=140"), T0);
    engine.apply(frame(BED_1, at(5), "PULSE=142"), at(5));

    AlarmTransition raised = only(engine.apply(frame(BED_1, at(10), "PULSE=141"), at(10)).transitions());

    assertEquals(TransitionType.RAISED, raised.type());
    assertEquals(Priority.MEDIUM, raised.priority());
    assertEquals("Pulse 141 /min above 130", raised.snapshot().getString("message"));
  }

  @Test
  void givenOnsetDelay_whenValueRecoversDuringTheDelay_thenDelayRestarts() {
    engine.apply(frame(BED_1, T0, "PULSE=140"), T0);
    engine.apply(frame(BED_1, at(5), "PULSE=120"), at(5));
    engine.apply(frame(BED_1, at(6), "PULSE=140"), at(6));

    assertEquals(List.of(), engine.apply(frame(BED_1, at(10), "PULSE=140"), at(10)).transitions());
    assertEquals(TransitionType.RAISED,
        only(engine.apply(frame(BED_1, at(16), "PULSE=140"), at(16)).transitions()).type());
  }

  @Test
  void givenActiveMediumAlarm_whenValueBackAtTheLimitThenClearOfTheBand_thenKeptThenCleared() {
    String id = raisedId(engine.apply(frame(BED_1, T0, "RESP_RATE=30"), T0));

    WardUpdate atLimit = engine.apply(frame(BED_1, at(1), "RESP_RATE=24"), at(1));
    assertEquals(List.of(), atLimit.transitions());
    assertEquals(id, onlyAlarm(snapshot(atLimit)).getString("id"));
    WardUpdate insideBand = engine.apply(frame(BED_1, at(2), "RESP_RATE=23"), at(2));
    assertEquals(List.of(), insideBand.transitions());
    assertEquals(id, onlyAlarm(snapshot(insideBand)).getString("id"));

    WardUpdate clear = engine.apply(frame(BED_1, at(3), "RESP_RATE=22"), at(3));

    AlarmTransition cleared = only(clear.transitions());
    assertEquals(TransitionType.CLEARED, cleared.type());
    assertEquals(id, cleared.alarmId());
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, cleared.fromState());
    assertEquals(AlarmState.CLEARED, cleared.toState());
    assertEquals(new JsonArray(), snapshot(clear).getJsonArray("alarms"));
  }

  @Test
  void givenActiveHighAlarm_whenValueClearsTheBand_thenLatchedUntilAcknowledged() {
    String id = raisedId(engine.apply(frame(BED_1, T0, "PULSE=190"), T0));
    assertEquals(List.of(), engine.apply(frame(BED_1, at(1), "PULSE=150"), at(1)).transitions(), "at the limit");
    assertEquals(List.of(), engine.apply(frame(BED_1, at(2), "PULSE=146"), at(2)).transitions(), "inside the band");

    WardUpdate ended = engine.apply(frame(BED_1, at(3), "PULSE=80"), at(3));

    AlarmTransition conditionEnded = only(ended.transitions());
    assertEquals(TransitionType.CONDITION_ENDED, conditionEnded.type());
    assertEquals(AlarmState.CLEARED_UNACKNOWLEDGED, conditionEnded.toState());
    JsonObject latched = onlyAlarm(snapshot(ended));
    assertEquals(id, latched.getString("id"));
    assertEquals("CLEARED_UNACKNOWLEDGED", latched.getString("state"));

    WardUpdate acknowledged = engine.act(id, alarm -> alarm.acknowledge(NURSE, at(20)), at(20));

    AlarmTransition ack = only(acknowledged.transitions());
    assertEquals(TransitionType.ACKNOWLEDGED, ack.type());
    assertEquals(AlarmState.CLEARED_UNACKNOWLEDGED, ack.fromState());
    assertEquals(AlarmState.CLEARED, ack.toState());
    assertEquals(NURSE, ack.actor());
    assertEquals(new JsonArray(), snapshot(acknowledged).getJsonArray("alarms"));
    assertThrows(WardState.UnknownTarget.class,
        () -> engine.act(id, alarm -> alarm.acknowledge(NURSE, at(21)), at(21)), "a cleared alarm is forgotten");
  }

  @Test
  void givenLatchedAlarm_whenConditionReturns_thenNewEpisodeWithNewId() {
    String first = raisedId(engine.apply(frame(BED_1, T0, "PULSE=190"), T0));
    engine.apply(frame(BED_1, at(1), "PULSE=80"), at(1));

    WardUpdate again = engine.apply(frame(BED_1, at(2), "PULSE=190"), at(2));

    String second = raisedId(again);
    assertNotEquals(first, second);
    assertEquals(2, snapshot(again).getJsonArray("alarms").size());
  }

  @Test
  void givenLatchedAlarm_whenConditionReturnsWithinTheSameMillisecond_thenBothAlarmsKeptWithDistinctIds() {
    String first = raisedId(engine.apply(frame(BED_1, T0, "PULSE=190"), T0));
    Instant ended = T0.plusNanos(100_000);
    engine.apply(frame(BED_1, ended, "PULSE=80"), ended);
    Instant returned = T0.plusNanos(200_000);

    WardUpdate again = engine.apply(frame(BED_1, returned, "PULSE=190"), returned);

    assertNotEquals(first, raisedId(again));
    assertEquals(2, snapshot(again).getJsonArray("alarms").size());
  }

  @Test
  void givenAcknowledgedMediumAlarm_whenHigherRuleBreached_thenPriorityRaisedOnTheSameAlarm() {
    engine.apply(frame(BED_1, T0, "PULSE=140"), T0);
    String id = raisedId(engine.apply(frame(BED_1, at(10), "PULSE=140"), at(10)));
    engine.act(id, alarm -> alarm.acknowledge(NURSE, at(11)), at(11));

    WardUpdate worse = engine.apply(frame(BED_1, at(12), "PULSE=190"), at(12));

    AlarmTransition raised = only(worse.transitions());
    assertEquals(TransitionType.PRIORITY_RAISED, raised.type());
    assertEquals(id, raised.alarmId());
    assertEquals(Priority.HIGH, raised.priority());
    assertEquals(AlarmState.ACTIVE_ACKNOWLEDGED, raised.fromState());
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, raised.toState());
    JsonObject alarm = onlyAlarm(snapshot(worse));
    assertEquals("HIGH", alarm.getString("priority"));
    assertEquals("Pulse 190 /min above 150", alarm.getString("message"));
  }

  @Test
  void givenActiveAlarm_whenAcknowledgedTwice_thenSecondAcknowledgementChangesNothing() {
    String id = raisedId(engine.apply(frame(BED_1, T0, "PULSE=190"), T0));

    WardUpdate first = engine.act(id, alarm -> alarm.acknowledge(NURSE, at(5)), at(5));
    WardUpdate second = engine.act(id, alarm -> alarm.acknowledge("nurse.other", at(6)), at(6));

    AlarmTransition ack = only(first.transitions());
    assertEquals(TransitionType.ACKNOWLEDGED, ack.type());
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, ack.fromState());
    assertEquals(AlarmState.ACTIVE_ACKNOWLEDGED, ack.toState());
    assertEquals(NURSE, ack.actor());
    assertEquals(NURSE, onlyAlarm(snapshot(first)).getString("acknowledgedBy"));
    assertEquals(List.of(), second.transitions());
    assertEquals(List.of(), second.snapshots());
    assertEquals(NURSE, onlyAlarm(engine.snapshot("P1").orElseThrow().toJson()).getString("acknowledgedBy"));
  }

  @Test
  void givenUnknownAlarmId_whenActedOn_thenUnknownTarget() {
    engine.apply(frame(BED_1, T0, "PULSE=190"), T0);

    assertThrows(WardState.UnknownTarget.class,
        () -> engine.act("P1/THRESHOLD:PULSE/0", alarm -> alarm.acknowledge(NURSE, at(1)), at(1)));
  }

  @Test
  void givenWardOverridingSpo2Limits_whenSameValueInTwoWards_thenOnlyThatWardsPatientAlarms() {
    WardUpdate icu = engine.apply(frame(ICU_BED_2, T0, "SPO2=92"), T0);
    WardUpdate surgery = engine.apply(frame(BED_1, T0, "SPO2=92"), T0);

    AlarmTransition raised = only(icu.transitions());
    assertEquals(Priority.MEDIUM, raised.priority());
    assertEquals("P2", raised.snapshot().getString("patient"));
    assertEquals("icu", raised.snapshot().getString("ward"));
    assertEquals("SpO2 92 % below 94", raised.snapshot().getString("message"));
    assertEquals(List.of(), surgery.transitions());
    assertEquals(new JsonArray(), snapshot(surgery).getJsonArray("alarms"));
  }

  @Test
  void givenWardOverridingOnlySpo2_whenOtherParameterBreached_thenDefaultRulesApplyInThatWard() {
    AlarmTransition raised = only(engine.apply(frame(ICU_BED_2, T0, "PULSE=190"), T0).transitions());

    assertEquals("Pulse 190 /min above 150", raised.snapshot().getString("message"));
  }

  @Test
  void givenActiveAlarm_whenOlderNormalObservationArrivesLate_thenAlarmNotCleared() {
    String id = raisedId(engine.apply(report(BED_1, at(10), observation(BED_1, "PULSE=190", at(10), at(10))), at(10)));

    WardUpdate late = engine.apply(report(BED_1, at(5), observation(BED_1, "PULSE=80", at(5), at(11))), at(11));

    assertEquals(List.of(), late.transitions());
    JsonObject snapshot = snapshot(late);
    JsonObject alarm = onlyAlarm(snapshot);
    assertEquals(id, alarm.getString("id"));
    assertEquals("ACTIVE_UNACKNOWLEDGED", alarm.getString("state"));
    assertDecimal("190", snapshot.getJsonObject("vitals").getJsonObject("PULSE").getValue("value"));
  }

  @Test
  void givenNormalValue_whenOlderAbnormalObservationArrivesLate_thenNoAlarm() {
    engine.apply(report(BED_1, at(10), observation(BED_1, "PULSE=80", at(10), at(10))), at(10));

    WardUpdate late = engine.apply(report(BED_1, at(5), observation(BED_1, "PULSE=190", at(5), at(11))), at(11));

    assertEquals(List.of(), late.transitions());
    assertEquals(new JsonArray(), snapshot(late).getJsonArray("alarms"));
    assertDecimal("80", snapshot(late).getJsonObject("vitals").getJsonObject("PULSE").getValue("value"));
  }

  @Test
  void givenUnacknowledgedMediumAlarm_whenTickedAfterEscalationTime_thenEscalatedToHigh() {
    String id = raisedId(engine.apply(frame(BED_1, T0, "SPO2=85"), T0));
    WardUpdate early = engine.tick(at(19));
    assertEquals(List.of(), early.transitions());
    assertEquals(List.of(), early.snapshots());

    WardUpdate due = engine.tick(at(20));

    AlarmTransition escalated = only(due.transitions());
    assertEquals(TransitionType.ESCALATED, escalated.type());
    assertEquals(id, escalated.alarmId());
    assertEquals(Priority.HIGH, escalated.priority());
    assertEquals(at(20), escalated.at());
    JsonObject alarm = onlyAlarm(snapshot(due));
    assertEquals("HIGH", alarm.getString("priority"));
    assertEquals(1, alarm.getInteger("escalations"));
    assertEquals(List.of(), engine.tick(at(20)).transitions(), "ticking again at the same time");
  }

  @Test
  void givenTickInSlices_thenEveryPatientIsTickedOnceAcrossTheSlices() {
    for (int bed = 0; bed < 20; bed++) {
      engine.apply(frame(new DeviceIdentity("mon-" + bed, "P" + bed, String.valueOf(bed), "surgery"), T0, "SPO2=85"),
          T0);
    }

    List<String> escalated = new ArrayList<>();
    for (int slice = 0; slice < 4; slice++) {
      engine.tick(at(20), slice, 4).transitions().forEach(transition -> escalated.add(transition.alarmId()));
    }

    assertEquals(20, escalated.size(), "each patient's MEDIUM alarm escalated once");
    assertEquals(20, Set.copyOf(escalated).size());
    assertEquals(List.of(), engine.tick(at(20)).transitions(), "nothing left to escalate");
    assertThrows(IllegalArgumentException.class, () -> engine.tick(at(21), 4, 4));
  }

  @Test
  void givenAcknowledgedPersistingAlarm_whenTickedAfterReminderInterval_thenReminder() {
    String id = raisedId(engine.apply(frame(BED_1, T0, "SPO2=85"), T0));
    engine.act(id, alarm -> alarm.acknowledge(NURSE, at(5)), at(5));
    assertEquals(List.of(), engine.tick(at(19)).transitions());

    WardUpdate due = engine.tick(at(20));

    AlarmTransition reminder = only(due.transitions());
    assertEquals(TransitionType.REMINDER, reminder.type());
    assertEquals(id, reminder.alarmId());
    assertEquals(AlarmState.ACTIVE_ACKNOWLEDGED, reminder.fromState());
    assertEquals(AlarmState.ACTIVE_ACKNOWLEDGED, reminder.toState());
    assertTrue(reminder.detail().contains(NURSE), reminder.detail());
    assertEquals(1, due.snapshots().size());
  }

  @Test
  void givenActiveAlarm_whenRulesReplacedWithHigherLimit_thenAlarmKeptUntilNextValueEndsIt() {
    String id = raisedId(engine.apply(frame(BED_1, T0, "PULSE=190"), T0));

    engine.replaceRules(rules("""
        "thresholds": [{"parameter": "PULSE", "above": 200, "priority": "HIGH", "hysteresis": 5}]
        """));

    JsonObject kept = onlyAlarm(engine.snapshot("P1").orElseThrow().toJson());
    assertEquals(id, kept.getString("id"));
    assertEquals("ACTIVE_UNACKNOWLEDGED", kept.getString("state"));
    assertEquals(List.of(), engine.tick(at(1)).transitions());
    AlarmTransition ended = only(engine.apply(frame(BED_1, at(2), "PULSE=190"), at(2)).transitions());
    assertEquals(TransitionType.CONDITION_ENDED, ended.type());
    assertEquals(id, ended.alarmId());
  }

  @Test
  void givenActiveAlarm_whenRulesReplacedAndNewLimitStillBreached_thenSameAlarmContinues() {
    String id = raisedId(engine.apply(frame(BED_1, T0, "PULSE=190"), T0));

    engine.replaceRules(rules("""
        "thresholds": [{"parameter": "PULSE", "above": 180, "priority": "HIGH", "hysteresis": 5}]
        """));
    WardUpdate next = engine.apply(frame(BED_1, at(2), "PULSE=190"), at(2));

    assertEquals(List.of(), next.transitions());
    JsonObject alarm = onlyAlarm(snapshot(next));
    assertEquals(id, alarm.getString("id"));
    assertEquals("Pulse 190 /min above 180", alarm.getString("message"));
  }

  private static ClinicalRules rules(String thresholds) {
    return ClinicalRules.fromJson(new JsonObject("{" + SETTINGS + thresholds + "}"));
  }

  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  /** A frame from {@code source} whose values ({@code "PULSE=190"}) were measured and received at {@code at}. */
  private static FrameReport frame(DeviceIdentity source, Instant at, String... values) {
    return report(source, at, Arrays.stream(values).map(value -> observation(source, value, null, at))
        .toArray(Observation[]::new));
  }

  private static FrameReport report(DeviceIdentity source, Instant time, Observation... observations) {
    return new FrameReport(source, time, List.of(observations), null, null);
  }

  private static Observation observation(DeviceIdentity source, String parameterAndValue, Instant deviceTime,
      Instant gatewayTime) {
    String[] parts = parameterAndValue.split("=");
    Parameter parameter = Parameter.valueOf(parts[0]);
    BigDecimal value = new BigDecimal(parts[1]);
    return new Observation(source, parameter, parameter.mdcCode(), value, parameter.unit(), deviceTime, gatewayTime,
        null, !parameter.softRange().contains(value));
  }

  private static AlarmTransition only(List<AlarmTransition> transitions) {
    assertEquals(1, transitions.size(), () -> "expected one transition, got " + transitions);
    return transitions.get(0);
  }

  private static String raisedId(WardUpdate update) {
    AlarmTransition raised = only(update.transitions());
    assertEquals(TransitionType.RAISED, raised.type());
    return raised.alarmId();
  }

  private static JsonObject snapshot(WardUpdate update) {
    assertEquals(1, update.snapshots().size(), () -> "expected one snapshot, got " + update.snapshots());
    return update.snapshots().get(0).toJson();
  }

  private static JsonObject onlyAlarm(JsonObject snapshot) {
    JsonArray alarms = snapshot.getJsonArray("alarms");
    assertEquals(1, alarms.size(), alarms::encode);
    return alarms.getJsonObject(0);
  }

  private static void assertDecimal(String expected, Object actual) {
    assertNotNull(actual);
    assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())),
        () -> "expected " + expected + ", got " + actual);
  }
}
