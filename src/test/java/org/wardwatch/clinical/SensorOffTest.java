package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
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

  private static FrameReport frame(String text, int second) throws MalformedFrameException {
    DecodedFrame decoded = new LineFrameDecoder().decode(text, MONITOR, T0.plusSeconds(second));
    return ((DecodedFrame.Measurements) decoded).report();
  }
}
