package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.HandOver.MONITOR;
import static org.wardwatch.clinical.HandOver.NURSE;
import static org.wardwatch.clinical.HandOver.PATIENT;
import static org.wardwatch.clinical.HandOver.acknowledge;
import static org.wardwatch.clinical.HandOver.alarmId;
import static org.wardwatch.clinical.HandOver.at;
import static org.wardwatch.clinical.HandOver.frame;
import static org.wardwatch.clinical.HandOver.frameWithSensorsOff;
import static org.wardwatch.clinical.HandOver.summary;
import static org.wardwatch.clinical.HandOver.tick;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.ThresholdRule.Direction;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.OxygenSupport;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.Priority;

/**
 * A patient's state handed to another node carries on exactly: each scenario drives an engine, hands the patient over
 * mid-way through something that runs in time (a reminder, an escalation, an onset delay, an audio pause, an override,
 * a latched alarm, stale data, an assessment), then drives the original and the copy alike ({@link HandOver#drive}
 * checks that both answer the same and hold the same state) and checks that the copy does the right thing at the
 * right time.
 */
class PatientHandOverTest {

  private static final String PULSE = "THRESHOLD:PULSE";
  private static final String SPO2 = "THRESHOLD:SPO2";

  @Test
  void givenAcknowledgedHighAlarmStillPresent_whenHandedOver_thenCopyRemindsOnTheOriginalsSchedule() {
    HandOver handOver = new HandOver();
    handOver.drive(frame(at(0), "PULSE=190"));
    handOver.drive(acknowledge(alarmId(PULSE, at(0)), at(4)));
    handOver.drive(frame(at(6), "PULSE=185"));
    handOver.handOver();

    assertEquals(List.of(), handOver.drive(tick(at(18.9))).transitions());
    AlarmTransition reminder = only(handOver.drive(tick(at(19))).transitions());
    handOver.drive(frame(at(25), "PULSE=188"));
    assertEquals(List.of(), handOver.drive(tick(at(33.9))).transitions());
    AlarmTransition next = only(handOver.drive(tick(at(34))).transitions());

    assertEquals(TransitionType.REMINDER, reminder.type());
    assertEquals(alarmId(PULSE, at(0)), reminder.alarmId());
    assertEquals(Priority.HIGH, reminder.priority());
    assertEquals(AlarmTransition.SYSTEM, reminder.actor());
    assertEquals("still present, acknowledged by nurse.kim: Pulse 185 /min above 150", reminder.detail());
    assertEquals(TransitionType.REMINDER, next.type());
    JsonObject alarm = onlyAlarm(handOver.snapshot());
    assertEquals("ACTIVE_ACKNOWLEDGED", alarm.getString("state"));
    assertEquals(NURSE, alarm.getString("acknowledgedBy"));
    assertEquals(at(4), alarm.getInstant("acknowledgedAt"));
    assertEquals("Pulse 188 /min above 150", alarm.getString("message"));
  }

  @Test
  void givenUnacknowledgedMediumAlarm_whenHandedOver_thenCopyEscalatesWhenTheOriginalWould() {
    HandOver handOver = new HandOver();
    handOver.drive(frame(at(0), "SPO2=85"));
    handOver.drive(tick(at(10)));
    handOver.handOver();

    assertEquals(List.of(), handOver.drive(tick(at(19.9))).transitions());
    AlarmTransition escalated = only(handOver.drive(tick(at(20))).transitions());
    assertEquals(List.of(), handOver.drive(tick(at(29.9))).transitions());
    AlarmTransition paged = only(handOver.drive(tick(at(30))).transitions());
    AlarmTransition latched = only(handOver.drive(frame(at(31), "SPO2=96")).transitions());

    assertEquals(TransitionType.ESCALATED, escalated.type());
    assertEquals(alarmId(SPO2, at(0)), escalated.alarmId());
    assertEquals(Priority.HIGH, escalated.priority());
    assertEquals("unacknowledged for PT20S, MEDIUM to HIGH", escalated.detail());
    assertEquals(TransitionType.ESCALATED, paged.type());
    assertEquals("HIGH alarm unacknowledged for PT10S: page further recipients", paged.detail());
    assertEquals(2, paged.snapshot().getInteger("escalations"));
    assertEquals(TransitionType.CONDITION_ENDED, latched.type(), "escalated to HIGH, the alarm latches");
  }

