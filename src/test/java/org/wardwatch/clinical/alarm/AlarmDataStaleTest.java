package org.wardwatch.clinical.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.alarm.AlarmFixtures.NURSE;
import static org.wardwatch.clinical.alarm.AlarmFixtures.at;
import static org.wardwatch.clinical.alarm.AlarmFixtures.audible;
import static org.wardwatch.clinical.alarm.AlarmFixtures.only;
import static org.wardwatch.clinical.alarm.AlarmFixtures.physiological;
import static org.wardwatch.clinical.alarm.AlarmFixtures.types;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.Priority;

class AlarmDataStaleTest {

  @Test
  void givenActivePhysiologicalAlarm_whenDataGoesStale_thenAlarmStaysActiveAudibleAndFlagged() {
    Alarm alarm = physiological(Priority.HIGH);

    AlarmTransition stale = only(alarm.markData(true, at(30)));

    assertEquals(TransitionType.DATA_STALE, stale.type());
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, stale.fromState());
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, stale.toState());
    assertEquals(AlarmTransition.SYSTEM, stale.actor());
    assertTrue(stale.snapshot().getBoolean("dataStale"));
    assertTrue(alarm.toJson().getBoolean("dataStale"));
    assertTrue(audible(alarm, at(30)));
  }

  @Test
  void givenStaleAlarm_whenMarkedStaleAgain_thenNoTransition() {
    Alarm alarm = physiological(Priority.MEDIUM);
    alarm.markData(true, at(30));

    assertEquals(List.of(), alarm.markData(true, at(30).plusMillis(1)));
    assertTrue(alarm.toJson().getBoolean("dataStale"));
  }

  @Test
  void givenStaleAlarm_whenAnHourPasses_thenNeverClearedAndStillEscalating() {
    Alarm alarm = physiological(Priority.MEDIUM);
    alarm.markData(true, at(30));
    List<TransitionType> reported = new ArrayList<>();

    for (long second = 0; second <= 3600; second += 15) {
      reported.addAll(types(alarm.tick(at(second))));
    }

    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, alarm.state());
    assertFalse(alarm.isFinished());
    assertTrue(alarm.toJson().getBoolean("dataStale"));
    assertTrue(reported.contains(TransitionType.ESCALATED));
    assertFalse(reported.contains(TransitionType.CLEARED));
  }

  @Test
  void givenAcknowledgedAlarm_whenDataGoesStale_thenStillAcknowledgedAndReminded() {
    Alarm alarm = physiological(Priority.HIGH);
    alarm.acknowledge(NURSE, at(10));

    assertEquals(AlarmState.ACTIVE_ACKNOWLEDGED, only(alarm.markData(true, at(20))).toState());
    assertEquals(List.of(TransitionType.REMINDER), types(alarm.tick(at(310))));
  }

  @Test
  void givenStaleAlarm_whenDataIsFreshAgain_thenFlagRemovedOnce() {
    Alarm alarm = physiological(Priority.HIGH);
    alarm.markData(true, at(30));

    AlarmTransition fresh = only(alarm.markData(false, at(40)));

    assertEquals(TransitionType.DATA_FRESH, fresh.type());
    assertFalse(fresh.snapshot().getBoolean("dataStale"));
    assertFalse(alarm.toJson().getBoolean("dataStale"));
    assertEquals(List.of(), alarm.markData(false, at(41)));
  }

  @Test
  void givenFreshAlarm_whenMarkedFresh_thenNoTransition() {
    assertEquals(List.of(), physiological(Priority.LOW).markData(false, at(5)));
  }

  @Test
  void givenClearedAlarm_whenMarkedStaleOrFresh_thenNoTransition() {
    Alarm alarm = physiological(Priority.LOW);
    alarm.conditionEnded(at(10));

    assertEquals(List.of(), alarm.markData(true, at(20)));
    assertEquals(List.of(), alarm.markData(false, at(20)));
    assertFalse(alarm.toJson().getBoolean("dataStale"));
  }

  @Test
  void givenLatchedAlarm_whenDataGoesStale_thenStillLatchedAndFlagged() {
    Alarm alarm = physiological(Priority.HIGH);
    alarm.conditionEnded(at(10));

    assertEquals(AlarmState.CLEARED_UNACKNOWLEDGED, only(alarm.markData(true, at(20))).toState());
    assertTrue(audible(alarm, at(20)));
  }
}
