package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.ClinicalRules.TechnicalAlarm;
import org.wardwatch.model.ConnectionId;

/**
 * Which connection carries each of a patient's devices, which have ended (their frames in flight told apart), and
 * what the record stores of them.
 */
class PatientDevicesTest {

  private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
  private static final ConnectionId OLD = ConnectionId.opened(T0);
  private static final ConnectionId NEW = ConnectionId.opened(T0.plusSeconds(10));

  private final PatientDevices devices = new PatientDevices();

  @Test
  void givenTheDeviceReconnected_thenTheNewConnectionCarriesItAndTheOldOnesEndDoesNotDisconnectIt() {
    devices.delivered("mon-1", OLD);
    devices.delivered("mon-1", NEW);
    devices.delivered("mon-1", OLD); // a frame of the old connection still in flight

    assertFalse(devices.connectionEnded("mon-1", OLD));
    assertTrue(devices.inFlightAtClose("mon-1", OLD), "its frames now come from an ended connection");
    assertFalse(devices.inFlightAtClose("mon-1", NEW));
    assertTrue(devices.connectionEnded("mon-1", NEW), "the connection that carries it");
  }

  @Test
  void givenTheCarryingConnectionEnded_whenAnOlderLiveOneDeliversAFrame_thenItCarriesAndItsEndDisconnects() {
    devices.delivered("mon-1", NEW);
    assertTrue(devices.connectionEnded("mon-1", NEW));

    devices.delivered("mon-1", OLD); // still live: the device kept two connections

    assertTrue(devices.connectionEnded("mon-1", OLD));
  }

  @Test
  void givenAConnectionThatDeliveredNothing_whenItEnds_thenItDisconnectsTheDevice() {
    devices.delivered("mon-1", OLD);

    assertTrue(devices.connectionEnded("mon-1", NEW), "a reconnection that only said HELLO: the device left it");
    assertTrue(devices.connectionEnded("ox-7", OLD), "a device whose connections are not known");
    assertTrue(devices.connectionEnded("mon-1", null), "a node that did not say which connection ended");
  }

  @Test
  void givenConnectionsOfTwoNodesOpenedWithinTheirClocksMargin_thenNeitherCarriesTheOtherOnAndEachEndDisconnects() {
    ConnectionId otherNode = new ConnectionId(T0.plusSeconds(1), OLD.origin() + 1, 1);
    devices.delivered("mon-1", OLD);
    devices.delivered("mon-1", otherNode);

    assertTrue(devices.connectionEnded("mon-1", otherNode), "not surely newer than the one that carries");
  }

  @Test
  void givenNoConnectionKnown_thenNothingIsInFlightAndNothingIsRemembered() {
    devices.delivered("mon-1", null); // an HL7 message
    devices.delivered(null, NEW); // a frame naming no device

    assertFalse(devices.inFlightAtClose("mon-1", null));
    assertFalse(devices.inFlightAtClose(null, NEW));
    assertEquals(new JsonObject(), devices.writeTo(new JsonObject()).getJsonObject("deviceConnections",
        new JsonObject()));
  }

  @Test
  void givenMoreDevicesThanRemembered_thenTheOneUsedLeastRecentlyIsForgottenAlsoAfterATakeover() {
    for (int i = 0; i < PatientDevices.MAX_REMEMBERED; i++) {
      devices.delivered("dev-" + i, OLD);
    }
    devices.delivered("dev-0", NEW); // used again: dev-1 is now the one used least recently
    PatientDevices read = PatientDevices.fromState(
        new JsonObject(devices.writeTo(new JsonObject()).encode()), new PatientAlarms());

    read.delivered("dev-16", NEW);

    assertFalse(read.connectionEnded("dev-0", OLD));
    assertFalse(read.connectionEnded("dev-2", new ConnectionId(T0, OLD.origin(), 0)), "one older than its carrier");
    assertTrue(read.connectionEnded("dev-1", OLD), "forgotten: its end is believed");
  }

  @Test
  void givenDevicesWrittenToAState_whenRead_thenTheSame() {
    devices.delivered("mon-1", NEW);
    devices.connectionEnded("mon-1", OLD);
    devices.disconnected("mon-2");
    devices.problems(TechnicalAlarm.INVALID_SIGNAL).put("ox-7", "SpO2 140 % is implausible");

    JsonObject state = new JsonObject(devices.writeTo(new JsonObject()).encode());
    PatientDevices read = PatientDevices.fromState(state, new PatientAlarms());

    assertTrue(read.inFlightAtClose("mon-1", OLD));
    assertFalse(read.connectionEnded("mon-1", OLD), "carried on by the new one");
    assertTrue(read.problems(TechnicalAlarm.DISCONNECTED).contains("mon-2"));
    assertEquals(devices.writeTo(new JsonObject()), read.writeTo(new JsonObject()));
    IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class, () -> PatientDevices.fromState(
        state.copy().put("deviceConnections", new JsonObject().put("mon-1", new JsonObject()
            .put("ended", new JsonArray().add("yesterday")))), new PatientAlarms()));
    assertEquals("'ended' must hold objects, got yesterday", malformed.getMessage());
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
    assertFalse(read.inFlightAtClose("mon-1", OLD), "no connection known ended");
  }
}
