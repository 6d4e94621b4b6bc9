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
 * longer of the last two, at least the no-data time; frames received at once are one delivery; remembered while a
 * window can reach back to them; kept in a patient's stored state.
 */
class RefusingDevicesTest {

  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final ClinicalRules RULES = ClinicalRules.fromJson(new JsonObject().put("thresholds", new JsonArray())
      .put("technical", new JsonObject().put("noDataSeconds", 5)));

  private final RefusingDevices devices = new RefusingDevices();

  @Test
  void givenFramesReceivedAtOnce_thenTheyAreOneDeliveryAndTheIntervalBetweenDeliveriesStands() {
    devices.sentRefused("mon-1", at(0));
    devices.sentRefused("mon-1", at(60)); // an HL7 message a minute: silent after three minutes
    devices.sentRefused("mon-1", at(60)); // its second report, of another time

    assertTrue(devices.sends("mon-1", at(240), RULES));
    assertFalse(devices.sends("mon-1", at(241), RULES));
  }

  /** Two messages back to back each minute: judged by the minute between the pairs, not the moment within one. */
  @Test
  void givenDeliveriesInPairs_thenTheLongerOfTheLastTwoIntervalsStands() {
    devices.sentRefused("mon-1", at(0));
    devices.sentRefused("mon-1", at(1));
    devices.sentRefused("mon-1", at(60));
    devices.sentRefused("mon-1", at(61)); // the last interval 1 s, the one before it 59 s

    assertTrue(devices.sends("mon-1", at(61 + 177), RULES));
    assertFalse(devices.sends("mon-1", at(61 + 178), RULES));
    assertEquals("mon-1", devices.sending(List.of("ox-7", "mon-1"), at(100), RULES));
    assertNull(devices.sending(List.of("ox-7", "mon-1"), at(300), RULES));
    assertNull(devices.sending(List.of("ox-7"), at(100), RULES), "only those asked about");
  }

  /**
   * A device whose condition ended is remembered while a window can reach back to its refused frames, so that its
   * next one is judged by its intervals so far; one whose condition stands, however long ago.
   */
  @Test
  void givenDevicesWhoseConditionEnded_thenForgottenOnlyOnceTheirLatestIsOlderThanTheCutoff() {
    devices.sentRefused("mon-1", at(0));
    devices.sentRefused("ox-7", at(10));
    devices.sentRefused("temp-3", at(0));

    devices.forget(List.of("temp-3"), at(5));

    assertFalse(devices.sentAfter("mon-1", at(-1)), "its latest came before the cutoff");
    assertTrue(devices.sentAfter("ox-7", at(9)));
    assertTrue(devices.sentAfter("temp-3", at(-1)), "its condition stands");
  }

  @Test
  void givenDevicesWrittenToAState_whenRead_thenTheyAreJudgedAlike() {
    devices.sentRefused("ox-7", at(0));
    devices.sentRefused("ox-7", at(20));
    devices.sentRefused("ox-7", at(21));
    JsonObject state = new JsonObject();
    devices.writeTo(state);

    RefusingDevices read = RefusingDevices.fromState(new JsonObject(state.encode()));

    assertTrue(read.sends("ox-7", at(81), RULES), "three of 20 s after the latest");
    assertFalse(read.sends("ox-7", at(82), RULES));
    assertTrue(read.sentAfter("ox-7", at(20)));
    assertFalse(read.sentAfter("ox-7", at(21)));
  }

  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }
}
