package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.frame;
import static org.wardwatch.clinical.WardStateFixtures.on;
import static org.wardwatch.clinical.WardStateFixtures.only;
import static org.wardwatch.clinical.WardStateFixtures.raisedId;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Parameter;

/**
 * A patient monitored through several devices, a monitor and a separate oximeter: each device's disconnection alarms,
 * ends with that device's own frame (not the other's), and marks only the data that device sent stale.
 */
class WardStateDevicesTest {

  private static final DeviceIdentity MONITOR = WardStateFixtures.BED_1;
  private static final DeviceIdentity OXIMETER = new DeviceIdentity("ox-7", "P1", "1", "surgery");
  private static final String NURSE = "nurse.kim";

  private static final ClinicalRules RULES = WardStateFixtures.DEVICE_RULES;

  private final WardState engine = new WardState(RULES);

  @Test
  void givenTheOximeterDisconnects_whenTheMonitorSentTheLatestFrame_thenItAlarmsAndOnlyItsDataIsStale() {
    String pulse = raisedId(engine.apply(frame(MONITOR, T0, "PULSE=190"), T0));
    String spo2 = raisedId(engine.apply(frame(OXIMETER, at(1), "SPO2=85"), at(1)));
    engine.apply(frame(MONITOR, at(2), "PULSE=191"), at(2));

    WardUpdate update = engine.deviceEvent(DeviceEvent.disconnected(OXIMETER, null, null), at(3));

    JsonObject raised = ofType(update, TransitionType.RAISED).snapshot();
    assertEquals("Device ox-7 disconnected", raised.getString("message"));
    assertEquals("ox-7", raised.getString("device"), "raised for the device it is about");
    assertEquals(spo2, ofType(update, TransitionType.DATA_STALE).alarmId());
    assertFalse(staleOf(pulse), "the monitor's pulse is still current");
    assertTrue(staleOf(spo2));
  }

  @Test
  void givenTheOximeterDisconnected_whenOnlyTheMonitorReports_thenTheAlarmStaysUntilTheOximeterIsBack() {
    engine.apply(frame(MONITOR, T0, "PULSE=80"), T0);
    engine.apply(frame(OXIMETER, at(1), "SPO2=97"), at(1));
    String disconnected = ofType(engine.deviceEvent(DeviceEvent.disconnected(OXIMETER, null, null), at(2)),
        TransitionType.RAISED).alarmId();

    assertEquals(List.of(), engine.apply(frame(MONITOR, at(3), "PULSE=81"), at(3)).transitions());
    assertEquals(1, technicalAlarms().size(), "the monitor's frame does not bring the oximeter back");

    AlarmTransition cleared = ofType(engine.apply(frame(OXIMETER, at(4), "SPO2=96"), at(4)), TransitionType.CLEARED);
    assertEquals(disconnected, cleared.alarmId());
    assertEquals(new JsonArray(), technicalAlarms());
  }

  @Test
  void givenOneDisconnectionAcknowledged_whenTheOtherDeviceDisconnectsToo_thenANewAlarmNamesBoth() {
    engine.apply(frame(MONITOR, T0, "PULSE=80"), T0);
    engine.apply(frame(OXIMETER, at(1), "SPO2=97"), at(1));
    String oximeter = raisedId(engine.deviceEvent(DeviceEvent.disconnected(OXIMETER, null, null), at(2)));
    engine.act(oximeter, alarm -> alarm.acknowledge(NURSE, at(3)), at(3));

    WardUpdate update = engine.deviceEvent(DeviceEvent.disconnected(MONITOR, null, null), at(4));

    AlarmTransition raised = ofType(update, TransitionType.RAISED);
    assertEquals("Devices mon-1, ox-7 disconnected", raised.snapshot().getString("message"));
    assertEquals("ACTIVE_UNACKNOWLEDGED", raised.toState().name(), "a device newly lost alarms again");
    assertEquals(oximeter, ofType(update, TransitionType.CLEARED).alarmId());
  }