  @Test
  void givenOnsetDelayHalfRun_whenHandedOver_thenCopyAlarmsWhenTheDelayEnds() {
    HandOver handOver = new HandOver();
    handOver.drive(frame(at(0), "PULSE=140"));
    assertEquals(List.of(), handOver.drive(frame(at(5), "PULSE=141")).transitions());
    handOver.handOver();

    assertEquals(List.of(), handOver.drive(frame(at(9.9), "PULSE=142")).transitions());
    AlarmTransition raised = only(handOver.drive(frame(at(10), "PULSE=143")).transitions());

    assertEquals(TransitionType.RAISED, raised.type());
    assertEquals(alarmId(PULSE, at(10)), raised.alarmId());
    assertEquals(Priority.MEDIUM, raised.priority());
    assertEquals("Pulse 142 /min above 130", raised.snapshot().getString("message"), "the value held at the delay");
  }

  @Test
  void givenAudioPaused_whenHandedOver_thenCopyRearmsAtTheEndOfThePause() {
    HandOver handOver = new HandOver();
    handOver.drive(frame(at(0), "TEMPERATURE=39.0"));
    String fever = alarmId("THRESHOLD:TEMPERATURE", at(0));
    handOver.drive(engine -> engine.act(fever, alarm -> alarm.pauseAudio(NURSE, Duration.ofSeconds(30), at(2)),
        at(2)));
    handOver.handOver();

    assertEquals(at(32), onlyAlarm(handOver.snapshot()).getInstant("audioPausedUntil"));
    assertEquals(List.of(), handOver.drive(tick(at(31.9))).transitions());
    AlarmTransition rearmed = only(handOver.drive(tick(at(32))).transitions());
    AlarmTransition capped = only(handOver.drive(engine -> engine.act(fever,
        alarm -> alarm.pauseAudio(NURSE, Duration.ofMinutes(10), at(33)), at(33))).transitions());

    assertEquals(TransitionType.AUDIO_REARMED, rearmed.type());
    assertEquals(fever, rearmed.alarmId());
    assertNull(rearmed.snapshot().getValue("audioPausedUntil"));
    assertEquals(NURSE, capped.actor());
    assertTrue(capped.detail().endsWith("capped at PT1M"), capped.detail());
  }

  @Test
  void givenLatchedHighAlarm_whenHandedOver_thenCopyKeepsItUntilAcknowledged() {
    HandOver handOver = new HandOver();
    handOver.drive(frame(at(0), "PULSE=190"));
    handOver.drive(frame(at(2), "PULSE=80"));
    handOver.handOver();

    assertEquals("CLEARED_UNACKNOWLEDGED", onlyAlarm(handOver.snapshot()).getString("state"));
    AlarmTransition again = only(handOver.drive(frame(at(4), "PULSE=190")).transitions());
    AlarmTransition acknowledged = only(handOver.drive(acknowledge(alarmId(PULSE, at(0)), at(5))).transitions());

    assertEquals(TransitionType.RAISED, again.type(), "a new episode beside the latched one");
    assertEquals(alarmId(PULSE, at(4)), again.alarmId());
    assertEquals(TransitionType.ACKNOWLEDGED, acknowledged.type());
    assertEquals("CLEARED", acknowledged.toState().name());
    assertEquals(NURSE, acknowledged.actor());
    assertEquals(alarmId(PULSE, at(4)), onlyAlarm(handOver.snapshot()).getString("id"));
  }

