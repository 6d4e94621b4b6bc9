package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How long a device is taken to send frames with values refused: three of its intervals between deliveries, the
 * longer of the last two, at least the no-data time, the first taken as the first-report interval; deliveries less
 * than half a second apart are one, and one after the window starts afresh; kept in a patient's stored state.
 */
class RefusingDevicesTest {

  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  /** No data after 5 s; a first report's interval taken as 20 s. */
  private static final ClinicalRules RULES = ClinicalRules.fromJson(new JsonObject().put("thresholds", new JsonArray())
      .put("technical", new JsonObject().put("noDataSeconds", 5).put("firstReportSeconds", 20)));

  private final RefusingDevices devices = new RefusingDevices();

  @Test
  void givenFramesReceivedAtOnce_thenTheyAreOneDeliveryAndTheIntervalBetweenDeliveriesStands() {
    devices.sentRefused("mon-1", at(0), RULES);
    devices.sentRefused("mon-1", at(15), RULES); // an HL7 message every 15 s: silent after 45 s
    devices.sentRefused("mon-1", at(15), RULES); // its second report, of another time

    assertTrue(devices.sends("mon-1", at(60), RULES));
    assertFalse(devices.sends("mon-1", at(61), RULES));
  }

  @Test
  void givenAFirstDelivery_thenItsIntervalIsTheFirstReportIntervals() {
    devices.sentRefused("mon-1", at(0), RULES);

    assertTrue(devices.sends("mon-1", at(60), RULES));
    assertFalse(devices.sends("mon-1", at(61), RULES));
  }

  /**
   * A refused message and its sender's two retries, every 15 s: each burst is one delivery, judged by the 15 s between
   * them, where its 0.2 s would give the no-data time and the next burst would find the window passed.
   */
  @Test
  void givenDeliveriesInBursts_thenEachBurstIsOneAndTheIntervalBetweenThemStands() {
    for (long burst = 0; burst <= 30_000; burst += 15_000) {
      for (long retry = 0; retry <= 400; retry += 200) {
        devices.sentRefused("mon-1", T0.plusMillis(burst + retry), RULES);
      }
    }

    assertTrue(devices.sends("mon-1", T0.plusMillis(30_400 + 45_000), RULES));
    assertFalse(devices.sends("mon-1", T0.plusMillis(30_400 + 45_001), RULES));
    assertEquals("mon-1", devices.sending(List.of("ox-7", "mon-1"), at(60), RULES));
    assertNull(devices.sending(List.of("ox-7"), at(60), RULES), "only those asked about");
  }

  /** Refused every 15 s, then silent for an hour: the next refusal starts afresh, not judged by the hour between. */
  @Test
  void givenADeliveryAfterTheWindowPassed_thenItStartsAfresh() {
    devices.sentRefused("mon-1", at(0), RULES);
    devices.sentRefused("mon-1", at(15), RULES);
    devices.sentRefused("mon-1", at(3615), RULES);

    assertTrue(devices.sends("mon-1", at(3675), RULES), "its first interval taken as the first report's, 20 s");
    assertFalse(devices.sends("mon-1", at(3676), RULES));
  }

  @Test
  void givenDevicesWrittenToAState_whenRead_thenTheyAreJudgedAlike() {
    devices.sentRefused("ox-7", at(0), RULES);
    devices.sentRefused("ox-7", at(10), RULES);
    devices.sentRefused("ox-7", at(11), RULES);
    devices.sentRefused("mon-1", at(5), RULES);
    devices.retainOnly(List.of("ox-7"));
    JsonObject state = new JsonObject();
    devices.writeTo(state);

    RefusingDevices read = RefusingDevices.fromState(new JsonObject(state.encode()));

    assertTrue(read.sends("ox-7", at(41), RULES), "three of 10 s after the latest");
    assertFalse(read.sends("ox-7", at(42), RULES));
    assertTrue(read.sentAfter("ox-7", at(10)));
    assertFalse(read.sentAfter("ox-7", at(11)));
    assertFalse(read.sends("mon-1", at(6), RULES), "forgotten: its condition ended");
  }

  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }
}
