package org.wardwatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which device times a measurement may carry, and how the refusal says how far ahead one is. */
class DeviceClockTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-22T10:00:00Z");

  @ParameterizedTest
  @ValueSource(longs = {60, 1, 0, -1, -86_400, -3_000_000_000L})
  void givenTimeAtMostAMinuteAheadOrInThePast_thenBelieved(long secondsAhead) {
    assertNull(DeviceClock.tooFarAhead(RECEIVED.plusSeconds(secondsAhead), RECEIVED));
  }

  @ParameterizedTest
  @CsvSource({"61, 61 seconds", "119, 119 seconds", "120, 2 minutes", "7199, 119 minutes", "7200, 2 hours",
      "172799, 47 hours", "172800, 2 days", "315360000, 3650 days"})
  void givenTimeMoreThanAMinuteAhead_thenRefusedSayingHowFar(long secondsAhead, String howFar) {
    assertEquals("is at least " + howFar + " ahead of the gateway's clock (2026-11-22T10:00:00Z); at most 60 seconds is"
        + " accepted",
        DeviceClock.tooFarAhead(RECEIVED.plusSeconds(secondsAhead), RECEIVED));
  }

  @ParameterizedTest
  @ValueSource(longs = {60_000_001, 60_999_999})
  void givenAFractionOfASecondOverTheMinute_thenRefused(long microsAhead) {
    assertEquals("is at least 60 seconds ahead of the gateway's clock (2026-11-22T10:00:00Z); at most 60 seconds is"
        + " accepted", DeviceClock.tooFarAhead(RECEIVED.plusNanos(microsAhead * 1000), RECEIVED));
  }
}
