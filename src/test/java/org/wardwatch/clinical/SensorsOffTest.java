package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

class SensorsOffTest {

  private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
  private static final DeviceIdentity MONITOR = new DeviceIdentity("mon-1", "P1", "1", "icu");

  @Test
  void givenSensorsWrittenToAState_whenRead_thenTheSameWithTheirTimes() {
    SensorsOff off = new SensorsOff();
    off.reportedOff(Parameter.SPO2, T0.plusSeconds(7), T0.plusSeconds(9), spo2(T0));

    SensorsOff read = SensorsOff.fromState(new JsonObject(off.writeTo(new JsonObject()).encode()));
    read.valued(spo2(T0.plusSeconds(6)));

    assertEquals(Set.of(Parameter.SPO2), read.parameters(), "a value measured before the OFF");
    assertEquals(T0.plusSeconds(9), read.reportedAt(Parameter.SPO2), "when the gateway received the OFF");
    read.valued(spo2(T0.plusSeconds(8)));
    assertFalse(read.contains(Parameter.SPO2));
  }

  @Test
  void givenAStateWrittenBeforeTheTimesWereKept_whenRead_thenAnyLaterValueTurnsItsSensorBackOn() {
    SensorsOff read = SensorsOff.fromState(new JsonObject().put("sensorsOff", new JsonArray().add("SPO2")));
    assertTrue(read.contains(Parameter.SPO2));

    read.valued(spo2(T0));

    assertFalse(read.contains(Parameter.SPO2));
    assertThrows(IllegalArgumentException.class, () -> SensorsOff.fromState(new JsonObject()
        .put("sensorsOff", new JsonArray().add("SPO2")).put("sensorsOffAt", new JsonObject().put("SPO2", "soon"))));
  }

  private static Observation spo2(Instant measured) {
    return new Observation(MONITOR, Parameter.SPO2, Parameter.SPO2.mdcCode(), new BigDecimal("97"),
        Parameter.SPO2.unit(), measured, measured, null, false);
  }
}