  @Test
  void givenADisconnectedOximeter_whenTheMonitorTakesOverItsValues_thenTheDisconnectionEnds() {
    engine.apply(frame(MONITOR, T0, "PULSE=80"), T0);
    engine.apply(frame(OXIMETER, at(1), "SPO2=97"), at(1));
    String disconnected = raisedId(engine.deviceEvent(DeviceEvent.disconnected(OXIMETER, null, null), at(2)));

    WardUpdate update = engine.apply(frame(MONITOR, at(3), "PULSE=81", "SPO2=96"), at(3));

    assertEquals(disconnected, ofType(update, TransitionType.CLEARED).alarmId());
    assertEquals(List.of(), engine.deviceEvent(DeviceEvent.disconnected(OXIMETER, null, null), at(4)).transitions(),
        "the patient is no longer monitored through the oximeter");
  }

  @Test
  void givenAMonitorReplacedByOneWithoutItsTemperature_whenTheOldOneIsUnplugged_thenItsAlarmEndsOnceItsDataIsSilent() {
    engine.apply(frame(MONITOR, T0, "PULSE=80", "TEMPERATURE=37.0"), T0);
    engine.apply(frame(OXIMETER, at(1), "PULSE=81"), at(1)); // the patient's new device: no temperature probe
    String disconnected = raisedId(engine.deviceEvent(DeviceEvent.disconnected(MONITOR, null, null), at(2)));

    assertEquals(List.of(), ofTypes(engine.apply(frame(OXIMETER, at(20), "PULSE=82"), at(20)), TransitionType.CLEARED));
    WardUpdate silent = engine.apply(frame(OXIMETER, at(31), "PULSE=83"), at(31));

    assertEquals(disconnected, ofType(silent, TransitionType.CLEARED).alarmId());
    assertEquals("No data for Temperature for over 30 s", ofType(silent, TransitionType.RAISED).snapshot()
        .getString("message"), "the silence's own alarm takes over");
  }

  @Test
  void givenTheOximetersFrameRefused_whenTheMonitorReports_thenTheInvalidSignalStaysUntilTheOximeterIsAccepted() {
    engine.apply(frame(MONITOR, T0, "PULSE=80"), T0);
    engine.apply(frame(OXIMETER, at(1), "SPO2=97"), at(1));
    JsonObject refused = ofType(
        engine.deviceEvent(DeviceEvent.rejected(OXIMETER, "SpO2 140 % is implausible", null), at(2)),
        TransitionType.RAISED).snapshot();
    assertEquals("Invalid data from ox-7: SpO2 140 % is implausible", refused.getString("message"));

    assertEquals(List.of(), engine.apply(frame(MONITOR, at(3), "PULSE=81"), at(3)).transitions());
    assertEquals(refused.getString("id"),
        ofType(engine.apply(frame(OXIMETER, at(4), "SPO2=96"), at(4)), TransitionType.CLEARED).alarmId());
  }

  @Test
  void givenTheOximeterCarryingOnThroughANewConnection_whenItsOldOneClosesLate_thenNoAlarmThoughItSentNoNewValue() {
    ConnectionId old = ConnectionId.opened(T0);
    ConnectionId reconnected = ConnectionId.opened(at(9));
    engine.apply(frame(MONITOR, T0, "PULSE=80"), T0);
    engine.apply(on(old, frame(OXIMETER, at(1), "SPO2=97")), at(1));
    // through its new connection the oximeter reports its probe off: a frame without a value
    FrameReport probeOff = WardStateFixtures.report(OXIMETER, at(10), List.of(), null, null, Set.of(Parameter.SPO2));
    engine.apply(on(reconnected, probeOff), at(10));
    engine.apply(frame(MONITOR, at(11), "PULSE=81"), at(11));

    assertEquals(List.of(), engine.deviceEvent(DeviceEvent.disconnected(OXIMETER, old, null), at(12)).transitions(),
        "its old connection opened before the one that carries it");
    assertEquals("Device ox-7 disconnected",
        ofType(engine.deviceEvent(DeviceEvent.disconnected(OXIMETER, reconnected, null), at(13)),
        TransitionType.RAISED).snapshot().getString("message"), "the connection that carries it closes");
  }

