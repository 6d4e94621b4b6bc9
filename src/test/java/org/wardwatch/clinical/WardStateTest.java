package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.WardStateFixtures.BED_1;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.THRESHOLDS;
import static org.wardwatch.clinical.WardStateFixtures.assertDecimal;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.frame;
import static org.wardwatch.clinical.WardStateFixtures.observation;
import static org.wardwatch.clinical.WardStateFixtures.only;
import static org.wardwatch.clinical.WardStateFixtures.onlyAlarm;
import static org.wardwatch.clinical.WardStateFixtures.onlyOf;
import static org.wardwatch.clinical.WardStateFixtures.raisedId;
import static org.wardwatch.clinical.WardStateFixtures.snapshot;
import static org.wardwatch.clinical.WardStateFixtures.thresholdRules;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.bus.PatientSnapshot;
import org.wardwatch.clinical.alarm.AlarmState;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Priority;

/** The clinical engine's physiological threshold alarms, with time passed in (no sleeping). */
class WardStateTest {

  private static final DeviceIdentity ICU_BED_2 = new DeviceIdentity("mon-2", "P2", "2", "icu");
  private static final String NURSE = "nurse.kim";

  private final WardState engine = new WardState(thresholdRules(THRESHOLDS));

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
    assertEquals("Pulse 142 /min above 130", raised.snapshot().getString("message"),
        "raised on the value that held through the delay, which ran out as the next came");
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
    assertThrows(ActionRefused.UnknownTarget.class,
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
    assertEquals(NURSE, onlyAlarm(engine.view().snapshot("P1").orElseThrow().toJson()).getString("acknowledgedBy"));
  }

  @Test
  void givenUnknownAlarmId_whenActedOn_thenUnknownTarget() {
    engine.apply(frame(BED_1, T0, "PULSE=190"), T0);

    assertThrows(ActionRefused.UnknownTarget.class,
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
  void givenAPatientWithAnAlarmMovedToAnotherWard_thenTheOldWardIsToldAndTheAlarmGoesWithThem() {
    String alarmId = only(engine.apply(frame(BED_1, T0, "PULSE=190"), T0).transitions()).alarmId();

    WardUpdate move = engine.apply(frame(new DeviceIdentity("mon-1", "P1", "5", "icu"), at(1), "PULSE=190"), at(1));

    assertEquals(2, move.snapshots().size(), () -> "the old ward's notice, then the patient: " + move.snapshots());
    JsonObject notice = move.snapshots().get(0).toJson();
    assertEquals("surgery", move.snapshots().get(0).ward(), "published to the screens the patient left");
    assertEquals(new JsonObject().put("ward", "icu").put("bed", "5"), notice.getJsonObject("movedTo"));
    assertEquals("1", notice.getString("bed"));
    assertFalse(move.snapshots().get(0).supersedable(), "a slow screen may skip no notice");
    JsonObject alarm = onlyOf(move.snapshots().get(1).toJson(), "alarms");
    assertEquals(alarmId, alarm.getString("id"), "the same alarm, not ended and raised again");
    assertEquals("icu", alarm.getString("ward"));
    assertEquals("5", alarm.getString("bed"));
    assertTrue(move.audit().stream().anyMatch(record -> "MOVED".equals(record.entry().getString("type"))
        && record.entry().getString("detail").startsWith("moved from ward surgery bed 1 to ward icu bed 5")));
    AlarmTransition escalated = only(engine.tick(at(61)).transitions());
    assertEquals(TransitionType.ESCALATED, escalated.type());
    assertEquals("icu", escalated.snapshot().getString("ward"), "paged to the team now caring for the patient");
    assertEquals(List.of(), engine.apply(frame(new DeviceIdentity("mon-1", "P1", "6", "icu"), at(62), "PULSE=190"),
        at(62)).snapshots().stream().filter(snapshot -> !snapshot.supersedable()).toList(), "a bed within the ward");
  }

  @Test
  void givenABatchMovingThePatientOnAndBack_thenEachMoveIsShownAtItsFrameWithTheAlarmsItMade() {
    engine.apply(frame(BED_1, T0, "PULSE=80"), T0);
    DeviceIdentity icu = new DeviceIdentity("mon-1", "P1", "5", "icu");

    WardUpdate there = engine.applyUnshown(frame(icu, at(1), "PULSE=190"), at(1));
    WardUpdate back = engine.applyUnshown(frame(BED_1, at(1), "PULSE=190"), at(1));

    assertEquals(List.of("surgery", "icu"), there.snapshots().stream().map(PatientSnapshot::ward).toList(),
        "the notice to surgery, and icu's snapshot, though the batch shows its patients at its end");
    assertEquals("icu", only(there.transitions()).snapshot().getString("ward"), "its alarm, where it was shown");
    assertEquals(there.snapshots().get(1).toJson().getLong("seq"), there.snapshots().get(0).toJson().getLong("seq"),
        "the notice says the change it was made at, though written after the patient changed again");
    assertEquals(List.of("icu", "surgery"), back.snapshots().stream().map(PatientSnapshot::ward).toList(),
        "icu is told the patient left it, with the alarm");
    assertEquals(WardUpdate.NOTHING, engine.show("P1"), "nothing more to show at the batch's end");
  }

  /** The patient's snapshot of an update that may also hold the notice to the ward the patient left. */
  private static JsonObject shownAfterMove(WardUpdate update) {
    return update.snapshots().get(update.snapshots().size() - 1).toJson();
  }

  @Test
  void givenASecondDeviceNamingNoWardOrBed_whenItsFrameArrives_thenThePatientStaysWhereTheyAre() {
    engine.apply(frame(BED_1, T0, "PULSE=190"), T0);
    DeviceIdentity cuff = new DeviceIdentity("cuff-2", "P1", null, null);

    JsonObject shown = snapshot(engine.apply(frame(cuff, at(1), "BP_SYSTOLIC=120"), at(1)));

    assertEquals("surgery", shown.getString("ward"), "not moved to the unassigned ward, alarms and all");
    assertEquals("1", shown.getString("bed"));
    assertEquals("cuff-2", shown.getString("device"));
    assertEquals(1, shown.getJsonArray("alarms").size());
    JsonObject moved = shownAfterMove(engine.apply(frame(new DeviceIdentity("cuff-2", "P1", "9", "icu"), at(2),
        "BP_SYSTOLIC=121"), at(2)));
    assertEquals("icu", moved.getString("ward"), "a device that names a ward moves the patient");
    assertEquals("9", moved.getString("bed"));
    JsonObject noBed = shownAfterMove(engine.apply(frame(new DeviceIdentity("cuff-2", "P1", null, "surgery"), at(3),
        "BP_SYSTOLIC=122"), at(3)));
    assertEquals("surgery", noBed.getString("ward"));
    assertNull(noBed.getString("bed"), "not the icu's bed 9 in surgery");
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

  private static FrameReport report(DeviceIdentity source, Instant time, Observation... observations) {
    return WardStateFixtures.report(source, time, List.of(observations), null, null);
  }
}
