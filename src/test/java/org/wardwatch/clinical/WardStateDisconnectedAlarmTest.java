package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.on;
import static org.wardwatch.clinical.WardStateFixtures.onlyOf;
import static org.wardwatch.clinical.WardStateFixtures.raisedId;
import static org.wardwatch.clinical.WardStateFixtures.snapshot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmState;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Priority;

/**
 * The clinical engine's technical alarm of a disconnected device: raised once, with the physiological alarms it leaves
 * marked stale but kept; ended with data fresh by the device's next frame, but not by a frame that was in flight when
 * its connection closed (its data stays stale, and a limit it breaches raises an alarm already stale); never raised for
 * an unknown patient, a device without identity or a device the patient has left.
 */
class WardStateDisconnectedAlarmTest extends WardStateTechnicalAlarmFixture {

  private static final ConnectionId CONNECTION = ConnectionId.opened(T0);

  @Test
  void givenActivePhysiologicalAlarm_whenDeviceDisconnects_thenTechnicalAlarmAndPhysiologicalAlarmStaleButKept() {
    String pulseAlarm = raisedId(engine.apply(frame(T0, "PULSE=190"), T0));

    WardUpdate update = engine.deviceEvent(DeviceEvent.disconnected(MON_1, null, null), at(5));

    assertEquals(2, update.transitions().size(), () -> update.transitions().toString());
    AlarmTransition raised = ofType(update, TransitionType.RAISED);
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, raised.toState());
    assertEquals(Priority.MEDIUM, raised.priority());
    JsonObject technical = raised.snapshot();
    assertEquals("TECHNICAL", technical.getString("kind"));
    assertEquals("TECHNICAL:DISCONNECTED", technical.getString("condition"));
    assertEquals("Device mon-1 disconnected", technical.getString("message"));
    AlarmTransition stale = ofType(update, TransitionType.DATA_STALE);
    assertEquals(pulseAlarm, stale.alarmId());
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, stale.toState());

    JsonObject snapshot = snapshot(update);
    JsonObject listedTechnical = onlyOf(snapshot, "technicalAlarms");
    assertEquals(raised.alarmId(), listedTechnical.getString("id"));
    JsonObject physiological = onlyOf(snapshot, "alarms");
    assertEquals(pulseAlarm, physiological.getString("id"), "the technical alarm is never listed under alarms");
    assertEquals("ACTIVE_UNACKNOWLEDGED", physiological.getString("state"));
    assertTrue(physiological.getBoolean("dataStale"));
  }

  @Test
  void givenDisconnectedAlarm_whenDisconnectReportedAgain_thenNothingNew() {
    engine.apply(frame(T0, "PULSE=190"), T0);
    engine.deviceEvent(DeviceEvent.disconnected(MON_1, null, null), at(5));

    WardUpdate again = engine.deviceEvent(DeviceEvent.disconnected(MON_1, null, null), at(6));

    assertEquals(List.of(), again.transitions());
    assertEquals(1, engine.view().snapshot("P1").orElseThrow().toJson().getJsonArray("technicalAlarms").size());
  }

  @Test
  void givenDisconnected_whenNextFrameFromTheDeviceArrives_thenTechnicalAlarmClearedAndDataFresh() {
    String pulseAlarm = raisedId(engine.apply(frame(T0, "PULSE=190"), T0));
    String disconnected = ofType(engine.deviceEvent(DeviceEvent.disconnected(MON_1, null, null), at(5)),
        TransitionType.RAISED).alarmId();

    WardUpdate update = engine.apply(frame(at(10), "PULSE=185"), at(10));

    assertEquals(2, update.transitions().size(), () -> update.transitions().toString());
    AlarmTransition fresh = ofType(update, TransitionType.DATA_FRESH);
    assertEquals(pulseAlarm, fresh.alarmId());
    AlarmTransition cleared = ofType(update, TransitionType.CLEARED);
    assertEquals(disconnected, cleared.alarmId());
    assertEquals(AlarmState.CLEARED, cleared.toState());
    JsonObject snapshot = snapshot(update);
    assertEquals(new JsonArray(), snapshot.getJsonArray("technicalAlarms"));
    JsonObject physiological = onlyOf(snapshot, "alarms");
    assertFalse(physiological.getBoolean("dataStale"));
    assertEquals("ACTIVE_UNACKNOWLEDGED", physiological.getString("state"));
  }

  @Test
  void givenAFrameInFlightWhenTheConnectionClosed_whenAppliedAfterTheDisconnection_thenTheAlarmStaysAndItsDataStale() {
    String pulseAlarm = raisedId(engine.apply(on(CONNECTION, frame(T0, "PULSE=190")), T0));
    String disconnected = ofType(engine.deviceEvent(DeviceEvent.disconnected(MON_1, CONNECTION, at(5)), at(5)),
        TransitionType.RAISED).alarmId();

    WardUpdate inFlight = engine.apply(on(CONNECTION, frame(at(5).minusMillis(1), "PULSE=188")), at(5).plusMillis(3));

    assertEquals(List.of(), inFlight.transitions(), "read before its connection closed: not the device back");
    assertTrue(onlyOf(snapshot(inFlight), "alarms").getBoolean("dataStale"));
    assertEquals(188, snapshot(inFlight).getJsonObject("vitals").getJsonObject("PULSE").getInteger("value"));
    WardUpdate back = engine.apply(on(ConnectionId.opened(at(6)), frame(at(6), "PULSE=185")), at(6));
    assertEquals(disconnected, ofType(back, TransitionType.CLEARED).alarmId(), "on its new connection");
    assertEquals(pulseAlarm, ofType(back, TransitionType.DATA_FRESH).alarmId());
  }

  @Test
  void givenAFrameInFlightWhenTheConnectionClosed_whenItsValueBreachesALimit_thenTheAlarmIsRaisedStale() {
    engine.apply(on(CONNECTION, frame(T0, "SPO2=97")), T0);
    engine.deviceEvent(DeviceEvent.disconnected(MON_1, CONNECTION, at(5)), at(5));

    WardUpdate inFlight = engine.apply(on(CONNECTION, frame(at(5).minusMillis(1), "SPO2=85")), at(5).plusMillis(3));

    assertEquals(List.of(TransitionType.RAISED, TransitionType.DATA_STALE),
        inFlight.transitions().stream().map(AlarmTransition::type).toList(), inFlight.transitions()::toString);
  }

  @Test
  void givenADisconnectionWithoutItsConnection_whenTheDevicesNextFrameArrives_thenTheAlarmEnds() {
    engine.apply(frame(T0, "PULSE=80"), T0);
    String disconnected = ofType(engine.deviceEvent(DeviceEvent.disconnected(MON_1, null, null), at(5)),
        TransitionType.RAISED).alarmId();

    assertEquals(disconnected, ofType(engine.apply(frame(at(4), "PULSE=81"), at(6)), TransitionType.CLEARED)
        .alarmId(), "a node that does not say which connection closed: any later frame shows the device back");
  }

  @Test
  void givenUnknownPatient_whenItsDeviceDisconnects_thenNothingChanges() {
    engine.apply(frame(T0, "PULSE=190"), T0);
    JsonObject before = engine.view().snapshot("P1").orElseThrow().toJson().copy();
    DeviceIdentity stranger = new DeviceIdentity("mon-9", "P9", "9", "surgery");

    WardUpdate disconnected = engine.deviceEvent(DeviceEvent.disconnected(stranger, null, null), at(1));

    assertEquals(List.of(), disconnected.transitions());
    assertEquals(List.of(), disconnected.snapshots());
    assertEquals(Optional.empty(), engine.view().snapshot("P9"));
    assertEquals(before, engine.view().snapshot("P1").orElseThrow().toJson());
  }

  @Test
  void givenDeviceWithoutIdentity_whenItDisconnects_thenNothingChanges() {
    engine.apply(frame(T0, "PULSE=190"), T0);

    WardUpdate update = engine.deviceEvent(DeviceEvent.disconnected(DeviceIdentity.UNKNOWN, null, null), at(1));

    assertEquals(List.of(), update.transitions());
    assertEquals(List.of(), update.snapshots());
  }

  @Test
  void givenPatientMovedToAnotherDevice_whenOldDeviceDisconnects_thenNoTechnicalAlarm() {
    engine.apply(frame(T0, "PULSE=190"), T0);
    DeviceIdentity mon3 = new DeviceIdentity("mon-3", "P1", "1", "surgery");
    engine.apply(WardStateFixtures.report(mon3, at(1), List.of(observation(mon3, "PULSE=185", at(1))), null, null),
        at(1));

    WardUpdate update = engine.deviceEvent(DeviceEvent.disconnected(MON_1, null, null), at(2));

    assertEquals(List.of(), update.transitions());
    JsonObject snapshot = engine.view().snapshot("P1").orElseThrow().toJson();
    assertEquals(new JsonArray(), snapshot.getJsonArray("technicalAlarms"));
    assertFalse(onlyOf(snapshot, "alarms").getBoolean("dataStale"));
  }

  private static Observation observation(DeviceIdentity source, String parameterAndValue, Instant at) {
    return WardStateFixtures.observation(source, parameterAndValue, null, at);
  }
}
