package org.wardwatch.parsing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

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

/**
 * Frames the line decoder accepts, and what it makes of them: normalised observations, identity from the session or
 * the frame, {@code HELLO}, key spellings, trimming, rounding, values at the hard limits, soft-range flags. Its
 * refusals are in {@link LineFrameRejectionTest} and {@link LineFrameMetadataRejectionTest}.
 */
class LineFrameDecoderTest {

  static final Instant RECEIVED = Instant.parse("2026-11-22T10:15:31Z");
  static final DeviceIdentity SESSION = new DeviceIdentity("mon-7", "P123", "12", "icu");

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
  @ValueSource(strings = {"2026-11-22T10:16:31Z", "2026-11-22T10:15:31Z", "2026-11-19T10:15:31Z",
      "2001-01-01T00:00:00Z"})
  void givenTsAtMostAMinuteAheadOrInThePast_whenDecoded_thenKeptAsTheDevicesTime(String raw) throws Exception {
    Observation observation = single("Pulse=82|Ts=" + raw);

    assertEquals(Instant.parse(raw), observation.deviceTime(), "a monitor may forward what it measured earlier");
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
        DeviceIdentity.UNKNOWN, null, RECEIVED);

    DecodedFrame.Hello hello = assertInstanceOf(DecodedFrame.Hello.class, decoded);
    assertEquals(new DeviceIdentity("mon-7", "P123", "12", "icu"), hello.identity());
    assertEquals("1", hello.sequence());
    assertEquals(List.of(), hello.unknownKeys());
  }

  @Test
  void givenLowerCaseHelloWithOnlyDevice_whenDecoded_thenOtherPartsAbsent() throws Exception {
    DecodedFrame decoded = decoder.decode("hello|Device=mon-7", SESSION, null, RECEIVED);

    DecodedFrame.Hello hello = assertInstanceOf(DecodedFrame.Hello.class, decoded);
    assertEquals(new DeviceIdentity("mon-7", null, null, null), hello.identity());
  }

  @Test
  void givenHelloWithUnknownKey_whenDecoded_thenKeyReportedButAccepted() throws Exception {
    DecodedFrame decoded = decoder.decode("HELLO|Device=mon-7|Firmware=2.1", DeviceIdentity.UNKNOWN, null, RECEIVED);

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

  @Test
  void givenLargestSeq_whenDecoded_thenAccepted() throws Exception {
    assertEquals("999999999999999999", measurements("Pulse=82|Seq=999999999999999999").sequence());
  }

  @Test
  void givenTabBetweenFields_whenDecoded_thenTreatedAsWhitespace() throws Exception {
    assertEquals(new BigDecimal("82"), single("Pulse=\t82").value());
  }

  @Test
  void givenDeviceIdOf64PermittedCharacters_whenDecoded_thenAccepted() throws Exception {
    String device = "Aa0._:-".repeat(9) + "d";

    assertEquals(device, decodeMeasurements("Pulse=82|Device=" + device, DeviceIdentity.UNKNOWN).source().device());
  }

  @Test
  void givenWardOf32Characters_whenDecoded_thenAccepted() throws Exception {
    String ward = "W_-9".repeat(8);

    assertEquals(ward, measurements("Pulse=82|Ward=" + ward).source().ward());
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

  private DecodedFrame.Measurements measurements(String line) throws MalformedFrameException {
    return decodeMeasurements(line, SESSION);
  }

  private DecodedFrame.Measurements decodeMeasurements(String line, DeviceIdentity session)
      throws MalformedFrameException {
    return assertInstanceOf(DecodedFrame.Measurements.class, decoder.decode(line, session, null, RECEIVED));
  }

  private Observation single(String line) throws MalformedFrameException {
    List<Observation> observations = measurements(line).observations();
    assertEquals(1, observations.size(), () -> "observations of " + line);
    return observations.get(0);
  }

  static void assertObservation(Observation observation, Parameter parameter, String value, String unit,
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
