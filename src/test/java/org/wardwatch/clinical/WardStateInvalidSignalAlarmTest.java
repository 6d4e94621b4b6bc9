package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.only;
import static org.wardwatch.clinical.WardStateFixtures.onlyOf;
import static org.wardwatch.clinical.WardStateFixtures.snapshot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmState;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.Priority;

/**
 * The clinical engine's invalid-signal alarm of a refused frame: raised after accepted frames (not by the refusal of a
 * frame older than one accepted), kept with the newest reason while frames are refused, cleared without latching by the
 * next frame accepted; an unknown patient's refused first frame admits them in their bed, not to be discharged while
 * the monitor still sends refused frames, and a refusal blamed on a connection that may not be whom it was about admits
 * no one.
 */
class WardStateInvalidSignalAlarmTest extends WardStateTechnicalAlarmFixture {

  private static final String REJECTION = "Pulse 400 /min is implausible (accepted range 15–300)";

  @Test
  void givenUnknownPatient_whenItsFirstFrameIsRejected_thenAdmittedInItsBedWithTheInvalidSignalAlarm() {
    DeviceIdentity newcomer = new DeviceIdentity("mon-9", "P9", "9", "icu");

    WardUpdate rejected = engine.deviceEvent(DeviceEvent.rejected(newcomer, REJECTION, at(1)), at(1));

    AlarmTransition raised = only(rejected.transitions());
    assertEquals("TECHNICAL:INVALID_SIGNAL", raised.snapshot().getString("condition"));
    assertEquals(Set.of("P9"), rejected.changedPatients(), "stored before it is told");
    JsonObject tile = snapshot(rejected);
    assertEquals(List.of("P9", "icu", "9"), List.of(tile.getString("patient"), tile.getString("ward"),
        tile.getString("bed")));
    assertEquals("Invalid data from mon-9: " + REJECTION, onlyOf(tile, "technicalAlarms").getString("message"));
    assertEquals(TransitionType.CLEARED, only(engine.apply(WardStateFixtures.frame(newcomer, at(2), "PULSE=80"), at(2))
        .transitions()).type());
  }

  @Test
  void givenAPatientAdmittedByARefusal_whenDischargedWhileTheMonitorStillSendsRefusedFrames_thenRefusedUntilItStops() {
    DeviceIdentity newcomer = new DeviceIdentity("mon-9", "P9", "9", "icu");
    engine.deviceEvent(DeviceEvent.rejected(newcomer, REJECTION, at(1)), at(1));
    engine.deviceEvent(DeviceEvent.rejected(newcomer, REJECTION, at(20)), at(20));

    assertThrows(ActionRefused.StillMonitored.class, () -> engine.discharge("P9", "nurse.a", at(21)),
        "its next refused frame would admit it again at once");
    assertThrows(ActionRefused.StillMonitored.class, () -> engine.discharge("P9", "nurse.a", at(77)),
        "its refused frames come every 19 s: it sends them for three such intervals after the last");
    assertEquals(Set.of("P9"), engine.discharge("P9", "nurse.a", at(78)).discharged(), "silent 58 s");
  }

  @Test
  void givenARefusalBlamedOnAConnectionThatMayNotBeWhomItWasAbout_thenItAdmitsNoPatient() {
    DeviceIdentity connection = new DeviceIdentity("mon-1", null, "3", "icu"); // its frames name Patient=P1
    engine.apply(frame(T0, "PULSE=80"), T0);

    WardUpdate refused = engine.deviceEvent(DeviceEvent.rejectedOnConnection(connection, REJECTION, at(1)),
        at(1));

    assertEquals(WardUpdate.NOTHING, refused, "no second tile for mon-1, whose frames are P1's");
    assertEquals(Optional.empty(), engine.view().snapshot(connection.patientKey()));
  }

  @Test
  void givenAcceptedFrames_whenFrameRejected_thenInvalidSignalAlarm() {
    engine.apply(frame(T0, "PULSE=80"), T0);

    WardUpdate update = engine.deviceEvent(DeviceEvent.rejected(MON_1, REJECTION, null), at(1));

    AlarmTransition raised = only(update.transitions());
    assertEquals(TransitionType.RAISED, raised.type());
    assertEquals(Priority.LOW, raised.priority());
    JsonObject alarm = raised.snapshot();
    assertEquals("TECHNICAL", alarm.getString("kind"));
    assertEquals("TECHNICAL:INVALID_SIGNAL", alarm.getString("condition"));
    assertEquals("Invalid data from mon-1: " + REJECTION, alarm.getString("message"));
    assertEquals(raised.alarmId(), onlyOf(snapshot(update), "technicalAlarms").getString("id"));
    assertEquals(new JsonArray(), snapshot(update).getJsonArray("alarms"));
  }

  @Test
  void givenLaterFrameAccepted_whenRefusalOfEarlierFrameArrives_thenNoInvalidSignalAlarm() {
    engine.apply(frame(at(2), "PULSE=80"), at(2));

    WardUpdate late = engine.deviceEvent(DeviceEvent.rejected(MON_1, REJECTION, at(1)), at(3));
    WardUpdate current = engine.deviceEvent(DeviceEvent.rejected(MON_1, REJECTION, at(2).plusMillis(1)), at(4));

    assertEquals(List.of(), late.transitions(), "a retried refusal delivered after the device's next frame");
    assertEquals(TransitionType.RAISED, only(current.transitions()).type());
  }

  @Test
  void givenInvalidSignalAlarm_whenNextFrameAccepted_thenClearedWithoutLatching() {
    engine.apply(frame(T0, "PULSE=80"), T0);
    String invalid = only(engine.deviceEvent(DeviceEvent.rejected(MON_1, REJECTION, at(1)), at(1))
        .transitions()).alarmId();

    WardUpdate update = engine.apply(frame(at(2), "PULSE=82"), at(2));

    AlarmTransition cleared = only(update.transitions());
    assertEquals(TransitionType.CLEARED, cleared.type());
    assertEquals(invalid, cleared.alarmId());
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, cleared.fromState());
    assertEquals(AlarmState.CLEARED, cleared.toState());
    assertEquals(new JsonArray(), snapshot(update).getJsonArray("technicalAlarms"));
  }

  @Test
  void givenInvalidSignalAlarm_whenAnotherFrameRejected_thenSameAlarmWithNewReason() {
    engine.apply(frame(T0, "PULSE=80"), T0);
    String invalid = only(engine.deviceEvent(DeviceEvent.rejected(MON_1, REJECTION, at(1)), at(1))
        .transitions()).alarmId();

    WardUpdate again = engine.deviceEvent(DeviceEvent.rejected(MON_1, "SpO2 120 % is implausible", at(2)),
        at(2));

    assertEquals(List.of(), again.transitions());
    JsonObject alarm = onlyOf(engine.view().snapshot("P1").orElseThrow().toJson(), "technicalAlarms");
    assertEquals(invalid, alarm.getString("id"));
    assertEquals("Invalid data from mon-1: SpO2 120 % is implausible", alarm.getString("message"));
  }
}
