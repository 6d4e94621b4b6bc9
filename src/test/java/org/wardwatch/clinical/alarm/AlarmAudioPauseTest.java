package org.wardwatch.clinical.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.alarm.AlarmFixtures.ABOVE;
import static org.wardwatch.clinical.alarm.AlarmFixtures.NURSE;
import static org.wardwatch.clinical.alarm.AlarmFixtures.T0;
import static org.wardwatch.clinical.alarm.AlarmFixtures.at;
import static org.wardwatch.clinical.alarm.AlarmFixtures.audible;
import static org.wardwatch.clinical.alarm.AlarmFixtures.audioPausedUntil;
import static org.wardwatch.clinical.alarm.AlarmFixtures.only;
import static org.wardwatch.clinical.alarm.AlarmFixtures.physiological;
import static org.wardwatch.clinical.alarm.AlarmFixtures.technical;
import static org.wardwatch.clinical.alarm.AlarmFixtures.types;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.Priority;

class AlarmAudioPauseTest {

  private static final Duration ONE_MINUTE = Duration.ofMinutes(1);
  private static final Duration TWO_MINUTES = Duration.ofMinutes(2);

  @Test
  void givenActiveAlarm_whenAudioPaused_thenSilentButStillShownAndUnacknowledged() {
    Alarm alarm = physiological(Priority.HIGH);

    AlarmTransition paused = only(alarm.pauseAudio(NURSE, ONE_MINUTE, at(5)));

    assertEquals(TransitionType.AUDIO_PAUSED, paused.type());
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, paused.fromState());
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, paused.toState());
    assertEquals(NURSE, paused.actor());
    assertEquals(Optional.of(at(65)), audioPausedUntil(alarm));
    assertFalse(audible(alarm, at(5)));
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, alarm.state());
    assertEquals(Optional.empty(), alarm.acknowledgedBy());
  }

  @Test
  void givenRequestLongerThanMaximum_whenPaused_thenCappedAtMaximum() {
    Alarm alarm = physiological(Priority.MEDIUM);

    AlarmTransition paused = only(alarm.pauseAudio(NURSE, Duration.ofMinutes(10), T0));

    assertEquals(Optional.of(at(120)), audioPausedUntil(alarm));
    assertTrue(paused.detail().contains("capped"), paused.detail());
  }

  @Test
  void givenPausedAlarm_whenTickedJustBeforeTheEnd_thenStillSilent() {
    Alarm alarm = technical(Priority.LOW);
    alarm.pauseAudio(NURSE, TWO_MINUTES, T0);

    assertEquals(List.of(), alarm.tick(at(120).minusMillis(1)));
    assertFalse(audible(alarm, at(120).minusMillis(1)));
  }

  @Test
  void givenPausedAlarm_whenTickedAtTheEnd_thenRearmedExactlyOnce() {
    Alarm alarm = technical(Priority.LOW);
    alarm.pauseAudio(NURSE, TWO_MINUTES, T0);

    AlarmTransition rearmed = only(alarm.tick(at(120)));

    assertEquals(TransitionType.AUDIO_REARMED, rearmed.type());
    assertEquals(AlarmTransition.SYSTEM, rearmed.actor());
    assertEquals(at(120), rearmed.at());
    assertTrue(audible(alarm, at(120)));
    assertEquals(Optional.empty(), audioPausedUntil(alarm));
    assertEquals(List.of(), alarm.tick(at(120)));
  }

  @Test
  void givenPausedAlarm_whenPausedAgainLater_thenExtendedFromNowUpToTheCap() {
    Alarm alarm = physiological(Priority.LOW);
    alarm.pauseAudio(NURSE, TWO_MINUTES, T0);

    AlarmTransition extended = only(alarm.pauseAudio(NURSE, Duration.ofMinutes(5), at(60)));

    assertEquals(TransitionType.AUDIO_PAUSED, extended.type());
    assertEquals(Optional.of(at(180)), audioPausedUntil(alarm));
    assertFalse(audible(alarm, at(120)));
    assertEquals(List.of(), alarm.tick(at(120)));
    assertEquals(List.of(TransitionType.AUDIO_REARMED), types(alarm.tick(at(180))));
  }

  @Test
  void givenIdenticalPauseRequestsAMillisecondApart_whenApplied_thenOneTransition() {
    Alarm alarm = physiological(Priority.MEDIUM);

    assertEquals(1, alarm.pauseAudio(NURSE, TWO_MINUTES, at(10)).size());
    assertEquals(List.of(), alarm.pauseAudio(NURSE, TWO_MINUTES, at(10).plusMillis(1)));
    assertEquals(List.of(), alarm.pauseAudio(NURSE, TWO_MINUTES, at(10)));
    assertEquals(Optional.of(at(130)), audioPausedUntil(alarm));
  }

  @Test
  void givenPausedAlarm_whenShorterPauseRequested_thenRunningPauseKept() {
    Alarm alarm = physiological(Priority.MEDIUM);
    alarm.pauseAudio(NURSE, TWO_MINUTES, T0);

    assertEquals(List.of(), alarm.pauseAudio(NURSE, Duration.ofSeconds(30), at(10)));
    assertEquals(Optional.of(at(120)), audioPausedUntil(alarm));
  }

  @Test
  void givenExpiredPauseNotYetTicked_whenPausedAgain_thenANewPauseFromNow() {
    Alarm alarm = physiological(Priority.MEDIUM);
    alarm.pauseAudio(NURSE, ONE_MINUTE, T0);
    assertTrue(audible(alarm, at(70)));

    assertEquals(1, alarm.pauseAudio(NURSE, ONE_MINUTE, at(70)).size());
    assertEquals(Optional.of(at(130)), audioPausedUntil(alarm));
  }

  @Test
  void givenAcknowledgedOrClearedAlarm_whenPaused_thenNoTransition() {
    Alarm acknowledged = physiological(Priority.HIGH);
    acknowledged.acknowledge(NURSE, at(5));
    Alarm cleared = technical(Priority.MEDIUM);
    cleared.conditionEnded(at(5));

    assertEquals(List.of(), acknowledged.pauseAudio(NURSE, ONE_MINUTE, at(10)));
    assertEquals(List.of(), cleared.pauseAudio(NURSE, ONE_MINUTE, at(10)));
    assertEquals(Optional.empty(), audioPausedUntil(acknowledged));
  }

  @Test
  void givenLatchedAlarm_whenPaused_thenSilencedUntilTheEndThenSignalsAgain() {
    Alarm alarm = physiological(Priority.HIGH);
    alarm.conditionEnded(at(10));

    assertEquals(1, alarm.pauseAudio(NURSE, ONE_MINUTE, at(20)).size());
    assertFalse(audible(alarm, at(30)));
    assertEquals(List.of(TransitionType.AUDIO_REARMED, TransitionType.ESCALATED), types(alarm.tick(at(80))),
        "unacknowledged past its escalation time (60 s), the latched alarm is paged too");
    assertTrue(audible(alarm, at(80)));
    assertEquals(AlarmState.CLEARED_UNACKNOWLEDGED, alarm.state());
  }

  @Test
  void givenPausedAlarm_whenAcknowledged_thenPauseEndsWithoutRearm() {
    Alarm alarm = physiological(Priority.MEDIUM);
    alarm.pauseAudio(NURSE, ONE_MINUTE, T0);
    alarm.acknowledge(NURSE, at(10));

    assertEquals(Optional.empty(), audioPausedUntil(alarm));
    assertEquals(List.of(), alarm.tick(at(60)));
    assertFalse(audible(alarm, at(60)));
  }

  @Test
  void givenPausedAlarm_whenPriorityRises_thenItSoundsAgain() {
    Alarm alarm = physiological(Priority.MEDIUM);
    alarm.pauseAudio(NURSE, TWO_MINUTES, T0);

    alarm.update(Priority.HIGH, "worse", ABOVE, at(10));

    assertTrue(audible(alarm, at(10)));
    assertEquals(Optional.empty(), audioPausedUntil(alarm));
  }

  @Test
  void givenPausedMediumAlarm_whenEscalationRaisesItsPriority_thenItSoundsAgain() {
    Alarm alarm = physiological(Priority.MEDIUM);
    alarm.pauseAudio(NURSE, TWO_MINUTES, at(60));

    assertEquals(List.of(TransitionType.ESCALATED), types(alarm.tick(at(120))));

    assertEquals(Priority.HIGH, alarm.priority());
    assertTrue(audible(alarm, at(120)));
  }

  @Test
  void givenPausedHighAlarm_whenEscalationPages_thenPauseKeepsRunning() {
    Alarm alarm = physiological(Priority.HIGH);
    alarm.pauseAudio(NURSE, TWO_MINUTES, T0);

    assertEquals(List.of(TransitionType.ESCALATED), types(alarm.tick(at(60))));

    assertFalse(audible(alarm, at(60)));
    assertEquals(Optional.of(at(120)), audioPausedUntil(alarm));
  }

  @Test
  void givenPauseEndingWithAnEscalation_whenTicked_thenRearmReportedFirst() {
    Alarm alarm = physiological(Priority.HIGH);
    alarm.pauseAudio(NURSE, ONE_MINUTE, T0);

    assertEquals(List.of(TransitionType.AUDIO_REARMED, TransitionType.ESCALATED), types(alarm.tick(at(60))));
  }

  @Test
  void givenInvalidRequest_whenPaused_thenRejectedWithReason() {
    Alarm alarm = physiological(Priority.HIGH);

    assertThrows(IllegalArgumentException.class, () -> alarm.pauseAudio(NURSE, Duration.ZERO, T0));
    assertThrows(IllegalArgumentException.class, () -> alarm.pauseAudio(NURSE, Duration.ofSeconds(-5), T0));
    IllegalArgumentException noDuration =
        assertThrows(IllegalArgumentException.class, () -> alarm.pauseAudio(NURSE, null, T0));
    assertTrue(noDuration.getMessage().contains("audio pause"), noDuration.getMessage());
    assertThrows(IllegalArgumentException.class, () -> alarm.pauseAudio(" ", ONE_MINUTE, T0));
    assertTrue(audible(alarm, T0));
  }
}
