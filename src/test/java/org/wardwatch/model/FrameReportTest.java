package org.wardwatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A report as it crosses to another member: whole, with when its frame was received. */
class FrameReportTest {

  private static final DeviceIdentity MONITOR = new DeviceIdentity("mon-1", "P1", "1", "icu");
  private static final Instant MEASURED = Instant.parse("2026-12-06T10:00:00Z");
  private static final Instant RECEIVED = Instant.parse("2026-12-06T10:00:00.400Z");

  private final FrameReport report = new FrameReport(MONITOR, MEASURED, RECEIVED,
      List.of(new Observation(MONITOR, Parameter.PULSE, Parameter.PULSE.mdcCode(), new BigDecimal("82"),
          Parameter.PULSE.unit(), MEASURED, RECEIVED, 7L, false)),
      Consciousness.A, OxygenSupport.air(), Set.of(Parameter.SPO2), new FrameStamp("mon-1", 7, 42),
      ConnectionId.opened(MEASURED), List.of("Temperature 104 Cel is implausible (accepted range 0–50)"));

  @Test
  void aReportCrossesWhole() {
    assertEquals(report, FrameReport.fromJson(new JsonObject(report.toJson().encode())));
  }

  @Test
  void aReportRecordedWholeCrossesWhole() {
    FrameReport whole = new FrameReport(MONITOR, MEASURED, RECEIVED, report.observations(), null, null, Set.of(), null,
        null, List.of());

    assertEquals(whole, FrameReport.fromJson(new JsonObject(whole.toJson().encode())));
  }

  @Test
  void aReportFromANodeThatDidNotSayWhenItWasReceivedIsNotKnownToHaveBeen() {
    JsonObject earlier = new JsonObject(report.toJson().encode());
    earlier.remove("receivedAt");
    earlier.remove("connection");

    assertNull(FrameReport.fromJson(earlier).receivedAt(), "not the device's own time, which may lag");
    assertNull(FrameReport.fromJson(earlier).connection());
  }
}
