package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.ClinicalRules.TechnicalAlarm;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;

/**
 * Which connection carries each of a patient's devices, which have ended (their frames in flight told apart), and
 * what the record stores of them.
 */
class PatientDevicesTest {

  private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
  private static final ConnectionId OLD = ConnectionId.opened(T0);
  private static final ConnectionId NEW = ConnectionId.opened(T0.plusSeconds(10));
  private static final DeviceIdentity BED = new DeviceIdentity("mon-1", "P1", "1", "surgery");
  private static final Duration CLOSED_IF_SILENT_WITHIN = Duration.ofSeconds(120);

  private final PatientDevices devices = new PatientDevices();

  @Test
  void givenTheDeviceReconnected_thenTheNewConnectionCarriesItAndTheOldOnesEndDoesNotDisconnectIt() {
    devices.delivered("mon-1", OLD, at(1));
    devices.delivered("mon-1", NEW, at(11));

    assertFalse(devices.connectionEnded("mon-1", OLD));
    assertTrue(devices.cannotShowBack("mon-1", OLD, at(12)), "its frames now come from an ended connection");
    assertFalse(devices.cannotShowBack("mon-1", NEW, at(12)));
    assertTrue(devices.connectionEnded("mon-1", NEW), "the connection that carries it");
  }

  @Test
  void givenTheDeviceMovedToAnOlderConnection_thenThatOneCarriesIt() {
    devices.delivered("mon-1", NEW, at(20)); // a relay opened later
    devices.delivered("mon-1", OLD, at(40)); // the device is now relayed by the older one only

    assertFalse(devices.connectionEnded("mon-1", NEW), "the relay it left");
    assertTrue(devices.connectionEnded("mon-1", OLD));
  }

  @Test
  void givenTheDeviceDisconnectedByANewConnectionsEnd_thenOnlyAFrameReadAfterThatOneOpenedShowsItBack() {
    devices.delivered("mon-1", OLD, at(9)); // the old connection half-open from 10 s: the monitor rebooted
    assertTrue(devices.connectionEnded("mon-1", NEW), "the reconnection, which delivered nothing, ended");

    assertTrue(devices.cannotShowBack("mon-1", OLD, at(9).plusMillis(900)), "read before the reconnection opened");
    assertFalse(devices.cannotShowBack("mon-1", OLD, at(11)), "the old connection live after all");
  }

  @Test
  void givenAConnectionThatDeliveredNothingSinceItOpened_whenItEnds_thenItDisconnectsTheDevice() {
    devices.delivered("mon-1", OLD, at(5));

    assertTrue(devices.connectionEnded("mon-1", NEW), "a reconnection that delivered nothing: the device left it");
    assertTrue(devices.connectionEnded("ox-7", OLD), "a device whose connections are not known");
    assertTrue(devices.connectionEnded("mon-1", null), "a node that did not say which connection ended");
  }

  @Test
  void givenAHelloAlone_thenItCarriesTheDeviceUntilItMovesOn_andOnlyAConnectionsEndMayChangeWhatIsKnown() {
    devices.delivered("mon-1", OLD, at(5));
    devices.saidHello("mon-1", NEW, at(20), at(140));
    assertFalse(devices.connectionEnded("mon-1", OLD), "the HELLO was read after the old connection opened");
    assertFalse(devices.mayChangeConnections(DeviceEvent.connected(BED, NEW, at(21), CLOSED_IF_SILENT_WITHIN)),
        "it carries the device");
    assertTrue(devices.mayChangeConnections(DeviceEvent.disconnected(BED, NEW, at(21))));

    assertTrue(devices.movedOn("mon-1", NEW), "the end of the old connection, hidden by the HELLO, disconnects it");
    assertFalse(devices.movedOn("mon-1", NEW), "carried by nothing now");
  }

  @Test
  void givenAFrameAfterTheHello_thenTheConnectionMovingOnTellsNothing() {
    devices.saidHello("mon-1", NEW, at(20), at(140));
    devices.delivered("mon-1", NEW, at(21));

    assertFalse(devices.movedOn("mon-1", NEW), "a HELLO that moves a connection on after a frame: no disconnection");
  }

  @Test
  void givenEndedConnections_thenTheyAreHandedOnWithTheOneThatDisconnectedEachDevice() {
    devices.delivered("mon-1", NEW, at(11));
    devices.connectionEnded("mon-1", OLD); // ignored: the new one carries it
    devices.connectionEnded("mon-1", NEW);
    List<ConnectionId> ended = new ArrayList<>();
    List<ConnectionId> disconnectedBy = new ArrayList<>();

    devices.forEachEnded((device, connection) -> ended.add(connection));
    devices.forEachDisconnectedBy((device, connection) -> disconnectedBy.add(connection));

    assertEquals(List.of(OLD, NEW), ended);
    assertEquals(List.of(NEW), disconnectedBy);
  }