  @Test
  void givenOneOfTwoDevicesDisconnected_whenDischarged_thenRefusedUntilBothAre() {
    engine.apply(frame(OXIMETER, T0, "SPO2=97"), T0);
    engine.apply(frame(MONITOR, at(1), "PULSE=80"), at(1));
    engine.deviceEvent(DeviceEvent.disconnected(MONITOR, null, null), at(2));

    assertThrows(ActionRefused.StillMonitored.class, () -> engine.discharge("P1", NURSE, at(3)));

    engine.deviceEvent(DeviceEvent.disconnected(OXIMETER, null, null), at(4));
    assertEquals(TransitionType.CLEARED, only(engine.discharge("P1", NURSE, at(5)).transitions()).type());
  }

  @Test
  void givenAReplacedMonitorsAlarmEndedBySilence_whenTheNewDeviceIsUnpluggedToo_thenThePatientMayBeDischarged() {
    engine.apply(frame(MONITOR, T0, "PULSE=80", "TEMPERATURE=37.0"), T0);
    engine.apply(frame(OXIMETER, at(1), "PULSE=81"), at(1));
    engine.deviceEvent(DeviceEvent.disconnected(MONITOR, null, null), at(2));
    engine.apply(frame(OXIMETER, at(31), "PULSE=82"), at(31)); // the monitor's temperature silent: its alarm ends
    engine.deviceEvent(DeviceEvent.disconnected(OXIMETER, null, null), at(32));

    assertFalse(engine.discharge("P1", NURSE, at(33)).transitions().isEmpty(), "no device left to send");
  }

  @Test
  void givenDisconnectedDevices_whenAnotherNodeTakesThePatientOver_thenItKnowsWhichAreDisconnected() {
    engine.apply(frame(MONITOR, T0, "PULSE=80"), T0);
    engine.apply(frame(OXIMETER, at(1), "SPO2=97"), at(1));
    engine.apply(frame(MONITOR, at(2), "PULSE=80"), at(2)); // the monitor sent the latest frame
    engine.deviceEvent(DeviceEvent.disconnected(OXIMETER, null, null), at(2));
    JsonObject state = engine.state("P1").orElseThrow();
    WardState other = new WardState(RULES);
    other.adopt(new JsonObject(state.encode()));

    assertEquals(List.of(), other.apply(frame(MONITOR, at(3), "PULSE=81"), at(3)).transitions());
    assertEquals(TransitionType.CLEARED,
        only(other.apply(frame(OXIMETER, at(4), "SPO2=96"), at(4)).transitions()).type());

    state.remove("disconnectedDevices"); // as written before the devices were kept: the alarm's device
    WardState older = new WardState(RULES);
    older.adopt(state);
    assertEquals(List.of(), older.apply(frame(MONITOR, at(5), "PULSE=82"), at(5)).transitions());
    assertEquals(TransitionType.CLEARED,
        only(older.apply(frame(OXIMETER, at(6), "SPO2=95"), at(6)).transitions()).type());
  }

  private JsonArray technicalAlarms() {
    return engine.view().snapshot("P1").orElseThrow().toJson().getJsonArray("technicalAlarms");
  }

  private boolean staleOf(String alarmId) {
    JsonArray alarms = engine.view().snapshot("P1").orElseThrow().toJson().getJsonArray("alarms");
    for (int i = 0; i < alarms.size(); i++) {
      if (alarmId.equals(alarms.getJsonObject(i).getString("id"))) {
        return alarms.getJsonObject(i).getBoolean("dataStale");
      }
    }
    throw new AssertionError("no alarm " + alarmId + " in " + alarms.encode());
  }

  private static AlarmTransition ofType(WardUpdate update, TransitionType type) {
    return only(ofTypes(update, type));
  }

  private static List<AlarmTransition> ofTypes(WardUpdate update, TransitionType type) {
    return update.transitions().stream().filter(transition -> transition.type() == type).toList();
  }
}
