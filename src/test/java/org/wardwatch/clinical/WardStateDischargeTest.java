package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.frame;
import static org.wardwatch.clinical.WardStateFixtures.on;
import static org.wardwatch.clinical.WardStateFixtures.onlyOf;
import static org.wardwatch.clinical.WardStateFixtures.raisedId;
import static org.wardwatch.clinical.WardStateFixtures.snapshot;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmState;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.Priority;

/** A patient's discharge: its alarms cleared by the clinician, the patient forgotten, refused while monitored. */
class WardStateDischargeTest {

  private static final DeviceIdentity BED_1 = WardStateFixtures.BED_1;
  private static final String KEY = BED_1.patientKey();
  /** No data raises an alarm after 30 s; reminders every 15 s, so a discharged patient's would show. */
  private static final ClinicalRules RULES = ClinicalRules.fromJson(new JsonObject("""
      {
        "alarms": {"escalateAfterSeconds": {"LOW": 3600, "MEDIUM": 3600, "HIGH": 3600}, "reminderSeconds": 15},
        "news2": {"bandPriorities": {"LOW": "NONE", "LOW_MEDIUM": "NONE", "MEDIUM": "NONE", "HIGH": "NONE"}},
        "technical": {"noDataSeconds": 30, "firstReportSeconds": 0},
        "thresholds": [{"parameter": "PULSE", "above": 150, "priority": "HIGH", "hysteresis": 5}]
      }
      """));

  private final WardState engine = new WardState(RULES);

  @Test
  void givenDisconnectedPatientWithAlarms_whenDischarged_thenEveryAlarmClearedByTheUserAndThePatientForgotten() {
    String pulse = raisedId(engine.apply(frame(BED_1, T0, "PULSE=190"), T0));
    engine.act(pulse, alarm -> alarm.acknowledge("nurse.a", at(1)), at(1));
    String disconnected = engine.deviceEvent(DeviceEvent.disconnected(BED_1, null, null), at(2)).transitions().stream()
        .filter(transition -> transition.type() == TransitionType.RAISED).findFirst().orElseThrow().alarmId();

    WardUpdate update = engine.discharge(KEY, "nurse.b", at(3));

    assertEquals(List.of(pulse, disconnected), update.transitions().stream().map(AlarmTransition::alarmId).toList());
    for (AlarmTransition cleared : update.transitions()) {
      assertEquals(TransitionType.CLEARED, cleared.type());
      assertEquals(AlarmState.CLEARED, cleared.toState());
      assertEquals("nurse.b", cleared.actor());
      assertEquals("patient discharged by nurse.b", cleared.detail());
    }
    JsonObject notice = snapshot(update);
    assertEquals(new JsonObject().put("patient", KEY).put("device", "mon-1").put("bed", "1").put("ward", "surgery")
        .put("discharged", true).put("at", at(3).toString()).put("by", "nurse.b"), notice);
    JsonObject audit = AuditEntries.of(update).get(0);
    assertEquals("DISCHARGED", audit.getString("type"));
    assertEquals("nurse.b", audit.getString("actor"));
    assertEquals("discharged from ward surgery; alarms ended: 2", audit.getString("detail"));
    assertEquals(Set.of(KEY), update.changedPatients());
    assertTrue(engine.view().snapshot(KEY).isEmpty());
    assertTrue(engine.state(KEY).isEmpty(), "stored as discharged: no state to write");
    assertTrue(engine.view().history(KEY, 60, at(3)).isEmpty());
    assertTrue(engine.view().snapshots("surgery").isEmpty());
    assertEquals(0, engine.view().wardSummary().size());
    assertEquals(WardUpdate.NOTHING, engine.tick(at(60)), "no reminder, no alarm for a patient discharged");
  }

  @Test
  void givenPatientWhoseDeviceStillSends_whenDischarged_thenRefusedAndNothingChanges() {
    String pulse = raisedId(engine.apply(frame(BED_1, T0, "PULSE=190"), T0));

    ActionRefused.StillMonitored refused = assertThrows(ActionRefused.StillMonitored.class,
        () -> engine.discharge(KEY, "nurse.b", at(29)));

    assertEquals(409, refused.failureCode());
    assertEquals("Patient " + KEY + "'s monitor mon-1 is still sending: unplug it (or stop its reports) first, or"
        + " its next reading admits the patient again", refused.getMessage());
    assertEquals(pulse, snapshot(engine.apply(frame(BED_1, at(30), "PULSE=191"), at(30)))
        .getJsonArray("alarms").getJsonObject(0).getString("id"));
  }

