package org.wardwatch.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wardwatch.model.DeviceIdentity;

/**
 * Frames the line decoder refuses, each whole, for who they are from or when: no identity without a {@code HELLO}, a
 * {@code HELLO} without a device or carrying vitals, a device, patient, bed or ward that is malformed or too long, and
 * a bad {@code Seq} (not echoed) or {@code Ts} (not ISO with an offset, outside the years 1 to 9999, or more than a
 * minute ahead of the gateway).
 */
class LineFrameMetadataRejectionTest extends LineFrameRejectionFixture {

  @Test
  void givenNoSessionAndNoDeviceKey_whenDecoded_thenRejectedAskingForHello() {
    MalformedFrameException e = assertThrows(MalformedFrameException.class,
        () -> decoder.decode("Seq=2|Patient=P1|Pulse=82", DeviceIdentity.UNKNOWN, null, RECEIVED));

    assertTrue(e.getMessage().contains("no device identity"), e::getMessage);
    assertTrue(e.getMessage().contains("HELLO|Device="), e::getMessage);
    assertEquals("2", e.sequence());
  }

  @Test
  void givenHelloWithoutDevice_whenDecoded_thenRejectedAskingForDevice() {
    MalformedFrameException e = assertThrows(MalformedFrameException.class,
        () -> decoder.decode("HELLO|Patient=P1|Seq=1", SESSION, null, RECEIVED));

    assertTrue(e.getMessage().contains("HELLO needs Device="), e::getMessage);
    assertEquals("1", e.sequence());
  }

  @ParameterizedTest
  @ValueSource(strings = {"HELLO|Device=mon-7|Pulse=82|Seq=1", "HELLO|Device=mon-7|BP=120/80|Seq=1"})
  void givenHelloCarryingVitals_whenDecoded_thenRejectedAsIdentityOnly(String line) {
    MalformedFrameException e = rejected(line);

    assertTrue(e.getMessage().contains("HELLO carries identity only"), e::getMessage);
    assertEquals("1", e.sequence());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "1.5", "abc", "", "1234567890123456789", "+3", "0x1"})
  void givenBadSeq_whenDecoded_thenRejectedAndSeqNotEchoed(String raw) {
    MalformedFrameException e = rejected("Pulse=82|Seq=" + raw);

    String phrase = raw.isEmpty() ? "Seq has no value" : raw.length() > 18 ? "Seq '" + raw + "' has more than 18 digits"
        : "Seq '" + raw + "' is not a non-negative whole number";
    assertTrue(e.getMessage().contains(phrase), e::getMessage);
    assertNull(e.sequence());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-22T10:15:30", "2026-11-22", "yesterday", "1700000000", "2026-13-40T10:15:30Z"})
  void givenBadTs_whenDecoded_thenRejectedAskingForIsoTimeWithOffset(String raw) {
    MalformedFrameException e = rejected("Seq=12|Pulse=82|Ts=" + raw);

    assertTrue(e.getMessage().contains("ISO-8601 time with offset"), e::getMessage);
    assertEquals("12", e.sequence());
  }

  @ParameterizedTest
  @ValueSource(strings = {"+300000000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"})
  void givenTsOutsideTheYears1To9999_whenDecoded_thenRejected(String raw) {
    MalformedFrameException e = rejected("Seq=13|Pulse=82|Ts=" + raw);

    assertTrue(e.getMessage().contains("outside the years 0001 to 9999"), e::getMessage);
    assertEquals("13", e.sequence());
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "2026-11-22T10:16:32Z; is at least 61 seconds ahead of the gateway's clock",
      "2026-11-22T12:30:00+01:00; is at least 74 minutes ahead",
      "2026-11-22T14:15:31Z; is at least 4 hours ahead",
      "2027-01-01T00:00:00Z; is at least 39 days ahead"})
  void givenTsMoreThanAMinuteAheadOfTheGateway_whenDecoded_thenRejectedSayingHowFar(String raw, String phrase) {
    MalformedFrameException e = rejected("Seq=14|Pulse=82|Ts=" + raw);

    assertTrue(e.getMessage().contains(phrase), e::getMessage);
    assertTrue(e.getMessage().contains("at most 60 seconds is accepted"), e::getMessage);
    assertEquals("14", e.sequence());
  }

  @ParameterizedTest
  @ValueSource(strings = {"mon 7", "mon/7", "mön-7", "mon#7", "mon,7", ".", ".."}) // the dots: a URL path's steps
  void givenInvalidDeviceId_whenDecoded_thenRejectedWithAllowedCharacters(String device) {
    MalformedFrameException e = rejected("Seq=14|Pulse=82|Device=" + device);

    assertTrue(e.getMessage().contains("is invalid: use 1-64 letters"), e::getMessage);
  }

  @Test
  void givenDeviceIdOf65Characters_whenDecoded_thenRejected() {
    MalformedFrameException e = rejected("Seq=14|Pulse=82|Device=" + "d".repeat(65));

    assertTrue(e.getMessage().startsWith("Device '"), e::getMessage);
    assertTrue(e.getMessage().contains("is invalid: use 1-64 letters"), e::getMessage);
    assertEquals("14", e.sequence());
  }

  @ParameterizedTest
  @CsvSource({"Patient, P 1", "Bed, bed 1"})
  void givenInvalidPatientOrBed_whenDecoded_thenRejectedNamingTheKey(String key, String value) {
    MalformedFrameException e = rejected("Seq=15|Pulse=82|" + key + "=" + value);

    assertTrue(e.getMessage().startsWith(key + " '" + value + "' is invalid"), e::getMessage);
    assertEquals("15", e.sequence());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.b", "icu:1", "icu 1", "ward/1"})
  void givenInvalidWard_whenDecoded_thenRejectedWithAllowedCharacters(String ward) {
    MalformedFrameException e = rejected("Seq=16|Pulse=82|Ward=" + ward);

    assertTrue(e.getMessage().contains("Ward '" + ward + "' is invalid: use 1-32 letters"), e::getMessage);
    assertEquals("16", e.sequence());
  }

  @Test
  void givenWardOf33Characters_whenDecoded_thenRejected() {
    MalformedFrameException e = rejected("Pulse=82|Ward=" + "w".repeat(33));

    assertTrue(e.getMessage().contains("is invalid: use 1-32 letters"), e::getMessage);
  }
}