  @Test
  void givenLimitOverrideWithExpiry_whenHandedOver_thenCopyJudgesByItAndExpiresItOnTime() {
    HandOver handOver = new HandOver();
    handOver.drive(frame(at(0), "SPO2=95"));
    // an onset delay of 2.5 s and a hysteresis of 2.50: both must come back exactly for the breach to go on
    ThresholdRule target = new ThresholdRule(Parameter.SPO2, Direction.BELOW, new BigDecimal("85"), Priority.MEDIUM,
        Duration.ofMillis(2500), new BigDecimal("2.50"));
    LimitOverride override = new LimitOverride(PATIENT, Parameter.SPO2, List.of(target), "dr.patel",
        "COPD, prescribed target 88-92 %", at(1), at(61));
    handOver.drive(engine -> engine.overrideLimits(override, at(1)));
    handOver.drive(frame(at(10), "SPO2=84"));
    handOver.handOver();

    JsonObject inForce = handOver.snapshot().getJsonArray("limitOverrides").getJsonObject(0);
    assertEquals(override.toJson(), inForce);
    assertEquals(List.of(), handOver.drive(frame(at(12), "SPO2=84")).transitions());
    AlarmTransition raised = only(handOver.drive(frame(at(12.5), "SPO2=84")).transitions());
    AlarmTransition ended = only(handOver.drive(frame(at(20), "SPO2=88")).transitions());
    assertEquals(List.of(), AuditEntries.of(handOver.drive(tick(at(60.9)))));
    WardUpdate expiry = handOver.drive(tick(at(61)));
    AlarmTransition wardLimit = only(expiry.transitions()); // judged by the ward's limit at once
    assertEquals(List.of(), handOver.drive(frame(at(62), "SPO2=88")).transitions());

    assertEquals("SpO2 84 % below 85", raised.snapshot().getString("message"));
    assertEquals(TransitionType.CLEARED, ended.type(), "88 is back inside 85 + 2.50");
    JsonObject audit = AuditEntries.of(expiry).get(0);
    assertEquals("LIMIT_OVERRIDE_EXPIRED", audit.getString("type"));
    assertEquals(override.toJson(), audit.getJsonObject("override"));
    assertTrue(expiry.snapshots().get(0).toJson().getJsonArray("limitOverrides").isEmpty());
    assertEquals("SpO2 88 % below 90", wardLimit.snapshot().getString("message"));
  }

  @Test
  void givenSensorOff_whenHandedOver_thenCopyKeepsTheTechnicalAlarmUntilTheSensorIsBack() {
    HandOver handOver = new HandOver();
    handOver.drive(frame(at(0), "SPO2=85", "PULSE=80"));
    WardUpdate off = handOver.drive(frameWithSensorsOff(at(1), Set.of(Parameter.SPO2), "PULSE=80"));
    assertEquals(Set.of(TransitionType.RAISED, TransitionType.DATA_STALE), types(off));
    handOver.handOver();

    assertEquals(List.of(), handOver.drive(frame(at(3), "PULSE=81")).transitions(), "the sensor is still off");
    WardUpdate back = handOver.drive(frame(at(4), "SPO2=96", "PULSE=81"));

    assertEquals(List.of("DATA_FRESH " + alarmId(SPO2, at(0)), "CLEARED " + alarmId(SPO2, at(0)),
        "CLEARED " + alarmId("TECHNICAL:SENSOR_OFF", at(1))), typesAndIds(back));
    assertTrue(back.snapshots().get(0).toJson().getJsonArray("technicalAlarms").isEmpty());
  }

  @Test
  void givenStaleDataMarks_whenHandedOver_thenCopyFreshensThemWhenDataReturns() {
    HandOver handOver = new HandOver(HandOver.THRESHOLD_RULES.replace("\"noDataSeconds\": 3600",
        "\"noDataSeconds\": 30, \"firstReportSeconds\": 0"));
    handOver.drive(frame(at(0), "PULSE=190", "SPO2=85"));
    handOver.drive(engine -> engine.deviceEvent(DeviceEvent.disconnected(MONITOR, null, null), at(5)));
    WardUpdate silent = handOver.drive(tick(at(31)));
    assertTrue(typesAndIds(silent).contains("RAISED " + alarmId("TECHNICAL:NO_DATA", at(31))), silent::toString);
    handOver.handOver();

    JsonArray alarms = handOver.snapshot().getJsonArray("alarms");
    assertTrue(alarms.getJsonObject(0).getBoolean("dataStale"));
    assertTrue(alarms.getJsonObject(1).getBoolean("dataStale"));
    WardUpdate back = handOver.drive(frame(at(33), "PULSE=190", "SPO2=85"));

    assertEquals(List.of("DATA_FRESH " + alarmId(PULSE, at(0)), "DATA_FRESH " + alarmId(SPO2, at(0)),
        "CLEARED " + alarmId("TECHNICAL:DISCONNECTED", at(5)), "CLEARED " + alarmId("TECHNICAL:NO_DATA", at(31))),
        typesAndIds(back));
  }