  @Test
  void givenConnectedMonitorSendingOnlySensorOffFrames_whenDischarged_thenRefusedAsItStillSends() {
    engine.apply(frame(BED_1, T0, "PULSE=80"), T0);
    FrameReport sensorOff = WardStateFixtures.report(BED_1, at(40), List.of(), null, null, Set.of(Parameter.PULSE));
    engine.apply(sensorOff, at(40));

    assertThrows(ActionRefused.StillMonitored.class, () -> engine.discharge(KEY, "nurse.b", at(69)));
    assertEquals(Set.of(KEY), engine.discharge(KEY, "nurse.b", at(71)).changedPatients(), "silent for 30 s");
  }

  @Test
  void givenPatientTakenOverFromAStateWithoutTheTimeHeard_thenItsLatestValuesDecide() {
    engine.apply(frame(BED_1, T0, "PULSE=80"), T0);
    engine.apply(WardStateFixtures.report(BED_1, at(20), List.of(), null, null, Set.of(Parameter.PULSE)), at(20));
    JsonObject olderState = engine.state(KEY).orElseThrow();
    assertEquals(at(20).toString(), olderState.remove("heardAt"));
    WardState successor = new WardState(RULES);
    successor.adopt(olderState);

    assertThrows(ActionRefused.StillMonitored.class, () -> engine.discharge(KEY, "nurse.b", at(31)), "heard at 20");
    assertTrue(successor.discharge(KEY, "nurse.b", at(31)).snapshots().get(0).toJson().getBoolean("discharged"),
        "the pulse of 0 is all its state tells");
  }

  @Test
  void givenPatientNoLongerSendingThoughConnected_whenDischargedAfterTheNoDataTime_thenDischarged() {
    engine.apply(frame(BED_1, T0, "PULSE=80"), T0);
    String noData = raisedId(engine.tick(at(31)));

    WardUpdate update = engine.discharge(KEY, "nurse.b", at(31));

    assertEquals(noData, update.transitions().get(0).alarmId());
    assertTrue(engine.view().snapshot(KEY).isEmpty());
  }

  @Test
  void givenDischargedPatient_whenItsDeviceSendsAgain_thenAdmittedAfreshWithoutTheOldAlarmsOrDeviceEvents() {
    String pulse = raisedId(engine.apply(frame(BED_1, T0, "PULSE=190"), T0));
    engine.act(pulse, alarm -> alarm.acknowledge("nurse.a", at(1)), at(1));
    engine.deviceEvent(DeviceEvent.disconnected(BED_1, null, null), at(1));
    engine.discharge(KEY, "nurse.b", at(2));
    assertEquals(WardUpdate.NOTHING, engine.deviceEvent(DeviceEvent.disconnected(BED_1, null, null), at(3)));

    JsonObject readmitted = snapshot(engine.apply(frame(BED_1, at(4), "PULSE=80"), at(4)));

    assertEquals(1, readmitted.getLong("seq"), "a new episode: counted from the start");
    assertTrue(readmitted.getJsonArray("alarms").isEmpty());
    assertTrue(readmitted.getJsonArray("technicalAlarms").isEmpty());
    assertFalse(readmitted.containsKey("discharged"));
  }

  @Test
  void givenDischargedOnceItsMonitorDisconnected_whenAFrameInFlightAtTheEndArrives_thenAdmittedAlarmedDisconnected() {
    ConnectionId line = ConnectionId.opened(T0);
    engine.apply(on(line, frame(BED_1, T0, "PULSE=80")), T0);
    engine.deviceEvent(DeviceEvent.disconnected(BED_1, line, at(2)), at(2));
    engine.discharge(KEY, "nurse.b", at(3));

    WardUpdate late = engine.apply(on(line, frame(BED_1, at(1), "PULSE=81")), at(4)); // read before the end

    assertEquals(List.of(TransitionType.RAISED), late.transitions().stream().map(AlarmTransition::type).toList());
    assertEquals("TECHNICAL:DISCONNECTED", onlyOf(snapshot(late), "technicalAlarms").getString("condition"),
        "not shown live: its device is gone");
    assertEquals(List.of(TransitionType.CLEARED), engine.apply(on(ConnectionId.opened(at(5)),
        frame(BED_1, at(5), "PULSE=82")), at(5))
        .transitions().stream().map(AlarmTransition::type).toList(), "reconnected: back, its alarm ended");
  }

