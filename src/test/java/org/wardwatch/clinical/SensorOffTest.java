package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.parsing.DecodedFrame;
import org.wardwatch.parsing.LineFrameDecoder;
import org.wardwatch.parsing.MalformedFrameException;

/** A sensor reported {@code OFF} is a technical alarm, kept apart, that ends when the sensor sends values again. */
class SensorOffTest {

  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final DeviceIdentity MONITOR = new DeviceIdentity("MON-1", "P-1", "3", "icu");

  private final WardState engine = new WardState(ClinicalRules.fromJson(new JsonObject("""
      {"thresholds": [{"parameter": "SPO2", "below": 90, "priority": "HIGH"}]}""")));

  @Test
  void givenSensorOffThenTechnicalAlarmAndPhysiologicalAlarmMarkedStaleNotCleared() throws Exception {
    engine.apply(frame("SpO2=80|Pulse=80", 0), T0);

    WardUpdate off = engine.apply(frame("SpO2=OFF|Pulse=81", 1), T0.plusSeconds(1));

    JsonObject snapshot = off.snapshots().get(0).toJson();
    assertEquals("Sensor off: SpO2", snapshot.getJsonArray("technicalAlarms").getJsonObject(0).getString("message"));
    JsonObject spo2Alarm = snapshot.getJsonArray("alarms").getJsonObject(0);
    assertEquals("ACTIVE_UNACKNOWLEDGED", spo2Alarm.getString("state"));
    assertTrue(spo2Alarm.getBoolean("dataStale"));
  }

  @Test
  void givenSensorBackThenTechnicalAlarmEnds() throws Exception {
    engine.apply(frame("SpO2=OFF|Pulse=80", 0), T0);

    WardUpdate back = engine.apply(frame("SpO2=97|Pulse=80", 1), T0.plusSeconds(1));

    assertTrue(back.snapshots().get(0).toJson().getJsonArray("technicalAlarms").isEmpty());
  }

  @Test
  void givenSensorOffForLongThenNoSeparateNoDataAlarm() throws Exception {
    engine.apply(frame("SpO2=97|Pulse=80", 0), T0);
    engine.apply(frame("SpO2=OFF|Pulse=80", 1), T0.plusSeconds(1));
    engine.apply(frame("SpO2=OFF|Pulse=80", 59), T0.plusSeconds(59));

    WardUpdate later = engine.tick(T0.plusSeconds(60));

    assertTrue(later.transitions().stream().noneMatch(t -> t.alarmId().contains("NO_DATA")), later.toString());
  }

  @Test
  void givenALateFrameReportingTheSensorOff_whenALaterValueIsHeld_thenTheSensorStaysOn() throws Exception {
    engine.apply(frame("SpO2=96|Pulse=80|Ts=2026-11-22T10:00:06Z", 6), T0.plusSeconds(6));

    WardUpdate late = engine.apply(frame("SpO2=OFF|Pulse=80|Ts=2026-11-22T10:00:05Z", 7), T0.plusSeconds(7));

    assertTrue(late.transitions().isEmpty(), late.transitions()::toString);
    assertTrue(engine.view().snapshot("P-1").orElseThrow().toJson().getJsonArray("technicalAlarms").isEmpty());
  }

  @Test
  void givenASensorOff_whenAValueOlderThanTheOneHeldArrives_thenTheSensorStaysOff() throws Exception {
    engine.apply(frame("SpO2=96|Pulse=80|Ts=2026-11-22T10:00:06Z", 6), T0.plusSeconds(6));
    engine.apply(frame("SpO2=OFF|Pulse=80|Ts=2026-11-22T10:00:07Z", 7), T0.plusSeconds(7));

    engine.apply(frame("SpO2=95|Pulse=80|Ts=2026-11-22T10:00:05Z", 8), T0.plusSeconds(8));

    assertEquals("Sensor off: SpO2", engine.view().snapshot("P-1").orElseThrow().toJson()
        .getJsonArray("technicalAlarms").getJsonObject(0).getString("message"), "a late frame's value");
  }

  @Test
  void givenASensorOff_whenAValueMeasuredBeforeTheOffArrivesLate_thenTheSensorStaysOffAlsoOnAnotherNode()
      throws Exception {
    engine.apply(frame("SpO2=96|Pulse=80|Ts=2026-11-22T10:00:05Z", 5), T0.plusSeconds(5));
    engine.apply(frame("SpO2=OFF|Pulse=80|Ts=2026-11-22T10:00:07Z", 7), T0.plusSeconds(7));
    WardState newOwner = new WardState(ClinicalRules.fromJson(new JsonObject("""
        {"thresholds": [{"parameter": "SPO2", "below": 90, "priority": "HIGH"}]}""")));
    newOwner.adopt(new JsonObject(engine.state("P-1").orElseThrow().encode()));

    for (WardState owner : List.of(engine, newOwner)) {
      owner.apply(frame("SpO2=95|Pulse=80|Ts=2026-11-22T10:00:06Z", 8), T0.plusSeconds(8));
      assertEquals("Sensor off: SpO2", owner.view().snapshot("P-1").orElseThrow().toJson()
          .getJsonArray("technicalAlarms").getJsonObject(0).getString("message"), "measured before it came off");
      owner.apply(frame("SpO2=94|Pulse=80|Ts=2026-11-22T10:00:09Z", 9), T0.plusSeconds(9));
      assertTrue(owner.view().snapshot("P-1").orElseThrow().toJson().getJsonArray("technicalAlarms").isEmpty(),
          "measured after: back");
    }
  }

  @Test
  void givenABreachPendingWhenTheSensorWentOff_whenTheProbeIsBack_thenItsOnsetDelayStartsOver() throws Exception {
    WardState delayed = new WardState(ClinicalRules.fromJson(new JsonObject("""
        {"thresholds": [{"parameter": "SPO2", "below": 90, "priority": "MEDIUM", "delaySeconds": 15}]}""")));
    delayed.apply(frame("SpO2=89|Pulse=80", 0), T0);
    delayed.apply(frame("SpO2=OFF|Pulse=80", 2), T0.plusSeconds(2));

    WardUpdate back = delayed.apply(frame("SpO2=88|Pulse=80", 600), T0.plusSeconds(600));

    assertTrue(back.transitions().stream().noneMatch(t -> t.alarmId().contains("THRESHOLD")),
        "a value read as the probe is put back waits for the delay: " + back.transitions());
    assertTrue(delayed.tick(T0.plusSeconds(615)).transitions().stream()
        .anyMatch(t -> t.alarmId().contains("THRESHOLD:SPO2")), "still low after it");
  }

  private static FrameReport frame(String text, int second) throws MalformedFrameException {
    DecodedFrame decoded = new LineFrameDecoder().decode(text, MONITOR, null, T0.plusSeconds(second));
    return ((DecodedFrame.Measurements) decoded).report();
  }
}
