package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.WardStateFixtures.BED_1;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.THRESHOLDS;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.frame;
import static org.wardwatch.clinical.WardStateFixtures.only;
import static org.wardwatch.clinical.WardStateFixtures.onlyAlarm;
import static org.wardwatch.clinical.WardStateFixtures.raisedId;
import static org.wardwatch.clinical.WardStateFixtures.snapshot;
import static org.wardwatch.clinical.WardStateFixtures.thresholdRules;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmState;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.Priority;

/** The passing of time (escalation, reminders, ticks in slices) and rules reloaded under live alarms. */
class WardStateTickTest {

  private static final String NURSE = "nurse.kim";

  private final WardState engine = new WardState(thresholdRules(THRESHOLDS));

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
  void givenEscalatedAlarmAcknowledged_whenTheConditionItselfWorsens_thenItAlarmsAgain() {
    engine.apply(frame(BED_1, T0, "PULSE=140"), T0);
    String id = raisedId(engine.apply(frame(BED_1, at(10), "PULSE=140"), at(10)));
    assertEquals(TransitionType.ESCALATED, only(engine.tick(at(30)).transitions()).type(), "MEDIUM to HIGH");
    engine.act(id, alarm -> alarm.acknowledge(NURSE, at(31)), at(31));

    AlarmTransition worse = only(engine.apply(frame(BED_1, at(32), "PULSE=190"), at(32)).transitions());

    assertEquals(TransitionType.PRIORITY_RAISED, worse.type(), "the condition went from MEDIUM to HIGH");
    assertEquals(id, worse.alarmId());
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, worse.toState());
    assertEquals(Priority.HIGH, worse.priority());
    assertTrue(worse.detail().contains("MEDIUM to HIGH"), worse.detail());
  }

  @Test
  void givenTickInSlices_thenEveryPatientIsTickedOnceAcrossTheSlices() {
    for (int bed = 0; bed < 20; bed++) {
      engine.apply(frame(new DeviceIdentity("mon-" + bed, "P" + bed, String.valueOf(bed), "surgery"), T0, "SPO2=85"),
          T0);
    }

    List<String> escalated = new ArrayList<>();
    for (int slice = 0; slice < 4; slice++) {
      engine.tick(at(20), slice, 4, null).transitions().forEach(transition -> escalated.add(transition.alarmId()));
    }

    assertEquals(20, escalated.size(), "each patient's MEDIUM alarm escalated once");
    assertEquals(20, Set.copyOf(escalated).size());
    assertEquals(List.of(), engine.tick(at(20)).transitions(), "nothing left to escalate");
    assertThrows(IllegalArgumentException.class, () -> engine.tick(at(21), 4, 4, null));
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

    engine.replaceRules(thresholdRules("""
        "thresholds": [{"parameter": "PULSE", "above": 200, "priority": "HIGH", "hysteresis": 5}]
        """));

    JsonObject kept = onlyAlarm(engine.view().snapshot("P1").orElseThrow().toJson());
    assertEquals(id, kept.getString("id"));
    assertEquals("ACTIVE_UNACKNOWLEDGED", kept.getString("state"));
    assertEquals(List.of(), engine.tick(at(1)).transitions());
    AlarmTransition ended = only(engine.apply(frame(BED_1, at(2), "PULSE=190"), at(2)).transitions());
    assertEquals(TransitionType.CONDITION_ENDED, ended.type());
    assertEquals(id, ended.alarmId());
  }

  @Test
  void givenStandingAlarmWithOnsetDelay_whenItsRuleIsReloadedWithAnotherHysteresis_thenItGoesOnUnbroken() {
    engine.apply(frame(BED_1, T0, "PULSE=140"), T0);
    String id = raisedId(engine.apply(frame(BED_1, at(10), "PULSE=140"), at(10)));
    engine.act(id, alarm -> alarm.acknowledge(NURSE, at(11)), at(11));

    engine.replaceRules(thresholdRules(THRESHOLDS.replace("\"delaySeconds\": 10, \"hysteresis\": 5",
        "\"delaySeconds\": 10, \"hysteresis\": 4")));

    assertEquals(List.of(), engine.apply(frame(BED_1, at(12), "PULSE=140"), at(12)).transitions(),
        "not cleared, and no onset delay run again");
    assertEquals(List.of(), engine.apply(frame(BED_1, at(22), "PULSE=140"), at(22)).transitions());
    JsonObject alarm = onlyAlarm(snapshot(engine.apply(frame(BED_1, at(23), "PULSE=141"), at(23))));
    assertEquals(id, alarm.getString("id"));
    assertEquals("ACTIVE_ACKNOWLEDGED", alarm.getString("state"));
  }

  @Test
  void givenActiveAlarm_whenRulesReplacedAndNewLimitStillBreached_thenSameAlarmContinues() {
    String id = raisedId(engine.apply(frame(BED_1, T0, "PULSE=190"), T0));

    engine.replaceRules(thresholdRules("""
        "thresholds": [{"parameter": "PULSE", "above": 180, "priority": "HIGH", "hysteresis": 5}]
        """));
    WardUpdate next = engine.apply(frame(BED_1, at(2), "PULSE=190"), at(2));

    assertEquals(List.of(), next.transitions());
    JsonObject alarm = onlyAlarm(snapshot(next));
    assertEquals(id, alarm.getString("id"));
    assertEquals("Pulse 190 /min above 180", alarm.getString("message"));
  }
}
