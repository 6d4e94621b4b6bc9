package org.wardwatch.clinical.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.alarm.AlarmFixtures.ABOVE;
import static org.wardwatch.clinical.alarm.AlarmFixtures.BED_12;
import static org.wardwatch.clinical.alarm.AlarmFixtures.DOCTOR;
import static org.wardwatch.clinical.alarm.AlarmFixtures.NURSE;
import static org.wardwatch.clinical.alarm.AlarmFixtures.POLICY;
import static org.wardwatch.clinical.alarm.AlarmFixtures.T0;
import static org.wardwatch.clinical.alarm.AlarmFixtures.types;
import static org.wardwatch.clinical.alarm.AlarmFixtures.at;
import static org.wardwatch.clinical.alarm.AlarmFixtures.audible;
import static org.wardwatch.clinical.alarm.AlarmFixtures.only;
import static org.wardwatch.clinical.alarm.AlarmFixtures.physiological;
import static org.wardwatch.clinical.alarm.AlarmFixtures.raised;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wardwatch.model.Priority;

class AlarmLifecycleTest {

  @Test
  void givenNewCondition_whenRaised_thenActiveUnacknowledgedAudibleWithRaisedTransition() {
    Alarm.Raised raised = Alarm.raise("a1", AlarmKind.PHYSIOLOGICAL, "SPO2", BED_12, Priority.MEDIUM, "SpO2 88 %",
        Set.of("BELOW"), T0, POLICY);

    Alarm alarm = raised.alarm();
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, alarm.state());
    assertEquals(Priority.MEDIUM, alarm.priority());
    assertEquals(T0, alarm.toJson().getInstant("raisedAt"));
    assertTrue(audible(alarm, T0));
    assertFalse(alarm.isFinished());
    AlarmTransition transition = raised.transition();
    assertEquals("a1", transition.alarmId());
    assertEquals(TransitionType.RAISED, transition.type());
    assertNull(transition.fromState());
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, transition.toState());
    assertEquals(Priority.MEDIUM, transition.priority());
    assertEquals(AlarmTransition.SYSTEM, transition.actor());
    assertEquals(T0, transition.at());
  }

  @Test
  void givenActiveUnacknowledged_whenAcknowledged_thenActiveAcknowledgedSilentWithUserAndTime() {
    Alarm alarm = physiological(Priority.HIGH);

    AlarmTransition ack = only(alarm.acknowledge(NURSE, at(20)));

    assertEquals(TransitionType.ACKNOWLEDGED, ack.type());
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, ack.fromState());
    assertEquals(AlarmState.ACTIVE_ACKNOWLEDGED, ack.toState());
    assertEquals(NURSE, ack.actor());
    assertEquals(at(20), ack.at());
    assertEquals(Optional.of(NURSE), alarm.acknowledgedBy());
    assertEquals(at(20), alarm.toJson().getInstant("acknowledgedAt"));
    assertFalse(audible(alarm, at(20)));
    assertFalse(alarm.isFinished());
  }

  @Test
  void givenAcknowledgedAlarm_whenAcknowledgedAgainByAnotherUser_thenNoTransitionAndFirstAcknowledgementKept() {
    Alarm alarm = physiological(Priority.HIGH);
    alarm.acknowledge(NURSE, at(20));

    assertEquals(List.of(), alarm.acknowledge(DOCTOR, at(25)));
    assertEquals(Optional.of(NURSE), alarm.acknowledgedBy());
    assertEquals(at(20), alarm.toJson().getInstant("acknowledgedAt"));
  }

  @Test
  void givenIdenticalAcknowledgementsAMillisecondApart_whenApplied_thenOneTransition() {
    Alarm alarm = physiological(Priority.MEDIUM);

    assertEquals(1, alarm.acknowledge(NURSE, at(20)).size());
    assertEquals(List.of(), alarm.acknowledge(NURSE, at(20).plusMillis(1)));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void givenNoNamedUser_whenAcknowledged_thenRejectedAndStillUnacknowledged(String user) {
    Alarm alarm = physiological(Priority.MEDIUM);

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> alarm.acknowledge(user, T0));
    assertTrue(error.getMessage().contains("user"), error.getMessage());
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, alarm.state());
  }

  @ParameterizedTest
  @CsvSource({
      "PHYSIOLOGICAL, HIGH,   CLEARED_UNACKNOWLEDGED, CONDITION_ENDED",
      "PHYSIOLOGICAL, MEDIUM, CLEARED,                CLEARED",
      "PHYSIOLOGICAL, LOW,    CLEARED,                CLEARED",
      "TECHNICAL,     HIGH,   CLEARED,                CLEARED",
      "TECHNICAL,     MEDIUM, CLEARED,                CLEARED",
      "TECHNICAL,     LOW,    CLEARED,                CLEARED"})
  void givenUnacknowledgedAlarm_whenConditionEnds_thenOnlyHighPhysiologicalLatches(AlarmKind kind, Priority priority,
      AlarmState expected, TransitionType expectedType) {
    Alarm alarm = raised(kind, priority);

    AlarmTransition ended = only(alarm.conditionEnded(at(30)));

    assertEquals(expectedType, ended.type());
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, ended.fromState());
    assertEquals(expected, alarm.state());
    assertEquals(expected == AlarmState.CLEARED, alarm.isFinished());
    assertEquals(expected == AlarmState.CLEARED_UNACKNOWLEDGED, audible(alarm, at(30)));
  }

  @Test
  void givenLatchedAlarm_whenAcknowledged_thenClearedAndSilent() {
    Alarm alarm = physiological(Priority.HIGH);
    alarm.conditionEnded(at(30));
    assertTrue(audible(alarm, at(600)));

    AlarmTransition ack = only(alarm.acknowledge(NURSE, at(600)));

    assertEquals(TransitionType.ACKNOWLEDGED, ack.type());
    assertEquals(AlarmState.CLEARED_UNACKNOWLEDGED, ack.fromState());
    assertEquals(AlarmState.CLEARED, ack.toState());
    assertTrue(alarm.isFinished());
    assertFalse(audible(alarm, at(600)));
    assertEquals(Optional.of(NURSE), alarm.acknowledgedBy());
  }

  @ParameterizedTest
  @CsvSource({"PHYSIOLOGICAL, HIGH", "PHYSIOLOGICAL, LOW", "TECHNICAL, HIGH"})
  void givenAcknowledgedAlarm_whenConditionEnds_thenClearedWithoutLatching(AlarmKind kind, Priority priority) {
    Alarm alarm = raised(kind, priority);
    alarm.acknowledge(NURSE, at(10));

    AlarmTransition ended = only(alarm.conditionEnded(at(30)));

    assertEquals(TransitionType.CLEARED, ended.type());
    assertEquals(AlarmState.ACTIVE_ACKNOWLEDGED, ended.fromState());
    assertEquals(AlarmState.CLEARED, ended.toState());
    assertTrue(alarm.isFinished());
  }

  @Test
  void givenClearedAlarm_whenAcknowledgedOrEndedAgain_thenNoTransition() {
    Alarm alarm = physiological(Priority.MEDIUM);
    alarm.conditionEnded(at(30));

    assertEquals(List.of(), alarm.acknowledge(NURSE, at(40)));
    assertEquals(List.of(), alarm.conditionEnded(at(40)));
    assertEquals(AlarmState.CLEARED, alarm.state());
    assertEquals(Optional.empty(), alarm.acknowledgedBy());
  }

  @Test
  void givenLatchedAlarm_whenConditionEndsAgain_thenNoTransition() {
    Alarm alarm = physiological(Priority.HIGH);
    alarm.conditionEnded(at(30));

    assertEquals(List.of(), alarm.conditionEnded(at(31)));
    assertEquals(AlarmState.CLEARED_UNACKNOWLEDGED, alarm.state());
  }

  @Test
  void givenActiveAlarm_whenUpdatedAtSamePriority_thenNoTransitionButMessageRefreshed() {
    Alarm alarm = physiological(Priority.HIGH);

    assertEquals(List.of(), alarm.update(Priority.HIGH, "Pulse 195 /min above 150", ABOVE, at(5)));
    assertEquals(List.of(), alarm.update(Priority.HIGH, "Pulse 195 /min above 150", ABOVE, at(5)));
    assertEquals("Pulse 195 /min above 150", alarm.message());
    assertEquals(List.of(), alarm.update(Priority.HIGH, null, ABOVE, at(6)));
    assertEquals("Pulse 195 /min above 150", alarm.message());
  }

  @Test
  void givenActiveAlarm_whenUpdatedAtLowerPriority_thenPriorityKeptAndMessageOfTheCurrentValue() {
    Alarm alarm = physiological(Priority.HIGH);

    assertEquals(List.of(), alarm.update(Priority.MEDIUM, "Pulse 140 /min above 130", ABOVE, at(5)));
    assertEquals(Priority.HIGH, alarm.priority());
    assertEquals("Pulse 140 /min above 130", alarm.message());
  }

  @Test
  void givenAlarmAcknowledgedAtHigh_whenTheConditionEasesToMediumForAMinuteAndRisesAgain_thenItAlarmsAgain() {
    Alarm alarm = physiological(Priority.HIGH);
    alarm.acknowledge(NURSE, at(5));
    assertEquals(List.of(), alarm.update(Priority.MEDIUM, "Pulse 140 /min above 130", ABOVE, at(20)));
    assertEquals(List.of(), alarm.update(Priority.MEDIUM, "Pulse 141 /min above 130", ABOVE, at(80)), "held a minute");

    AlarmTransition again = only(alarm.update(Priority.HIGH, "Pulse 190 /min above 150", ABOVE, at(90)));

    assertEquals(TransitionType.PRIORITY_RAISED, again.type());
    assertEquals(AlarmState.ACTIVE_ACKNOWLEDGED, again.fromState());
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, again.toState());
    assertEquals(Priority.HIGH, again.priority());
    assertEquals("Pulse 190 /min above 150", alarm.message());
  }

  @Test
  void givenAlarmAcknowledgedAtHigh_whenAParameterReportedSeldomEasesToMediumOnceAndLaterRises_thenItAlarmsAgain() {
    Alarm alarm = physiological(Priority.HIGH);
    alarm.acknowledge(NURSE, at(60));
    assertEquals(List.of(), alarm.update(Priority.MEDIUM, "Systolic BP 86 mm[Hg] below 90", ABOVE, at(900)));
    Alarm stored = Alarm.fromState(alarm.toState()); // the easing survives a move to another member

    AlarmTransition again = only(stored.update(Priority.HIGH, "Systolic BP 76 mm[Hg] below 80", ABOVE, at(1800)));

    assertEquals(TransitionType.PRIORITY_RAISED, again.type());
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, again.toState());
    assertEquals("condition worse, MEDIUM to HIGH: Systolic BP 76 mm[Hg] below 80", again.detail());
    assertEquals(List.of(), stored.update(Priority.HIGH, null, ABOVE, at(1805)), "once");
  }

  @Test
  void givenAConditionWaveringAtABoundary_whenItReturnsWithinTheEasingTime_thenNothingAlarmsAgain() {
    Alarm acknowledged = physiological(Priority.HIGH);
    acknowledged.acknowledge(NURSE, at(5));
    Alarm unacknowledged = physiological(Priority.HIGH);

    for (Alarm alarm : List.of(acknowledged, unacknowledged)) {
      for (int second = 10; second < 200; second += 2) { // a NEWS2 of 6 and 7 in turn
        Priority total = second % 4 == 0 ? Priority.MEDIUM : Priority.HIGH;
        assertEquals(List.of(), alarm.update(total, "NEWS2", Set.of(), at(second)));
      }
    }
    assertEquals(AlarmState.ACTIVE_ACKNOWLEDGED, acknowledged.state());
    assertEquals(List.of(TransitionType.ESCALATED), types(unacknowledged.tick(at(60))), "its clock ran on");
  }

  @Test
  void givenUnacknowledgedAlarm_whenPriorityRises_thenPriorityRaisedAndStillUnacknowledged() {
    Alarm alarm = physiological(Priority.MEDIUM);

    AlarmTransition raisedPriority = only(alarm.update(Priority.HIGH, "Pulse 160 /min above 150", ABOVE, at(10)));

    assertEquals(TransitionType.PRIORITY_RAISED, raisedPriority.type());
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, raisedPriority.fromState());
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, raisedPriority.toState());
    assertEquals(Priority.HIGH, raisedPriority.priority());
    assertEquals("Pulse 160 /min above 150", alarm.message());
  }

  @Test
  void givenAcknowledgedAlarm_whenPriorityRises_thenItAlarmsAgainUnacknowledged() {
    Alarm alarm = physiological(Priority.MEDIUM);
    alarm.acknowledge(NURSE, at(10));

    AlarmTransition raisedPriority = only(alarm.update(Priority.HIGH, "Pulse 160 /min above 150", ABOVE, at(40)));

    assertEquals(TransitionType.PRIORITY_RAISED, raisedPriority.type());
    assertEquals(AlarmState.ACTIVE_ACKNOWLEDGED, raisedPriority.fromState());
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, raisedPriority.toState());
    assertTrue(audible(alarm, at(40)));
    assertEquals(Optional.empty(), alarm.acknowledgedBy());
    assertNull(alarm.toJson().getInstant("acknowledgedAt"));
    assertEquals(1, alarm.acknowledge(DOCTOR, at(50)).size());
  }

  @Test
  void givenDuplicateHigherUpdates_whenApplied_thenOneTransition() {
    Alarm alarm = physiological(Priority.LOW);

    assertEquals(1, alarm.update(Priority.HIGH, "worse", ABOVE, at(10)).size());
    assertEquals(List.of(), alarm.update(Priority.HIGH, "worse", ABOVE, at(10).plusMillis(1)));
  }

  @Test
  void givenClearedOrLatchedAlarm_whenUpdated_thenNoTransition() {
    Alarm cleared = physiological(Priority.LOW);
    cleared.conditionEnded(at(10));
    Alarm latched = physiological(Priority.HIGH);
    latched.conditionEnded(at(10));

    assertEquals(List.of(), cleared.update(Priority.HIGH, "back", ABOVE, at(20)));
    assertEquals(List.of(), latched.update(Priority.HIGH, "back", ABOVE, at(20)));
    assertEquals(Priority.LOW, cleared.priority());
    assertEquals(AlarmState.CLEARED_UNACKNOWLEDGED, latched.state());
  }

  @Test
  void givenPhysiologicalAlarmRaisedToHigh_whenConditionEndsUnacknowledged_thenItLatches() {
    Alarm alarm = physiological(Priority.MEDIUM);
    alarm.update(Priority.HIGH, "worse", ABOVE, at(10));

    assertEquals(TransitionType.CONDITION_ENDED, only(alarm.conditionEnded(at(20))).type());
    assertEquals(AlarmState.CLEARED_UNACKNOWLEDGED, alarm.state());
  }
}
