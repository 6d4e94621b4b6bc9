package org.wardwatch.clinical.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.alarm.AlarmFixtures.ABOVE;
import static org.wardwatch.clinical.alarm.AlarmFixtures.NURSE;
import static org.wardwatch.clinical.alarm.AlarmFixtures.T0;
import static org.wardwatch.clinical.alarm.AlarmFixtures.at;
import static org.wardwatch.clinical.alarm.AlarmFixtures.audible;
import static org.wardwatch.clinical.alarm.AlarmFixtures.only;
import static org.wardwatch.clinical.alarm.AlarmFixtures.physiological;
import static org.wardwatch.clinical.alarm.AlarmFixtures.technical;
import static org.wardwatch.clinical.alarm.AlarmFixtures.types;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.model.Priority;

/** Escalation, reminders and {@code nextDeadline}: everything {@code tick} reports, with the default policy. */
class AlarmTimersTest {

  @ParameterizedTest
  @CsvSource({"LOW, 300, MEDIUM", "MEDIUM, 120, HIGH", "HIGH, 60, HIGH"})
  void givenUnacknowledgedAlarm_whenItsEscalationTimeIsReached_thenEscalatedOnceAndNotBefore(Priority priority,
      long seconds, Priority expected) {
    Alarm alarm = physiological(priority);

    assertEquals(List.of(), alarm.tick(at(seconds).minusMillis(1)));
    AlarmTransition escalated = only(alarm.tick(at(seconds)));

    assertEquals(TransitionType.ESCALATED, escalated.type());
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, escalated.toState());
    assertEquals(expected, escalated.priority());
    assertEquals(expected, alarm.priority());
    assertEquals(1, alarm.toJson().getInteger("escalations"));
    assertEquals(List.of(), alarm.tick(at(seconds)));
  }

  @Test
  void givenEscalatedAlarmAcknowledgedAndCarriedToAnotherNode_whenItsConditionWorsens_thenItAlarmsAgain() {
    Alarm alarm = physiological(Priority.MEDIUM);
    alarm.tick(at(120)); // escalated to HIGH
    alarm.acknowledge(NURSE, at(121));
    Alarm carried = Alarm.fromState(alarm.toState());

    AlarmTransition worse = only(carried.update(Priority.HIGH, "worse", ABOVE, at(122)));

    assertEquals(TransitionType.PRIORITY_RAISED, worse.type());
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, worse.toState());
    assertEquals(List.of(), carried.update(Priority.HIGH, "still", ABOVE, at(123)), "once per rise of the condition");
  }

  @Test
  void givenAlarmCarriedToAnotherNode_thenItStandsForTheSamePartsOfItsCondition() {
    Alarm carried = Alarm.fromState(physiological(Priority.HIGH).toState());

    carried.acknowledge(NURSE, at(5)); // unacknowledged, an alarm goes on for any condition of its key
    assertTrue(carried.standsFor(ABOVE));
    assertFalse(carried.standsFor(Set.of("BELOW")));
    assertTrue(Alarm.fromState(carried.toState().copy().put("parts", null)).standsFor(Set.of("BELOW")),
        "an alarm stored before parts were kept stands for any");
  }

  @Test
  void givenLowAlarmLeftUnacknowledged_whenTimePasses_thenEachEscalationRestartsTheClockAtTheNewPriority() {
    Alarm alarm = physiological(Priority.LOW);

    assertEquals(Priority.MEDIUM, only(alarm.tick(at(300))).priority());
    assertEquals(List.of(), alarm.tick(at(419)));
    assertEquals(Priority.HIGH, only(alarm.tick(at(420))).priority());
    assertEquals(List.of(), alarm.tick(at(479)));
    assertEquals(TransitionType.ESCALATED, only(alarm.tick(at(480))).type());
    assertEquals(TransitionType.ESCALATED, only(alarm.tick(at(540))).type());
    assertEquals(4, alarm.toJson().getInteger("escalations"));
  }

  @Test
  void givenHighAlarmLeftUnacknowledged_whenTickedEveryTenSeconds_thenPagedOncePerMinuteWithoutPriorityChange() {
    Alarm alarm = technical(Priority.HIGH);
    List<AlarmTransition> reported = new ArrayList<>();

    for (long second = 0; second <= 200; second += 10) {
      reported.addAll(alarm.tick(at(second)));
    }

    assertEquals(List.of(at(60), at(120), at(180)), reported.stream().map(AlarmTransition::at).toList());
    reported.forEach(page -> assertEquals(TransitionType.ESCALATED, page.type()));
    reported.forEach(page -> assertEquals(Priority.HIGH, page.priority()));
    assertEquals(3, alarm.toJson().getInteger("escalations"));
  }

  @Test
  void givenTickFarPastSeveralDeadlines_whenTicked_thenOneEscalationAndTheClockRestartsFromTheTick() {
    Alarm alarm = physiological(Priority.LOW);

    AlarmTransition escalated = only(alarm.tick(at(1000)));

    assertEquals(Priority.MEDIUM, escalated.priority());
    assertEquals(at(1000), escalated.at());
    assertEquals(Optional.of(at(1120)), alarm.nextDeadline());
  }

  @Test
  void givenPriorityRise_whenTicked_thenEscalationClockRestartedAtTheRise() {
    Alarm alarm = physiological(Priority.LOW);
    alarm.update(Priority.MEDIUM, "worse", ABOVE, at(200));

    assertEquals(List.of(), alarm.tick(at(300)));
    assertEquals(Optional.of(at(320)), alarm.nextDeadline());
    assertEquals(Priority.HIGH, only(alarm.tick(at(320))).priority());
  }

  @Test
  void givenUnansweredAlarmWhoseConditionEasedAndRoseBack_whenTicked_thenItEscalatesOnItsFirstClock() {
    Alarm alarm = physiological(Priority.MEDIUM);
    alarm.update(Priority.LOW, "better", ABOVE, at(10));
    alarm.update(Priority.LOW, "better", ABOVE, at(70)); // eased for a minute: the condition is LOW now

    AlarmTransition rose = only(alarm.update(Priority.MEDIUM, "worse again", ABOVE, at(80)));

    assertEquals(TransitionType.PRIORITY_RAISED, rose.type());
    assertEquals(Optional.of(at(120)), alarm.nextDeadline(), "wavering does not put escalation off");
    assertEquals(TransitionType.ESCALATED, only(alarm.tick(at(120))).type());
  }

  @Test
  void givenAcknowledgedAlarm_whenItsEscalationTimeIsReached_thenNoEscalation() {
    Alarm alarm = physiological(Priority.MEDIUM);
    alarm.acknowledge(NURSE, at(30));

    assertEquals(List.of(), alarm.tick(at(120)));
    assertEquals(Priority.MEDIUM, alarm.priority());
    assertEquals(0, alarm.toJson().getInteger("escalations"));
  }

  @Test
  void givenAcknowledgedPersistingAlarm_whenTimePasses_thenReminderEveryIntervalFromTheAcknowledgement() {
    Alarm alarm = physiological(Priority.HIGH);
    alarm.acknowledge(NURSE, at(10));

    assertEquals(List.of(), alarm.tick(at(309)));
    AlarmTransition reminder = only(alarm.tick(at(310)));
    assertEquals(List.of(), alarm.tick(at(310)));
    assertEquals(List.of(), alarm.tick(at(609)));
    assertEquals(TransitionType.REMINDER, only(alarm.tick(at(610))).type());

    assertEquals(TransitionType.REMINDER, reminder.type());
    assertEquals(AlarmState.ACTIVE_ACKNOWLEDGED, reminder.fromState());
    assertEquals(AlarmState.ACTIVE_ACKNOWLEDGED, reminder.toState());
    assertEquals(AlarmState.ACTIVE_ACKNOWLEDGED, alarm.state());
    assertFalse(audible(alarm, at(610)));
  }

  @Test
  void givenUnacknowledgedAlarm_whenTimePasses_thenNoReminders() {
    Alarm alarm = physiological(Priority.HIGH);
    List<TransitionType> reported = new ArrayList<>();

    for (long second = 0; second <= 900; second += 30) {
      reported.addAll(types(alarm.tick(at(second))));
    }

    assertFalse(reported.contains(TransitionType.REMINDER), reported.toString());
  }

  @Test
  void givenClearedAlarm_whenTimePasses_thenNothingIsReportedAndNoDeadline() {
    Alarm alarm = physiological(Priority.LOW);
    alarm.acknowledge(NURSE, at(10));
    alarm.conditionEnded(at(20));

    assertEquals(List.of(), alarm.tick(at(310)));
    assertEquals(List.of(), alarm.tick(at(10_000)));
    assertEquals(Optional.empty(), alarm.nextDeadline());
  }

  @Test
  void givenLatchedAlarm_whenUnacknowledgedPastItsEscalationTime_thenItIsPagedAndNeverReminds() {
    Alarm alarm = physiological(Priority.HIGH);
    alarm.conditionEnded(at(10));

    assertEquals(Optional.of(at(60)), alarm.nextDeadline(), "the clock runs on from the raise");
    assertEquals(List.of(), alarm.tick(at(59)));
    AlarmTransition paged = only(alarm.tick(at(60)));
    assertEquals(TransitionType.ESCALATED, paged.type());
    assertEquals(AlarmState.CLEARED_UNACKNOWLEDGED, paged.toState());
    assertEquals(Priority.HIGH, paged.priority());
    assertEquals(1, alarm.toJson().getInteger("escalations"));

    alarm.acknowledge(NURSE, at(70));
    assertEquals(Optional.empty(), alarm.nextDeadline(), "acknowledged, the latched alarm clears: nothing runs");
  }

  @Test
  void givenAcknowledgedAlarmRaisedToHigherPriority_whenTicked_thenRemindersStopAndEscalationRuns() {
    Alarm alarm = physiological(Priority.MEDIUM);
    alarm.acknowledge(NURSE, at(10));
    alarm.update(Priority.HIGH, "worse", ABOVE, at(100));

    assertEquals(Optional.of(at(160)), alarm.nextDeadline());
    assertEquals(List.of(TransitionType.ESCALATED), types(alarm.tick(at(310))));
  }

  @Test
  void givenAlarmThroughItsLifecycle_whenAskedForNextDeadline_thenTheEarliestRunningTimer() {
    Alarm alarm = physiological(Priority.LOW);
    assertEquals(Optional.of(at(300)), alarm.nextDeadline());

    alarm.pauseAudio(NURSE, Duration.ofMinutes(1), at(10));
    assertEquals(Optional.of(at(70)), alarm.nextDeadline());

    alarm.tick(at(70));
    assertEquals(Optional.of(at(300)), alarm.nextDeadline());

    alarm.acknowledge(NURSE, at(100));
    assertEquals(Optional.of(at(400)), alarm.nextDeadline());

    alarm.conditionEnded(at(200));
    assertEquals(Optional.empty(), alarm.nextDeadline());
  }

  @Test
  void givenAnyRunningTimer_whenTickedAtNextDeadline_thenSomethingIsReportedAndNothingJustBefore() {
    Alarm alarm = physiological(Priority.LOW);
    alarm.pauseAudio(NURSE, Duration.ofSeconds(90), T0);

    for (int step = 0; step < 6; step++) {
      Instant deadline = alarm.nextDeadline().orElseThrow();
      assertEquals(List.of(), alarm.tick(deadline.minusMillis(1)), "before " + deadline);
      assertFalse(alarm.tick(deadline).isEmpty(), "at " + deadline);
    }
    alarm.acknowledge(NURSE, at(1000));
    Instant reminder = alarm.nextDeadline().orElseThrow();
    assertEquals(List.of(TransitionType.REMINDER), types(alarm.tick(reminder)));
  }
}
