package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.wardwatch.clinical.WardStateFixtures.BED_1;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.THRESHOLDS;
import static org.wardwatch.clinical.WardStateFixtures.assertDecimal;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.frame;
import static org.wardwatch.clinical.WardStateFixtures.observation;
import static org.wardwatch.clinical.WardStateFixtures.only;
import static org.wardwatch.clinical.WardStateFixtures.onlyAlarm;
import static org.wardwatch.clinical.WardStateFixtures.raisedId;
import static org.wardwatch.clinical.WardStateFixtures.snapshot;
import static org.wardwatch.clinical.WardStateFixtures.thresholdRules;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmState;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Priority;

/**
 * The clinical engine's physiological threshold alarms raised, with time passed in (no sleeping): once per breach, its
 * message refreshed by later values; after an onset delay only if the breach held throughout; by a ward's own limits
 * where it has them and the defaults otherwise; neither raised nor cleared by a value older than one already seen.
 */
class WardStateTest {

  private static final DeviceIdentity ICU_BED_2 = new DeviceIdentity("mon-2", "P2", "2", "icu");

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

  private static FrameReport report(DeviceIdentity source, Instant time, Observation... observations) {
    return WardStateFixtures.report(source, time, List.of(observations), null, null);
  }
}
