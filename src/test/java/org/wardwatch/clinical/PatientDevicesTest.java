package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.ClinicalRules.TechnicalAlarm;

class PatientDevicesTest {

  private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

  private final PatientDevices devices = new PatientDevices();

  @Test
  void givenFramesFromTwoDevicesInTurn_thenEachOnesLastFrameIsRememberedWhileTheOtherSentTheLatest() {
    devices.switched("mon-1", T0, "ox-7");
    assertEquals(T0, devices.heardBefore("mon-1"));

    devices.switched("ox-7", T0.plusSeconds(1), "mon-1");
    assertEquals(T0.plusSeconds(1), devices.heardBefore("ox-7"));
    assertNull(devices.heardBefore("mon-1"), "the latest frame's device: the record keeps its time");
  }

  @Test
  void givenMoreDevicesThanRemembered_thenTheOneRememberedFirstIsForgottenAlsoAfterATakeover() {
    for (int i = 0; i < PatientDevices.MAX_REMEMBERED; i++) { // dev-15 first, dev-0 last: not in the names' order
      devices.switched("dev-" + (PatientDevices.MAX_REMEMBERED - 1 - i), T0.plusSeconds(i), "monitor");
    }
    PatientDevices read = PatientDevices.fromState(
        new JsonObject(devices.writeTo(new JsonObject()).encode()), new PatientAlarms());

    read.switched("dev-16", T0.plusSeconds(16), "monitor");

    assertNull(read.heardBefore("dev-15"));
    assertEquals(T0.plusSeconds(1), read.heardBefore("dev-14"));
    assertEquals(T0.plusSeconds(15), read.heardBefore("dev-0"));
    assertEquals(T0.plusSeconds(16), read.heardBefore("dev-16"));
  }

  @Test
  void givenAFrameWithoutADevice_thenTheNextDeviceIsStillNotRememberedAsAnother() {
    devices.switched("mon-1", T0, "ox-7");
    devices.switched("ox-7", T0.plusSeconds(1), null); // an HL7 report naming no device
    devices.switched(null, T0.plusSeconds(2), "mon-1");

    assertNull(devices.heardBefore("mon-1"), "the latest frame's device");
    assertEquals(T0.plusSeconds(1), devices.heardBefore("ox-7"));
  }

  @Test
  void givenDevicesWrittenToAState_whenRead_thenTheSame() {
    devices.switched("mon-1", T0, "ox-7");
    devices.disconnected("mon-1", T0.plusSeconds(2));
    devices.disconnected("mon-2", null);
    devices.problems(TechnicalAlarm.INVALID_SIGNAL).put("ox-7", "SpO2 140 % is implausible");

    JsonObject state = new JsonObject(devices.writeTo(new JsonObject()).encode());
    PatientDevices read = PatientDevices.fromState(state, new PatientAlarms());

    assertEquals(T0, read.heardBefore("mon-1"));
    assertEquals(T0.plusSeconds(2), read.closedAt("mon-1"));
    assertNull(read.closedAt("mon-2"), "disconnected, its close time not known");
    assertNull(read.closedAt("ox-7"), "not disconnected");
    assertEquals(devices.writeTo(new JsonObject()), read.writeTo(new JsonObject()));
    assertThrows(IllegalArgumentException.class,
        () -> PatientDevices.fromState(state.copy().put("devicesHeard", new JsonObject().put("mon-1", "soon")),
            new PatientAlarms()));
    IllegalArgumentException closed = assertThrows(IllegalArgumentException.class,
        () -> PatientDevices.fromState(state.copy().put("disconnectedDevices", new JsonObject().put("mon-1", "soon")),
            new PatientAlarms()));
    assertEquals("disconnected device 'mon-1' must map to when its connection closed (ISO-8601) or \"\", got soon",
        closed.getMessage());
  }
}
