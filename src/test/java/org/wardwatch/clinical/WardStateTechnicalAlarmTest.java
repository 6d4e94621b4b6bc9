package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.on;
import static org.wardwatch.clinical.WardStateFixtures.only;
import static org.wardwatch.clinical.WardStateFixtures.onlyOf;
import static org.wardwatch.clinical.WardStateFixtures.raisedId;
import static org.wardwatch.clinical.WardStateFixtures.snapshot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmState;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Priority;

/** Technical alarms of the clinical engine: device disconnected, no data, invalid signal; and stale-data marking. */
class WardStateTechnicalAlarmTest {

  private static final DeviceIdentity MON_1 = WardStateFixtures.BED_1;
  private static final ConnectionId CONNECTION = ConnectionId.opened(T0);
  private static final String REJECTION = "Pulse 400 /min is implausible (accepted range 15–300)";

  /** Escalation far away and no NEWS2 alarms, so every transition comes from the technical-alarm rules. */
  private static final ClinicalRules RULES = ClinicalRules.fromJson(new JsonObject("""
      {
        "alarms": {"escalateAfterSeconds": {"LOW": 3600, "MEDIUM": 3600, "HIGH": 3600}},
        "news2": {"bandPriorities": {"LOW": "NONE", "LOW_MEDIUM": "NONE", "MEDIUM": "NONE", "HIGH": "NONE"}},
        "technical": {"noDataSeconds": 30, "firstReportSeconds": 0,
                      "priorities": {"DISCONNECTED": "MEDIUM", "NO_DATA": "HIGH", "INVALID_SIGNAL": "LOW"}},
        "thresholds": [
          {"parameter": "PULSE", "above": 150, "priority": "HIGH", "hysteresis": 5},
          {"parameter": "SPO2", "below": 90, "priority": "MEDIUM", "hysteresis": 2},
          {"parameter": "RESP_RATE", "above": 24, "priority": "MEDIUM", "delaySeconds": 15, "hysteresis": 2},
          {"parameter": "TEMPERATURE", "above": 38.5, "priority": "LOW", "delaySeconds": 60, "hysteresis": 0.2}
        ]
      }
      """));

  private final WardState engine = new WardState(RULES);

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
    assertEquals(Set.of("P9"), engine.discharge("P9", "nurse.a", at(51)).discharged(), "silent 31 s");
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
  void givenDeviceWithoutIdentity_whenItDisconnects_thenNothingChanges() {
    engine.apply(frame(T0, "PULSE=190"), T0);

    WardUpdate update = engine.deviceEvent(DeviceEvent.disconnected(DeviceIdentity.UNKNOWN, null, null), at(1));

    assertEquals(List.of(), update.transitions());
    assertEquals(List.of(), update.snapshots());
  }

  @Test
  void givenParameterSilentForNoDataSeconds_whenTicked_thenNoDataAlarmNamingItAndItsAlarmStale() {
    String pulseAlarm = raisedId(engine.apply(frame(T0, "PULSE=190", "SPO2=97"), T0));
    engine.apply(frame(at(20), "SPO2=97"), at(20));
    assertEquals(List.of(), engine.tick(at(30)).transitions(), "exactly noDataSeconds silent is not yet too long");

    WardUpdate update = engine.tick(at(31));

    assertEquals(2, update.transitions().size(), () -> update.transitions().toString());
    AlarmTransition raised = ofType(update, TransitionType.RAISED);
    assertEquals(Priority.HIGH, raised.priority());
    JsonObject noData = raised.snapshot();
    assertEquals("TECHNICAL", noData.getString("kind"));
    assertEquals("TECHNICAL:NO_DATA", noData.getString("condition"));
    assertEquals("No data for Pulse for over 30 s", noData.getString("message"));
    assertEquals(pulseAlarm, ofType(update, TransitionType.DATA_STALE).alarmId());
    JsonObject snapshot = snapshot(update);
    assertEquals(raised.alarmId(), onlyOf(snapshot, "technicalAlarms").getString("id"));
    JsonObject physiological = onlyOf(snapshot, "alarms");
    assertEquals(pulseAlarm, physiological.getString("id"));
    assertTrue(physiological.getBoolean("dataStale"));
    assertEquals("ACTIVE_UNACKNOWLEDGED", physiological.getString("state"));
  }

