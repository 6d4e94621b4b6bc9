package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.ClinicalRules.TechnicalAlarm;
import org.wardwatch.model.ConnectionId;

/** Which connection carries each of a patient's devices, and what the record stores of them. */
class PatientDevicesTest {

  private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
  private static final ConnectionId OLD = ConnectionId.opened(T0);
  private static final ConnectionId NEW = ConnectionId.opened(T0.plusSeconds(10));

  private final PatientDevices devices = new PatientDevices();

  @Test
  void givenTheDeviceReconnected_thenTheNewConnectionCarriesItAndTheOldOnesEndLeavesItConnected() {
    devices.deliveredBy("mon-1", OLD);
    assertFalse(devices.carriedOnAfter("mon-1", OLD), "the connection that carries it");

    devices.deliveredBy("mon-1", NEW);
    devices.deliveredBy("mon-1", OLD); // a frame of the old connection still in flight

    assertTrue(devices.carriedOnAfter("mon-1", OLD));
    assertFalse(devices.carriedOnAfter("mon-1", NEW));
  }

  @Test
  void givenTheCarryingConnectionClosed_whenAnOlderOneDeliversAFrameReadAfterThat_thenTheOlderOneCarries() {
    devices.deliveredBy("mon-1", NEW);
    devices.disconnected("mon-1", T0.plusSeconds(20));

    devices.deliveredBy("mon-1", OLD); // still live: the device kept two connections

    assertFalse(devices.carriedOnAfter("mon-1", OLD), "its end disconnects the device");
  }

  @Test
  void givenNoConnectionKnown_thenEveryEndDisconnects() {
    devices.deliveredBy("mon-1", null); // an HL7 message
    devices.deliveredBy(null, NEW); // a frame naming no device

    assertFalse(devices.carriedOnAfter("mon-1", OLD));
    devices.deliveredBy("mon-1", NEW);
    assertFalse(devices.carriedOnAfter("mon-1", null), "a node that did not say which connection ended");
  }

  @Test
  void givenMoreDevicesThanRemembered_thenTheOneRememberedFirstIsForgottenAlsoAfterATakeover() {
    for (int i = 0; i < PatientDevices.MAX_REMEMBERED; i++) { // dev-15 first, dev-0 last: not in the names' order
      devices.deliveredBy("dev-" + (PatientDevices.MAX_REMEMBERED - 1 - i), NEW);
    }
    PatientDevices read = PatientDevices.fromState(
        new JsonObject(devices.writeTo(new JsonObject()).encode()), new PatientAlarms());

    read.deliveredBy("dev-16", NEW);

    assertFalse(read.carriedOnAfter("dev-15", OLD), "forgotten");
    assertTrue(read.carriedOnAfter("dev-14", OLD));
    assertTrue(read.carriedOnAfter("dev-0", OLD));
    assertTrue(read.carriedOnAfter("dev-16", OLD));
  }

  @Test
  void givenDevicesWrittenToAState_whenRead_thenTheSame() {
    devices.deliveredBy("mon-1", NEW);
    devices.disconnected("mon-1", T0.plusSeconds(2));
    devices.disconnected("mon-2", null);
    devices.problems(TechnicalAlarm.INVALID_SIGNAL).put("ox-7", "SpO2 140 % is implausible");

    JsonObject state = new JsonObject(devices.writeTo(new JsonObject()).encode());
    PatientDevices read = PatientDevices.fromState(state, new PatientAlarms());

    assertTrue(read.carriedOnAfter("mon-1", OLD));
    assertEquals(T0.plusSeconds(2), read.closedAt("mon-1"));
    assertNull(read.closedAt("mon-2"), "disconnected, its close time not known");
    assertNull(read.closedAt("ox-7"), "not disconnected");
    assertEquals(devices.writeTo(new JsonObject()), read.writeTo(new JsonObject()));
    assertThrows(IllegalArgumentException.class, () -> PatientDevices.fromState(
        state.copy().put("deviceConnections", new JsonObject().put("mon-1", new JsonObject().put("openedAt", "soon"))),
        new PatientAlarms()));
    IllegalArgumentException closed = assertThrows(IllegalArgumentException.class,
        () -> PatientDevices.fromState(state.copy().put("disconnectedDevices", new JsonObject().put("mon-1", "soon")),
            new PatientAlarms()));
    assertEquals("disconnected device 'mon-1' must map to when its connection closed (ISO-8601) or \"\", got soon",
        closed.getMessage());
  }
}
