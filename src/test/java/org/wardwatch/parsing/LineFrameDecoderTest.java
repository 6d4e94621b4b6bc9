package org.wardwatch.parsing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

class LineFrameDecoderTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-22T10:15:31Z");
  private static final DeviceIdentity SESSION = new DeviceIdentity("mon-7", "P123", "12", "icu");

  private final LineFrameDecoder decoder = new LineFrameDecoder();

  @Test
  void givenSessionIdentity_whenClassicFrameDecoded_thenFourNormalisedObservations() throws Exception {
    DecodedFrame.Measurements frame = measurements("Temperature=37.5|Pulse=82|BP=120/80");

    List<Observation> observations = frame.observations();
    assertEquals(4, observations.size());
    assertObservation(observations.get(0), Parameter.TEMPERATURE, "37.5", "Cel", 150364);
    assertObservation(observations.get(1), Parameter.PULSE, "82", "/min", 149514);
    assertObservation(observations.get(2), Parameter.BP_SYSTOLIC, "120", "mm[Hg]", 150021);
    assertObservation(observations.get(3), Parameter.BP_DIASTOLIC, "80", "mm[Hg]", 150022);
    assertEquals(SESSION, frame.source());
    assertNull(frame.sequence());
    assertEquals(List.of(), frame.unknownKeys());
  }

  @Test
  void givenFrameWithoutTs_whenDecoded_thenGatewayTimeIsReceivedAtAndNoDeviceTime() throws Exception {
    Observation observation = measurements("Pulse=82").observations().get(0);

    assertEquals(RECEIVED, observation.gatewayTime());
    assertNull(observation.deviceTime());
    assertEquals(RECEIVED, observation.effectiveTime());
  }

  @Test
  void givenTsAndSeq_whenDecoded_thenEveryObservationCarriesDeviceTimeAndSequence() throws Exception {
    DecodedFrame.Measurements frame = measurements("Seq=42|Ts=2026-11-22T11:15:30+01:00|Pulse=82|BP=120/80");

    assertEquals("42", frame.sequence());
    for (Observation observation : frame.observations()) {
      assertEquals(Instant.parse("2026-11-22T10:15:30Z"), observation.deviceTime());
      assertEquals(RECEIVED, observation.gatewayTime());
      assertEquals(42L, observation.sequence());
    }
  }

  @ParameterizedTest
  @CsvSource({
      "Temp=37.5, TEMPERATURE, 37.5",
      "Temperature=37.5, TEMPERATURE, 37.5",
      "HR=82, PULSE, 82",
      "Pulse=82, PULSE, 82",
      "RR=16, RESP_RATE, 16",
      "Resp=16, RESP_RATE, 16",
      "SpO2=97, SPO2, 97",
      "TEMP=37.5, TEMPERATURE, 37.5",
      "hr=82, PULSE, 82",
      "pUlSe=82, PULSE, 82",
      "rESP=16, RESP_RATE, 16",
      "SPO2=97, SPO2, 97",
      "spo2=97, SPO2, 97"})
  void givenAliasOrAnyCase_whenDecoded_thenMappedToItsParameter(String field, Parameter parameter, String value)
      throws Exception {
    Observation observation = single(field);

    assertEquals(parameter, observation.parameter());
    assertEquals(new BigDecimal(value), observation.value());
  }

  @Test
  void givenIdentityAndMetadataKeysInAnyCase_whenDecoded_thenRecognised() throws Exception {
    DecodedFrame.Measurements frame = decodeMeasurements(
        "DEVICE=mon-9|patient=P9|bEd=3|WARD=cardio|SEQ=5|ts=2026-11-22T10:15:30Z|bp=120/80",
        DeviceIdentity.UNKNOWN);

    assertEquals(new DeviceIdentity("mon-9", "P9", "3", "cardio"), frame.source());
    assertEquals("5", frame.sequence());
    assertEquals(Instant.parse("2026-11-22T10:15:30Z"), frame.observations().get(0).deviceTime());
    assertEquals(List.of(), frame.unknownKeys());
  }

  @Test
  void givenSpacesAroundKeysAndValues_whenDecoded_thenTrimmed() throws Exception {
    DecodedFrame.Measurements frame = measurements(" Pulse = 82 | BP = 120 / 80 | Seq = 3 ");

    assertEquals("3", frame.sequence());
    assertEquals(new BigDecimal("82"), frame.observations().get(0).value());
    assertEquals(new BigDecimal("80"), frame.observations().get(2).value());
  }

  @Test
  void givenIdentityKeysInFrame_whenDecoded_thenTheyOverrideTheSessionForThatFrame() throws Exception {
    DecodedFrame.Measurements frame = measurements("Patient=P999|Bed=7|Pulse=82");

    DeviceIdentity expected = new DeviceIdentity("mon-7", "P999", "7", "icu");
    assertEquals(expected, frame.source());
    assertEquals(expected, frame.observations().get(0).source());
  }

  @Test
  void givenNoSessionButDeviceKey_whenDecoded_thenFrameIsAttributedToThatDevice() throws Exception {
    DecodedFrame.Measurements frame = decodeMeasurements("Device=mon-3|Pulse=82", DeviceIdentity.UNKNOWN);

    assertEquals(new DeviceIdentity("mon-3", null, null, null), frame.source());
  }

  @Test
  void givenHello_whenDecoded_thenIdentityFromDevicePatientBedWard() throws Exception {
    DecodedFrame decoded = decoder.decode("HELLO|Device=mon-7|Patient=P123|Bed=12|Ward=icu|Seq=1",
        DeviceIdentity.UNKNOWN, RECEIVED);

    DecodedFrame.Hello hello = assertInstanceOf(DecodedFrame.Hello.class, decoded);
    assertEquals(new DeviceIdentity("mon-7", "P123", "12", "icu"), hello.identity());
    assertEquals("1", hello.sequence());
    assertEquals(List.of(), hello.unknownKeys());
  }

  @Test
  void givenLowerCaseHelloWithOnlyDevice_whenDecoded_thenOtherPartsAbsent() throws Exception {
    DecodedFrame decoded = decoder.decode("hello|Device=mon-7", SESSION, RECEIVED);

    DecodedFrame.Hello hello = assertInstanceOf(DecodedFrame.Hello.class, decoded);
    assertEquals(new DeviceIdentity("mon-7", null, null, null), hello.identity());
  }

  @Test
  void givenHelloWithUnknownKey_whenDecoded_thenKeyReportedButAccepted() throws Exception {
    DecodedFrame decoded = decoder.decode("HELLO|Device=mon-7|Firmware=2.1", DeviceIdentity.UNKNOWN, RECEIVED);

    assertEquals(List.of("Firmware"), decoded.unknownKeys());
  }

  @Test
  void givenUnknownKeys_whenDecoded_thenReportedInOrderAndNotFatal() throws Exception {
    DecodedFrame.Measurements frame = measurements("Battery=80|Pulse=82|Etco2=35");

    assertEquals(List.of("Battery", "Etco2"), frame.unknownKeys());
    assertEquals(1, frame.observations().size());
  }

  @Test
  void givenEmptyFieldsBetweenPipes_whenDecoded_thenIgnored() throws Exception {
    DecodedFrame.Measurements frame = measurements("|Pulse=82||SpO2=97|");

    assertEquals(2, frame.observations().size());
  }

  @ParameterizedTest
  @CsvSource({
      "Temperature=37.45, 37.5",
      "Temperature=38.04, 38.0",
      "Temperature=38.05, 38.1",
      "Temperature=37, 37.0",
      "Temperature=36.949, 36.9"})
  void givenTemperatureWithMoreDecimals_whenDecoded_thenRoundedHalfUpToOneDecimal(String field, String expected)
      throws Exception {
    BigDecimal value = single(field).value();

    assertEquals(new BigDecimal(expected), value);
    assertEquals(1, value.scale());
  }

  @ParameterizedTest
  @CsvSource({
      "Pulse=15", "Pulse=300", "SpO2=0", "SpO2=100", "RR=0", "RR=200",
      "Temperature=0", "Temperature=0.0", "Temperature=50", "Temperature=50.0", "Temperature=50.04",
      "BP=25/10", "BP=300/250", "BP=300/10"})
  void givenValueAtAnInclusiveHardLimit_whenDecoded_thenAccepted(String field) throws Exception {
    DecodedFrame.Measurements frame = measurements(field);

    assertFalse(frame.observations().isEmpty());
  }

  @Test
  void givenApnoea_whenDecoded_thenZeroRespirationRateKept() throws Exception {
    Observation observation = single("RR=0");

    assertEquals(Parameter.RESP_RATE, observation.parameter());
    assertEquals(0, observation.value().signum());
  }

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
      "Temperature=50.05; Temperature 50.1 Cel is implausible",
      "Temperature=-0.1; Temperature -0.1 Cel is implausible",
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
      ".5", "8 2", "½", "٨٢", "0000082"})
  void givenValueThatIsNotAPlainDecimal_whenDecoded_thenRejectedAsNotANumber(String raw) {
    MalformedFrameException e = rejected("Pulse=" + raw + "|Seq=11");

    assertTrue(e.getMessage().contains("Pulse '" + raw + "' is not a number"), e::getMessage);
    assertEquals("11", e.sequence());
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
      "BP=120/80/60; must be systolic/diastolic",
      "BP=120-80; must be systolic/diastolic",
      "BP=abc/80; Systolic BP 'abc' is not a number",
      "BP=120/x; Diastolic BP 'x' is not a number",
      "BP=80/120; diastolic must be below systolic",
      "BP=120/120; diastolic must be below systolic"})
  void givenMalformedBloodPressure_whenDecoded_thenRejectedWithReason(String field, String phrase) {
    MalformedFrameException e = rejected("Seq=21|" + field);

    assertTrue(e.getMessage().contains(phrase), e::getMessage);
    assertEquals("21", e.sequence());
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
  void givenDuplicateAlias_whenDecoded_thenReasonNamesTheSecondSpellingAndSeqIsEchoed() {
    MalformedFrameException e = rejected("Seq=8|HR=80|Pulse=81");

    assertTrue(e.getMessage().startsWith("Pulse appears twice"), e::getMessage);
    assertEquals("8", e.sequence());
  }

  @Test
  void givenNoSessionAndNoDeviceKey_whenDecoded_thenRejectedAskingForHello() {
    MalformedFrameException e = assertThrows(MalformedFrameException.class,
        () -> decoder.decode("Seq=2|Patient=P1|Pulse=82", DeviceIdentity.UNKNOWN, RECEIVED));

    assertTrue(e.getMessage().contains("no device identity"), e::getMessage);
    assertTrue(e.getMessage().contains("HELLO|Device="), e::getMessage);
    assertEquals("2", e.sequence());
  }

  @Test
  void givenHelloWithoutDevice_whenDecoded_thenRejectedAskingForDevice() {
    MalformedFrameException e = assertThrows(MalformedFrameException.class,
        () -> decoder.decode("HELLO|Patient=P1|Seq=1", SESSION, RECEIVED));

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
  @ValueSource(strings = {"-1", "1.5", "abc", "", "1234567890123456789", "+3", "0x1"})
  void givenBadSeq_whenDecoded_thenRejectedAndSeqNotEchoed(String raw) {
    MalformedFrameException e = rejected("Pulse=82|Seq=" + raw);

    String phrase = raw.isEmpty() ? "Seq has no value" : "Seq '" + raw + "' is not a non-negative whole number";
    assertTrue(e.getMessage().contains(phrase), e::getMessage);
    assertNull(e.sequence());
  }

  @Test
  void givenLargestSeq_whenDecoded_thenAccepted() throws Exception {
    assertEquals("999999999999999999", measurements("Pulse=82|Seq=999999999999999999").sequence());
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

  @Test
  void givenTabBetweenFields_whenDecoded_thenTreatedAsWhitespace() throws Exception {
    assertEquals(new BigDecimal("82"), single("Pulse=\t82").value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"mon 7", "mon/7", "mön-7", "mon#7", "mon,7"})
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

  @Test
  void givenDeviceIdOf64PermittedCharacters_whenDecoded_thenAccepted() throws Exception {
    String device = "Aa0._:-".repeat(9) + "d";

    assertEquals(device, decodeMeasurements("Pulse=82|Device=" + device, DeviceIdentity.UNKNOWN).source().device());
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

  @Test
  void givenWardOf32Characters_whenDecoded_thenAccepted() throws Exception {
    String ward = "W_-9".repeat(8);

    assertEquals(ward, measurements("Pulse=82|Ward=" + ward).source().ward());
  }

  @Test
  void givenVeryLongBadValue_whenDecoded_thenReasonAbbreviatesIt() {
    MalformedFrameException e = rejected("Pulse=" + "x".repeat(500));

    assertTrue(e.getMessage().length() < 100, e::getMessage);
    assertTrue(e.getMessage().contains("..."), e::getMessage);
  }

  @ParameterizedTest
  @CsvSource({
      "Pulse=19, true", "Pulse=20, false", "Pulse=250, false", "Pulse=251, true", "Pulse=260, true",
      "SpO2=45, true", "SpO2=49, true", "SpO2=50, false", "SpO2=100, false", "SpO2=0, true",
      "RR=0, false", "RR=60, false", "RR=61, true",
      "Temperature=29.9, true", "Temperature=30.0, false", "Temperature=43.0, false", "Temperature=43.1, true",
      "Temperature=37.5, false"})
  void givenValueInsideHardRange_whenDecoded_thenQuestionableOnlyOutsideTheSoftRange(String field,
      boolean questionable) throws Exception {
    assertEquals(questionable, single(field).questionable());
  }

  @ParameterizedTest
  @CsvSource({"BP=45/30, true, false", "BP=120/80, false, false", "BP=260/155, true, true", "BP=60/15, false, true"})
  void givenBloodPressure_whenDecoded_thenEachHalfFlaggedAgainstItsOwnSoftRange(String field,
      boolean systolicQuestionable, boolean diastolicQuestionable) throws Exception {
    List<Observation> observations = measurements(field).observations();

    assertEquals(systolicQuestionable, observations.get(0).questionable());
    assertEquals(diastolicQuestionable, observations.get(1).questionable());
  }

  @Test
  void givenOneBadValueAmongGoodOnes_whenDecoded_thenWholeFrameRejected() {
    MalformedFrameException e = rejected("Seq=17|Temperature=37.5|Pulse=82|SpO2=abc");

    assertTrue(e.getMessage().contains("SpO2 'abc' is not a number"), e::getMessage);
    assertEquals("17", e.sequence());
  }

  private DecodedFrame.Measurements measurements(String line) throws MalformedFrameException {
    return decodeMeasurements(line, SESSION);
  }

  private DecodedFrame.Measurements decodeMeasurements(String line, DeviceIdentity session)
      throws MalformedFrameException {
    return assertInstanceOf(DecodedFrame.Measurements.class, decoder.decode(line, session, RECEIVED));
  }

  private Observation single(String line) throws MalformedFrameException {
    List<Observation> observations = measurements(line).observations();
    assertEquals(1, observations.size(), () -> "observations of " + line);
    return observations.get(0);
  }

  private MalformedFrameException rejected(String line) {
    return assertThrows(MalformedFrameException.class, () -> decoder.decode(line, SESSION, RECEIVED),
        () -> "expected a rejection of " + line);
  }

  private static void assertObservation(Observation observation, Parameter parameter, String value, String unit,
      int mdc) {
    assertAll(parameter.name().toLowerCase(Locale.ROOT),
        () -> assertEquals(parameter, observation.parameter()),
        () -> assertEquals(new BigDecimal(value), observation.value()),
        () -> assertEquals(unit, observation.unit()),
        () -> assertEquals(mdc, observation.mdcCode()),
        () -> assertEquals(SESSION, observation.source()),
        () -> assertEquals(RECEIVED, observation.gatewayTime()),
        () -> assertNull(observation.deviceTime()),
        () -> assertFalse(observation.questionable()));
  }
}
