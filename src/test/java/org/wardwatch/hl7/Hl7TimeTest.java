package org.wardwatch.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Hl7TimeTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @ParameterizedTest
  @CsvSource({
      "20261122101530+0000, 2026-11-22T10:15:30Z, false",
      "20261122101530.1+0000, 2026-11-22T10:15:30.100Z, false",
      "20261122101530.1234-0530, 2026-11-22T15:45:30.1234Z, false",
      "202611221015+0100, 2026-11-22T09:15:00Z, false",
      "20261122101530, 2026-11-22T09:15:30Z, true",
      "202611221015, 2026-11-22T09:15:00Z, true",
      "20260701120000, 2026-07-01T10:00:00Z, true"})
  void givenHl7Timestamp_whenParsed_thenInstantAndWhetherZoneAssumed(String raw, Instant expected, boolean assumed) {
    Hl7Time.Parsed parsed = Hl7Time.parse(raw, BERLIN);

    assertEquals(expected, parsed.instant());
    assertEquals(assumed, parsed.zoneAssumed());
  }

  @ParameterizedTest
  @CsvSource({
      "2026-10-25T00:30:05Z, 2026-10-25T00:30:00Z",
      "2026-10-25T01:30:05Z, 2026-10-25T01:30:00Z",
      "2026-10-25T01:29:05Z, 2026-10-25T01:30:00Z",
      "2026-10-25T01:00:30Z, 2026-10-25T00:30:00Z"})
  void givenALocalTimeOfTheHourTheClocksGoBack_whenParsed_thenItsLatestOccurrenceByWhenItWasReceived(Instant received,
      Instant expected) {
    assertEquals(expected, Hl7Time.parse("20261025023000", BERLIN, received).instant(), "02:30 is 00:30Z or 01:30Z");
    assertEquals(Instant.parse("2026-10-25T00:30:00Z"), Hl7Time.parse("20261025023000", BERLIN).instant(),
        "the earlier offset when nothing is expected");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2026", "20261122", "2026112210", "20261122101530.12345", "20261122101530+01",
      "20261322101530", "20260230101530", "20261122246000", "20261122101530+1900", "2026-11-22T10:15:30Z",
      "20261122101530Z", "abcdefghijkl"})
  void givenInvalidTimestamp_whenParsed_thenRejected(String raw) {
    assertThrows(IllegalArgumentException.class, () -> Hl7Time.parse(raw, BERLIN));
  }

  @ParameterizedTest
  @CsvSource({"2026-11-22T09:15:30.250Z, Europe/Berlin, 20261122101530.250+0100",
      "2026-11-22T09:15:30Z, UTC, 20261122091530.000+0000"})
  void givenInstant_whenFormatted_thenHl7TimestampWithOffset(Instant instant, ZoneId zone, String expected) {
    assertEquals(expected, Hl7Time.format(instant, zone));
    assertEquals(instant, Hl7Time.parse(expected, ZoneId.of("Asia/Tokyo")).instant());
  }
}