  @Test
  void givenAConnectionEndedWhileAnotherCarriedTheMonitor_whenItsFrameInFlightArrivesAfterTheDischarge_thenAlarmed() {
    ConnectionId first = ConnectionId.opened(T0);
    ConnectionId second = ConnectionId.opened(at(10));
    engine.apply(on(second, frame(BED_1, at(11), "PULSE=80")), at(11));
    engine.deviceEvent(DeviceEvent.disconnected(BED_1, first, at(15)), at(15)); // ignored: the second carries it
    engine.deviceEvent(DeviceEvent.disconnected(BED_1, second, at(20)), at(20));
    engine.discharge(KEY, "nurse.b", at(21));

    WardUpdate late = engine.apply(on(first, frame(BED_1, at(14), "PULSE=81")), at(22)); // read before its end

    assertEquals(List.of(TransitionType.RAISED), late.transitions().stream().map(AlarmTransition::type).toList(),
        "a frame of a connection known ended shows no device back");
    assertEquals("TECHNICAL:DISCONNECTED", onlyOf(snapshot(late), "technicalAlarms").getString("condition"));
  }

  @Test
  void givenAMonitorThatReconnectedOften_whenTheOximetersFrameInFlightArrivesAfterTheDischarge_thenAlarmed() {
    DeviceIdentity oximeter = new DeviceIdentity("ox-7", "P1", "1", "surgery");
    ConnectionId firstLine = ConnectionId.opened(at(100));
    ConnectionId secondLine = ConnectionId.opened(at(110));
    ConnectionId monitorLine = ConnectionId.opened(at(50));
    for (int reconnection = 0; reconnection < 4; reconnection++) { // the monitor's connections earlier in the stay
      ConnectionId earlier = ConnectionId.opened(at(reconnection * 10));
      engine.apply(on(earlier, frame(BED_1, at(reconnection * 10 + 1), "PULSE=80")), at(reconnection * 10 + 1));
      Instant ended = at(reconnection * 10 + 5);
      engine.deviceEvent(DeviceEvent.disconnected(BED_1, earlier, ended), ended);
    }
    engine.apply(on(monitorLine, frame(BED_1, at(51), "PULSE=80")), at(51));
    engine.apply(on(secondLine, frame(oximeter, at(111), "SPO2=97")), at(111));
    engine.deviceEvent(DeviceEvent.disconnected(oximeter, firstLine, at(115)), at(115)); // ignored: the second carries
    engine.deviceEvent(DeviceEvent.disconnected(oximeter, secondLine, at(116)), at(116));
    engine.apply(on(monitorLine, frame(BED_1, at(117), "PULSE=81")), at(117));
    engine.deviceEvent(DeviceEvent.disconnected(BED_1, monitorLine, at(118)), at(118));
    engine.discharge(KEY, "nurse.b", at(119));

    WardUpdate late = engine.apply(on(firstLine, frame(oximeter, at(114), "SPO2=96")), at(120)); // read before its end

    assertEquals(List.of(TransitionType.RAISED), late.transitions().stream().map(AlarmTransition::type).toList(),
        "the monitor's many ended connections did not crowd out the oximeter's");
  }

  @Test
  void givenHighAlarmsAwaitingAcknowledgement_whenDischarged_thenRefusedNamingThemUntilAcknowledged() {
    String pulse = raisedId(engine.apply(frame(BED_1, T0, "PULSE=190"), T0));
    engine.apply(frame(BED_1, at(1), "PULSE=80"), at(1)); // latched: ended, still awaiting acknowledgement
    engine.deviceEvent(DeviceEvent.disconnected(BED_1, null, null), at(2));

    ActionRefused.AlarmsUnacknowledged refused = assertThrows(ActionRefused.AlarmsUnacknowledged.class,
        () -> engine.discharge(KEY, "nurse.b", at(3)));

    assertEquals(409, refused.failureCode());
    assertEquals("Acknowledge patient " + KEY + "'s HIGH alarms first: Pulse 190 /min above 150", refused.getMessage());
    assertTrue(engine.view().snapshot(KEY).isPresent());
    engine.act(pulse, alarm -> alarm.acknowledge("nurse.b", at(4)), at(4));
    assertTrue(engine.discharge(KEY, "nurse.b", at(5)).snapshots().get(0).toJson().getBoolean("discharged"));
  }

  @Test
  void givenTheDisconnectionAlarmEscalatedToHigh_whenDischarged_thenDischargedAsItIsWhatTheDischargeEnds() {
    engine.apply(frame(BED_1, T0, "PULSE=80"), T0);
    engine.deviceEvent(DeviceEvent.disconnected(BED_1, null, null), at(1));
    engine.tick(at(3602)); // MEDIUM unacknowledged for an hour: HIGH

    assertEquals(1, engine.discharge(KEY, "nurse.b", at(3603)).transitions().stream()
        .filter(cleared -> cleared.priority() == Priority.HIGH).count());
  }

  @Test
  void givenUnknownPatient_whenDischarged_thenUnknownTarget() {
    ActionRefused.UnknownTarget unknown = assertThrows(ActionRefused.UnknownTarget.class,
        () -> engine.discharge("nobody", "nurse.b", T0));

    assertEquals(404, unknown.failureCode());
  }
}
