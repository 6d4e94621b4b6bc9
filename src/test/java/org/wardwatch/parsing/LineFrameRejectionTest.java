package org.wardwatch.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Frames the line decoder refuses, each whole, for their values or fields, with a reason its device's NAK carries
 * (echoing the frame's {@code Seq} when it is well formed): values beyond the hard limits or not numbers, malformed
 * blood pressures, broken fields, duplicate keys, no vital sign, control characters, and bad values abbreviated.
 */
class LineFrameRejectionTest extends LineFrameRejectionFixture {

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "Pulse=14; Pulse 14 /min is implausible",
      "Pulse=301; Pulse 301 /min is implausible",
      "Pulse=-1; Pulse -1 /min is implausible",
      "HR=0; Pulse 0 /min is implausible",
      "SpO2=101; SpO2 101 % is implausible",
      "SpO2=-1; SpO2 -1 % is implausible",
      "RR=-1; Respiration rate -1 /min is implausible",
      "RR=201; Respiration rate 201 /min is implausible",
      "Temperature=50.1; Temperature 50.1 Cel is implausible",
      "Temperature=50.05; Temperature 50.05 Cel is implausible",
      "Temperature=-0.1; Temperature -0.1 Cel is implausible",
      "Temperature=-0.04; Temperature -0.04 Cel is implausible",
      "RR=-0.4; Respiration rate -0.4 /min is implausible",
      "SpO2=-0.4; SpO2 -0.4 % is implausible",
      "RR=-0.0; Respiration rate -0.0 /min is implausible",
      "SpO2=-0; SpO2 -0 % is implausible",
      "BP=24/10; Systolic BP 24 mm[Hg] is implausible",
      "BP=301/80; Systolic BP 301 mm[Hg] is implausible",
      "BP=120/9; Diastolic BP 9 mm[Hg] is implausible",
      "BP=300/251; Diastolic BP 251 mm[Hg] is implausible"})
  void givenValueJustBeyondAHardLimit_whenDecoded_thenRejectedNamingValueAndRange(String field, String phrase) {
    MalformedFrameException e = rejected("Seq=9|" + field);

    assertTrue(e.getMessage().contains(phrase), e::getMessage);
    assertTrue(e.getMessage().contains("accepted range"), e::getMessage);
    assertEquals("9", e.sequence());
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "37,5", "NaN", "Infinity", "-Infinity", "1e3", "0x10", "80d", "80f", "82.",
      ".5", "8 2", "½", "٨٢"})
  void givenValueThatIsNotAPlainDecimal_whenDecoded_thenRejectedAsNotANumber(String raw) {
    MalformedFrameException e = rejected("Pulse=" + raw + "|Seq=11");

    assertTrue(e.getMessage().contains("Pulse '" + raw + "' is not a number"), e::getMessage);
    assertEquals("11", e.sequence());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0000082", "1234567", "80.1234567", "-1234567.5"})
  void givenANumberWithTooManyDigits_whenDecoded_thenRejectedSayingSo(String raw) {
    MalformedFrameException e = rejected("Pulse=" + raw + "|Seq=11");

    assertTrue(e.getMessage().contains("Pulse '" + raw + "' has more than 6 digits before or after its point"),
        e::getMessage);
  }

  @Test
  void givenEmptyValue_whenDecoded_thenRejectedNamingTheKey() {
    MalformedFrameException e = rejected("Seq=4|Pulse=|SpO2=97");

    assertTrue(e.getMessage().contains("Pulse has no value"), e::getMessage);
    assertEquals("4", e.sequence());
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "BP=120; must be systolic/diastolic",
      "BP=120/; must be systolic/diastolic",
      "BP=/80; must be systolic/diastolic",
      "BP=120/80/60/50; must be systolic/diastolic or systolic/diastolic/mean",
      "BP=120-80; must be systolic/diastolic",
      "BP=abc/80; Systolic BP 'abc' is not a number",
      "BP=120/x; Diastolic BP 'x' is not a number",
      "BP=80/120; diastolic must be below systolic",
      "BP=120/120; diastolic must be below systolic",
      "BP=120.4/119.6; diastolic must be below systolic (charted as 120/120, in whole mmHg)"})
  void givenMalformedBloodPressure_whenDecoded_thenRejectedWithReason(String field, String phrase) {
    for (String frame : List.of("Seq=21|" + field, field + "|Note=5/3|Seq=21")) { // no slash of a later field counts
      MalformedFrameException e = rejected(frame);

      assertTrue(e.getMessage().contains(phrase), e::getMessage);
      assertEquals("21", e.sequence());
    }
  }

  @Test
  void givenFieldWithoutEquals_whenDecoded_thenRejectedAsExpectingKeyValue() {
    MalformedFrameException e = rejected("Seq=3|Pulse 82");

    assertTrue(e.getMessage().contains("expected Key=Value"), e::getMessage);
    assertTrue(e.getMessage().contains("Pulse 82"), e::getMessage);
    assertEquals("3", e.sequence());
  }

  @Test
  void givenFieldWithEmptyKey_whenDecoded_thenRejectedAsHavingNoKey() {
    MalformedFrameException e = rejected("Seq=3|=82");

    assertTrue(e.getMessage().contains("has no key"), e::getMessage);
    assertEquals("3", e.sequence());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Pulse=80|Pulse=81", "HR=80|Pulse=81", "Temp=37.0|Temperature=37.1", "RR=12|Resp=12",
      "BP=120/80|bp=121/80", "Pulse=80|Seq=5|Seq=6"})
  void givenKeyTwiceOrUnderTwoSpellings_whenDecoded_thenRejectedAsDuplicate(String line) {
    MalformedFrameException e = rejected(line);

    assertTrue(e.getMessage().contains("appears twice"), e::getMessage);
  }

  @Test
  void givenOnlyUnknownKeys_whenDecoded_thenRejectedNamingThem() {
    MalformedFrameException e = rejected("Seq=6|Battery=80|Etco2=35");

    assertTrue(e.getMessage().contains("no known vital sign"), e::getMessage);
    assertTrue(e.getMessage().contains("Battery, Etco2"), e::getMessage);
    assertEquals("6", e.sequence());
  }

  @Test
  void givenOnlyMetadata_whenDecoded_thenRejectedAsCarryingNoVitalSign() {
    MalformedFrameException e = rejected("Seq=6|Ts=2026-11-22T10:15:30Z");

    assertTrue(e.getMessage().contains("carries no vital sign"), e::getMessage);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0000", "\u0007", "\u001b[2J", "\r", "\u007f", "\u0001\u0002\u0003"})
  void givenControlCharactersOrBinary_whenDecoded_thenRejected(String junk) {
    MalformedFrameException e = rejected("Seq=13|Pulse=82" + junk);

    assertTrue(e.getMessage().contains("control characters"), e::getMessage);
    assertEquals("13", e.sequence());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0085", "\u009b2J"})
  void givenC1ControlCharactersInAnIgnoredField_whenDecoded_thenRejected(String junk) {
    MalformedFrameException e = rejected("Seq=13|Pulse=82|Note" + junk + "=1");

    assertTrue(e.getMessage().contains("control characters"), e::getMessage);
    assertEquals("13", e.sequence());
  }

  @ParameterizedTest
  @ValueSource(strings = {"BP=120/130", "BP=120 / 130", "BP=+120/130"})
  void givenBloodPressureNotRounded_whenRefused_thenNoChartedValuesAreQuoted(String field) {
    MalformedFrameException e = rejected("Seq=22|" + field);

    assertTrue(e.getMessage().endsWith("is implausible: diastolic must be below systolic"), e::getMessage);
  }

  @Test
  void givenDuplicateAlias_whenDecoded_thenReasonNamesTheSecondSpellingAndSeqIsEchoed() {
    MalformedFrameException e = rejected("Seq=8|HR=80|Pulse=81");

    assertTrue(e.getMessage().startsWith("Pulse appears twice"), e::getMessage);
    assertEquals("8", e.sequence());
  }

  @Test
  void givenVeryLongBadValue_whenDecoded_thenReasonAbbreviatesIt() {
    MalformedFrameException e = rejected("Pulse=" + "x".repeat(500));

    assertTrue(e.getMessage().length() < 100, e::getMessage);
    assertTrue(e.getMessage().contains("..."), e::getMessage);
  }
}
