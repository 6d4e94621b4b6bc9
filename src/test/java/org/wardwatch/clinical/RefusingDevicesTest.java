package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How long a device is taken to send frames with values refused: three of its intervals between deliveries (the
 * longest of its last four), at least the no-data time, the first taken as the first-report interval, as the no-data
 * alarm judges a parameter; frames received at once are one delivery; remembered while such a window can reach back;
 * kept in a patient's stored state.
 */
class RefusingDevicesTest {

  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  /** No data after 5 s; a first report's interval taken as 20 s; no window longer than ten minutes. */
  private static final ClinicalRules RULES = ClinicalRules.fromJson(new JsonObject().put("thresholds", new JsonArray())
      .put("technical", new JsonObject().put("noDataSeconds", 5).put("firstReportSeconds", 20)
          .put("maxNoDataSeconds", 600)));
  /** As long as a window of these rules may last. */
  private static final Duration REMEMBERED = Duration.ofMinutes(10);

  private final RefusingDevices devices = new RefusingDevices();

  @Test
  void givenFramesReceivedAtOnce_thenTheyAreOneDeliveryAndTheIntervalBetweenDeliveriesStands() {
    devices.sentRefused("mon-1", at(0), REMEMBERED);
    devices.sentRefused("mon-1", at(15), REMEMBERED); // an HL7 message every 15 s: silent after 45 s
    devices.sentRefused("mon-1", at(15), REMEMBERED); // its second report, of another time

    assertTrue(devices.sends("mon-1", at(60), RULES));
    assertFalse(devices.sends("mon-1", at(61), RULES));
  }

  @Test
  void givenAFirstDelivery_thenItsIntervalIsTheFirstReportIntervals() {
    devices.sentRefused("mon-1", at(0), REMEMBERED);

    assertTrue(devices.sends("mon-1", at(60), RULES));
    assertFalse(devices.sends("mon-1", at(61), RULES));
  }

  /**
   * A refused message and its sender's two retries, every 15 s: judged by the 15 s between them, the longest of the
   * last four intervals, where the 0.2 s between the retries would give the no-data time.
   */
  @Test
  void givenDeliveriesInBursts_thenTheLongestOfTheLastFourIntervalsStands() {
    for (long burst = 0; burst <= 30_000; burst += 15_000) {
      for (long retry = 0; retry <= 400; retry += 200) {
        devices.sentRefused("mon-1", T0.plusMillis(burst + retry), REMEMBERED);
      }
    }

    assertTrue(devices.sends("mon-1", T0.plusMillis(30_400 + 43_800), RULES), "three of 14.6 s after the last");
    assertFalse(devices.sends("mon-1", T0.plusMillis(30_400 + 43_801), RULES));
    assertEquals("mon-1", devices.sending(List.of("ox-7", "mon-1"), at(60), RULES));
    assertNull(devices.sending(List.of("ox-7"), at(60), RULES), "only those asked about");
  }

  /**
   * A refusal minutes after the last is judged as a parameter's silence is: 8 minutes after, by those minutes, up to
   * the cap of ten; 11 minutes after, past the longest window, as a first delivery, its interval the first report's.
   */
  @ParameterizedTest(name = "refused again at {0} s: sending until {1} s")
  @CsvSource({"480, 1080", "660, 720"})
  void givenADeliveryLongAfterTheLast_thenItsIntervalStandsUpToTheCapAndPastItItIsAFirst(long again, long until) {
    devices.sentRefused("mon-1", at(0), REMEMBERED);
    devices.sentRefused("mon-1", at(again), REMEMBERED);

    assertTrue(devices.sends("mon-1", at(until), RULES));
    assertFalse(devices.sends("mon-1", at(until + 1), RULES));
  }

  /** A frame of the device recorded whole: its refused frames so far are forgotten. */
  @Test
  void givenAFrameRecordedWhole_thenItsRefusedFramesAreForgotten() {
    devices.sentRefused("mon-1", at(0), REMEMBERED);
    devices.recordedWhole("mon-1");

    assertTrue(devices.isEmpty());
  }

  /** A device whose condition ended is remembered while a window can reach back; one whose condition stands, always. */
  @Test
  void givenDevicesWhoseConditionEnded_thenForgottenOnceTheirLatestIsOlderThanTheCutoff() {
    devices.sentRefused("mon-1", at(0), REMEMBERED);
    devices.sentRefused("ox-7", at(10), REMEMBERED);
    devices.sentRefused("temp-3", at(0), REMEMBERED);

    devices.forget(List.of("temp-3"), at(5));

    assertFalse(devices.sentAfter("mon-1", at(-1)), "its latest came before the cutoff");
    assertTrue(devices.sentAfter("ox-7", at(9)));
    assertTrue(devices.sentAfter("temp-3", at(-1)), "its condition stands");
  }

  @Test
  void givenDevicesWrittenToAState_whenRead_thenTheyAreJudgedAlike() {
    IntStream.of(0, 1, 2, 12, 13, 14).forEach(second -> devices.sentRefused("ox-7", at(second), REMEMBERED));
    JsonObject state = new JsonObject();
    devices.writeTo(state);

    RefusingDevices read = RefusingDevices.fromState(new JsonObject(state.encode()));

    assertEquals(5, state.getJsonObject("sendingRefused").getJsonArray("ox-7").size(), "the last five kept");
    assertTrue(read.sends("ox-7", at(44), RULES), "three of 10 s after the latest");
    assertFalse(read.sends("ox-7", at(45), RULES));
    assertTrue(read.sentAfter("ox-7", at(13)));
    assertFalse(read.sentAfter("ox-7", at(14)));
    JsonArray six = new JsonArray(IntStream.range(0, 6).mapToObj(second -> at(second).toString()).toList());
    assertThrows(IllegalArgumentException.class, () -> RefusingDevices.fromState(new JsonObject()
        .put("sendingRefused", new JsonObject().put("ox-7", six))));
  }

  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }
}