  @Test
  void givenAssessment_whenHandedOver_thenCopyScoresWithItAndLetsItGoStaleOnTime() {
    HandOver handOver = new HandOver("""
        {"news2": {"freshnessMinutes": 60, "chartedFreshnessMinutes": 60,
                   "bandPriorities": {"LOW_MEDIUM": "LOW", "MEDIUM": "MEDIUM", "HIGH": "HIGH"}},
         "technical": {"noDataSeconds": 86400},
         "thresholds": []}""");
    handOver.drive(frame(at(0), "RESP_RATE=16", "SPO2=90", "BP_SYSTOLIC=120", "PULSE=80", "TEMPERATURE=37.0"));
    handOver.drive(engine -> engine.assess(PATIENT,
        new Assessment(Consciousness.V, OxygenSupport.parse("2.50"), true, null), "nurse.kim", at(1)));
    handOver.handOver();

    JsonObject snapshot = handOver.snapshot();
    assertEquals("V", snapshot.getJsonObject("consciousness").getString("value"));
    assertEquals(at(1), snapshot.getJsonObject("consciousness").getInstant("time"));
    assertEquals(2.5, snapshot.getJsonObject("oxygen").getDouble("flow"));
    assertTrue(snapshot.getBoolean("spo2Scale2"));
    assertEquals(2, snapshot.getJsonObject("news2").getInteger("scale"));
    int total = snapshot.getJsonObject("news2").getInteger("total");
    handOver.drive(frame(at(3000), "RESP_RATE=16", "SPO2=90", "BP_SYSTOLIC=120", "PULSE=80", "TEMPERATURE=37.0"));
    handOver.drive(tick(at(3601)));
    assertEquals(total, handOver.snapshot().getJsonObject("news2").getInteger("total"), "an hour old is still fresh");
    WardUpdate stale = handOver.drive(tick(at(3601.001)));

    JsonObject news2 = stale.snapshots().get(0).toJson().getJsonObject("news2");
    assertTrue(news2.getBoolean("partial"));
    assertEquals(new JsonArray().add("AIR_OR_OXYGEN").add("CONSCIOUSNESS"), news2.getJsonArray("missing"));
    assertFalse(stale.transitions().isEmpty(), "the NEWS2 alarm follows the score");
  }

  @Test
  void givenNodeWithOtherAlarmPolicy_whenAdopting_thenTheAlarmKeepsTheTimingsItWasRaisedUnder() {
    WardState original = new WardState(ClinicalRules.fromJson(new JsonObject(HandOver.THRESHOLD_RULES)),
        HandOver.IDS);
    frame(at(0), "PULSE=190").apply(original);
    original.act(alarmId(PULSE, at(0)), alarm -> alarm.acknowledge(NURSE, at(1)), at(1));
    WardState slower = new WardState(ClinicalRules.fromJson(new JsonObject(HandOver.THRESHOLD_RULES
        .replace("\"reminderSeconds\": 15", "\"reminderSeconds\": 600"))), HandOver.IDS);

    slower.adopt(new JsonObject(original.state(PATIENT).orElseThrow().encode()));

    assertEquals(summary(original.tick(at(16)).transitions()), summary(slower.tick(at(16)).transitions()));
    assertEquals(List.of("REMINDER " + alarmId(PULSE, at(0)) + " HIGH system " + at(31)),
        summary(slower.tick(at(31)).transitions()));
  }

  private static AlarmTransition only(List<AlarmTransition> transitions) {
    assertEquals(1, transitions.size(), () -> "expected one transition, got " + summary(transitions));
    return transitions.get(0);
  }

  private static JsonObject onlyAlarm(JsonObject snapshot) {
    JsonArray alarms = snapshot.getJsonArray("alarms");
    assertEquals(1, alarms.size(), alarms::encode);
    return alarms.getJsonObject(0);
  }

  private static Set<TransitionType> types(WardUpdate update) {
    return Set.copyOf(update.transitions().stream().map(AlarmTransition::type).toList());
  }

  private static List<String> typesAndIds(WardUpdate update) {
    return update.transitions().stream().map(t -> t.type() + " " + t.alarmId()).toList();
  }
}
