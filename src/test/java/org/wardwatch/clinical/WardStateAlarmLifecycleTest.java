package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wardwatch.clinical.WardStateFixtures.BED_1;
import static org.wardwatch.clinical.WardStateFixtures.NURSE;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.THRESHOLDS;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.frame;
import static org.wardwatch.clinical.WardStateFixtures.only;
import static org.wardwatch.clinical.WardStateFixtures.onlyAlarm;
import static org.wardwatch.clinical.WardStateFixtures.raisedId;
import static org.wardwatch.clinical.WardStateFixtures.snapshot;
import static org.wardwatch.clinical.WardStateFixtures.thresholdRules;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmState;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.Priority;

/**
 * A threshold alarm's life in the clinical engine after it is raised: kept at the limit and cleared once the value is
 * clear of the hysteresis band, latched until acknowledged when HIGH, a new episode with a new id when the condition
 * returns, its priority raised in place by a higher rule, acknowledged once, and an unknown alarm refused.
 */
class WardStateAlarmLifecycleTest {

  private final WardState engine = new WardState(thresholdRules(THRESHOLDS));

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
}