  @Test
  void givenAnotherNodesConnection_thenItsEndIsIgnoredOnlyForAFrameReceivedMoreThanTheClocksMarginAfterItOpened() {
    ConnectionId otherNode = new ConnectionId(at(10), OLD.origin() + 1, 1);
    devices.delivered("mon-1", OLD, at(12));
    assertTrue(devices.connectionEnded("mon-1", otherNode), "2 s after it opened: the clocks may be that far apart");

    devices.delivered("mon-1", OLD, at(13));
    assertFalse(devices.connectionEnded("mon-1", otherNode));
  }

  @Test
  void givenNoConnectionKnown_thenNothingIsInFlightAndNothingIsRemembered() {
    devices.delivered("mon-1", null, at(1)); // an HL7 message
    devices.delivered(null, NEW, at(1)); // a frame naming no device

    assertFalse(devices.cannotShowBack("mon-1", null, at(60)));
    assertFalse(devices.cannotShowBack(null, NEW, at(60)));
    assertFalse(devices.writeTo(new JsonObject()).containsKey("deviceConnections"));
  }

  @Test
  void givenMoreDevicesThanRemembered_thenTheOneUsedLeastRecentlyIsForgottenAlsoAfterATakeover() {
    for (int i = 0; i < PatientDevices.MAX_REMEMBERED; i++) {
      devices.delivered("dev-" + i, NEW, at(11 + i));
    }
    devices.delivered("dev-0", NEW, at(40)); // used again: dev-1 is now the one used least recently
    PatientDevices read = PatientDevices.fromState(
        new JsonObject(devices.writeTo(new JsonObject()).encode()), new PatientAlarms());

    read.delivered("dev-16", NEW, at(41));

    assertFalse(read.connectionEnded("dev-0", OLD));
    assertFalse(read.connectionEnded("dev-2", OLD));
    assertTrue(read.connectionEnded("dev-1", OLD), "forgotten: its end is believed");
  }

  @Test
  void givenDevicesWrittenToAState_whenRead_thenTheSame() {
    devices.delivered("mon-1", NEW, at(11));
    devices.connectionEnded("mon-1", OLD);
    devices.disconnected("mon-2");
    devices.connectionEnded("ox-7", OLD);
    devices.saidHello("ox-7", NEW, at(12), at(132)); // carried by a HELLO alone, over OLD's end
    devices.problems(TechnicalAlarm.INVALID_SIGNAL).put("ox-7", "SpO2 140 % is implausible");
    ClinicalRules rules = noDataAfterFiveSeconds();
    devices.refusing().sentRefused("ox-7", at(10), rules.maxNoDataAfter());
    devices.refusing().sentRefused("ox-7", at(13), rules.maxNoDataAfter()); // every 3 s: within 9 s, at least 5 s

    JsonObject state = new JsonObject(devices.writeTo(new JsonObject()).encode());
    PatientDevices read = PatientDevices.fromState(state, new PatientAlarms());

    assertTrue(read.cannotShowBack("mon-1", OLD, at(60)));
    assertFalse(read.connectionEnded("mon-1", OLD), "carried on by the new one");
    assertTrue(read.problems(TechnicalAlarm.DISCONNECTED).contains("mon-2"));
    assertEquals(devices.writeTo(new JsonObject()), read.writeTo(new JsonObject()));
    assertTrue(read.movedOn("ox-7", NEW), "the HELLO alone and the end it hid are kept");
    assertTrue(read.refusing().sends("ox-7", at(22), rules));
    assertFalse(read.refusing().sends("ox-7", at(23), rules));
    IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class, () -> PatientDevices.fromState(
        state.copy().put("deviceConnections", new JsonObject().put("mon-1", new JsonObject()
            .put("ended", new JsonArray().add("yesterday")))), new PatientAlarms()));
    assertEquals("'ended' must hold objects, got yesterday", malformed.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PatientDevices.fromState(state.copy().put("sendingRefused",
        new JsonObject().put("ox-7", new JsonArray())), new PatientAlarms()));
  }

  @Test
  void givenAStateOfTheVersionThatJudgedByClocks_whenRead_thenEveryEndIsBelievedAndItsDisconnectionsKept() {
    JsonObject earlier = new JsonObject()
        .put("devicesHeard", new JsonObject().put("ox-7", T0.toString()))
        .put("disconnectedDevices", new JsonObject().put("mon-1", T0.plusSeconds(5).toString()))
        .put("invalidSignals", new JsonObject());

    PatientDevices read = PatientDevices.fromState(earlier, new PatientAlarms());

    assertTrue(read.problems(TechnicalAlarm.DISCONNECTED).contains("mon-1"));
    assertTrue(read.connectionEnded("ox-7", OLD));
    assertFalse(read.cannotShowBack("mon-1", OLD, at(60)), "no connection known ended");
  }

  private static ClinicalRules noDataAfterFiveSeconds() {
    return ClinicalRules.fromJson(new JsonObject().put("thresholds", new JsonArray())
        .put("technical", new JsonObject().put("noDataSeconds", 5)));
  }

  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }
}