  @Test
  void givenParameterSilentPastNoDataSecondsBeforeTheTick_whenAFrameBringsIt_thenNoNoDataAlarmRaisedAndCleared() {
    engine.apply(frame(T0, "PULSE=80", "SPO2=97"), T0);
    engine.apply(frame(at(20), "SPO2=97"), at(20));

    WardUpdate update = engine.apply(frame(at(31), "PULSE=81", "SPO2=97"), at(31)); // the patient's tick not come yet

    assertEquals(List.of(), update.transitions(), "no alarm raised and cleared in the same instant");
  }

  @Test
  void givenAnOnsetDelayRunOutAndAParameterSilentBeforeTheTick_whenAFrameBringsIt_thenOnlyTheOnsetAlarms() {
    engine.apply(frame(T0, "PULSE=80", "SPO2=97"), T0);
    engine.apply(frame(at(20), "SPO2=97", "RESP_RATE=28"), at(20)); // breaching, its 15 s delay due at 35 s

    WardUpdate update = engine.apply(frame(at(36), "PULSE=81", "SPO2=97", "RESP_RATE=28"), at(36));

    assertEquals(List.of(TransitionType.RAISED), update.transitions().stream().map(AlarmTransition::type).toList());
    assertEquals("THRESHOLD:RESP_RATE", only(update.transitions()).snapshot().getString("condition"));
  }

  @Test
  void givenABreachWhoseDelayRanOutWhileItsParameterWasSilent_whenAFrameBringsItBackInside_thenNoThresholdAlarm() {
    engine.apply(frame(T0, "PULSE=80", "TEMPERATURE=39.0"), T0); // its 60 s delay outlasts the 30 s of no data
    engine.apply(frame(at(30), "PULSE=80"), at(30));

    WardUpdate update = engine.apply(frame(at(61), "PULSE=80", "TEMPERATURE=37.0"), at(61));

    assertEquals(List.of(), update.transitions().stream()
        .filter(transition -> transition.alarmId().contains("THRESHOLD")).toList(), "silent when its delay ran out");
  }

  @Test
  void givenParameterSilentPastNoDataSecondsBeforeTheTick_whenAFrameBringsAnotherOne_thenNoDataRaisedForIt() {
    engine.apply(frame(T0, "PULSE=80", "SPO2=97"), T0);

    WardUpdate update = engine.apply(frame(at(31), "SPO2=97"), at(31));

    assertEquals("No data for Pulse for over 30 s", ofType(update, TransitionType.RAISED).snapshot()
        .getString("message"));
  }

  @Test
  void givenNoDataAlarm_whenTheSilentParameterReportsAgain_thenNoDataEndsAndDataFresh() {
    String pulseAlarm = raisedId(engine.apply(frame(T0, "PULSE=190", "SPO2=97"), T0));
    engine.apply(frame(at(20), "SPO2=97"), at(20));
    String noData = ofType(engine.tick(at(31)), TransitionType.RAISED).alarmId();

    WardUpdate update = engine.apply(frame(at(40), "PULSE=190"), at(40));

    assertEquals(2, update.transitions().size(), () -> update.transitions().toString());
    AlarmTransition cleared = ofType(update, TransitionType.CLEARED);
    assertEquals(noData, cleared.alarmId());
    assertEquals(AlarmState.CLEARED, cleared.toState(), "a HIGH technical alarm does not latch");
    assertEquals(pulseAlarm, ofType(update, TransitionType.DATA_FRESH).alarmId());
    JsonObject snapshot = snapshot(update);
    assertEquals(new JsonArray(), snapshot.getJsonArray("technicalAlarms"));
    assertFalse(onlyOf(snapshot, "alarms").getBoolean("dataStale"));
  }

  @Test
  void givenWholeDeviceSilent_whenTicked_thenNoDataNamesEveryParameter() {
    engine.apply(frame(T0, "PULSE=80", "SPO2=97"), T0);

    WardUpdate update = engine.tick(at(31));

    AlarmTransition raised = only(update.transitions());
    assertEquals("No data for Pulse, SpO2 for over 30 s", raised.snapshot().getString("message"));
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


  /** A frame from {@link #MON_1} whose values ({@code "PULSE=190"}) were measured and received at {@code at}. */
  private static FrameReport frame(Instant at, String... values) {
    return WardStateFixtures.frame(MON_1, at, values);
  }

  private static Observation observation(DeviceIdentity source, String parameterAndValue, Instant at) {
    return WardStateFixtures.observation(source, parameterAndValue, null, at);
  }

  private static AlarmTransition ofType(WardUpdate update, TransitionType type) {
    return only(update.transitions().stream().filter(transition -> transition.type() == type).toList());
  }
}
