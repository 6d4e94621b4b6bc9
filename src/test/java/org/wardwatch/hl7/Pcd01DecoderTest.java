package org.wardwatch.hl7;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.hl7.Hl7Fixtures.fixture;
import static org.wardwatch.hl7.Hl7Fixtures.message;
import static org.wardwatch.hl7.Hl7Fixtures.MSH;
import static org.wardwatch.hl7.Hl7Fixtures.RECEIVED;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

class Pcd01DecoderTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private final Pcd01Decoder decoder = new Pcd01Decoder(BERLIN);

  @Test
  void givenPcd01Vitals_whenDecoded_thenEveryParameterMappedWithUnitsCodesAndRounding() throws Exception {
    Hl7Message message = decoder.decode(fixture("pcd01-vitals.hl7"), RECEIVED);

    List<Observation> observations = message.observations();
    assertEquals(7, observations.size());
    assertObservation(find(observations, Parameter.SPO2), "97", "%", 150456);
    assertObservation(find(observations, Parameter.RESP_RATE), "16", "/min", 151562);
    assertObservation(find(observations, Parameter.BP_SYSTOLIC), "122", "mm[Hg]", 150021);
    assertObservation(find(observations, Parameter.BP_DIASTOLIC), "79", "mm[Hg]", 150022);
    assertObservation(find(observations, Parameter.BP_MEAN), "93", "mm[Hg]", 150023);
    assertObservation(find(observations, Parameter.TEMPERATURE), "37.3", "Cel", 150364);
    assertObservation(find(observations, Parameter.PULSE), "72", "/min", 147842);
    assertTrue(observations.stream().noneMatch(Observation::questionable));
    assertTrue(observations.stream().allMatch(o -> o.gatewayTime().equals(RECEIVED) && o.sequence() == null));
  }

  @Test
  void givenPcd01Vitals_whenDecoded_thenIdentityFromObx18OnDeviceRowAndPv1() throws Exception {
    Hl7Message message = decoder.decode(fixture("pcd01-vitals.hl7"), RECEIVED);

    DeviceIdentity expected = new DeviceIdentity("0011223344556677", "P123456", "12-3", "ICU");
    assertEquals(expected, message.source());
    assertTrue(message.reports().stream().allMatch(r -> r.source().equals(expected)));
    assertTrue(message.observations().stream().allMatch(o -> o.source().equals(expected)));
    assertEquals("VIT0001", message.header().controlId());
    assertEquals("ORU^R01", message.header().messageType());
    assertEquals("WWMon^0011223344556677^EUI-64", message.header().sendingApplication());
  }

  @ParameterizedTest(name = "PV1-3 {0}")
  @CsvSource(delimiter = ';', value = {"3 WEST ICU^3001^1; 3-WEST-ICU; 3001-1",
      "ICU  East^Room 12^Bed 3; ICU-East; Room-12-Bed-3", "' CCU ^ 4 '; CCU; 4"})
  void givenALocationNamedWithSpaces_whenDecoded_thenEachRunOfThemIsADash(String pv1, String ward, String bed)
      throws Exception {
    String text = message(MSH, "PID|||PAT-1^^^H^MR", "PV1||I|" + pv1, "OBR|1", Hl7Fixtures.SPO2);

    DeviceIdentity source = decoder.decode(text, RECEIVED).source();

    assertEquals(ward, source.ward(), "a unit as a monitoring gateway names it is a ward, not a refused message");
    assertEquals(bed, source.bed());
  }

  @Test
  void givenObx14OnOneRow_whenDecoded_thenOneReportPerDistinctTimeInTimeOrder() throws Exception {
    Hl7Message message = decoder.decode(fixture("pcd01-vitals.hl7"), RECEIVED);

    assertEquals(2, message.reports().size());
    FrameReport first = message.reports().get(0);
    FrameReport second = message.reports().get(1);
    assertEquals(Instant.parse("2026-11-22T09:14:00Z"), first.time());
    assertEquals(List.of(Parameter.SPO2, Parameter.RESP_RATE, Parameter.BP_SYSTOLIC, Parameter.BP_DIASTOLIC,
        Parameter.BP_MEAN, Parameter.TEMPERATURE), first.observations().stream().map(Observation::parameter).toList());
    assertTrue(first.observations().stream().allMatch(o -> o.deviceTime().equals(first.time())));
    assertEquals(Instant.parse("2026-11-22T09:14:30Z"), second.time());
    assertEquals(Parameter.PULSE, second.observations().get(0).parameter());
    assertEquals(second.time(), second.observations().get(0).deviceTime());
  }

  @Test
  void givenDeviceRows_whenDecoded_thenSilentlySkipped() throws Exception {
    assertEquals(List.of(), decoder.decode(fixture("pcd01-vitals.hl7"), RECEIVED).warnings());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\r", "\n", "\r\n"})
  void givenAnySegmentEnding_whenDecoded_thenSameResult(String ending) throws Exception {
    Hl7Message expected = decoder.decode(fixture("pcd01-vitals.hl7"), RECEIVED);

    String text = fixture("pcd01-vitals.hl7").replace("\r", ending) + ending;
    Hl7Message actual = decoder.decode(text, RECEIVED);

    assertEquals(expected.reports(), actual.reports());
    assertEquals(expected.header(), actual.header());
  }

  @Test
  void givenLoincCodesAndUcumUnits_whenDecoded_thenMappedWithDefaultMdcCodes() throws Exception {
    Hl7Message message = decoder.decode(fixture("pcd01-loinc-ucum.hl7"), RECEIVED);

    List<Observation> observations = message.observations();
    assertEquals(7, observations.size());
    assertObservation(find(observations, Parameter.PULSE), "88", "/min", Parameter.PULSE.mdcCode());
    assertObservation(find(observations, Parameter.SPO2), "95", "%", 150456);
    assertObservation(find(observations, Parameter.RESP_RATE), "18", "/min", 151562);
    assertObservation(find(observations, Parameter.BP_SYSTOLIC), "132", "mm[Hg]", 150021);
    assertObservation(find(observations, Parameter.BP_DIASTOLIC), "84", "mm[Hg]", 150022);
    assertObservation(find(observations, Parameter.TEMPERATURE), "36.8", "Cel", 150364);
    assertEquals(Instant.parse("2026-11-22T09:29:00Z"), message.reports().get(0).time());
    assertEquals(new DeviceIdentity("BedsideHub", "MRN-77", "B2", "WARD7"), message.source());
    String warnings = String.join("\n", message.warnings());
    assertFalse(warnings.contains("8478-0"), warnings);
    assertTrue(warnings.contains("2339-0"), warnings);
    assertEquals(Parameter.BP_MEAN.mdcCode(), find(observations, Parameter.BP_MEAN).mdcCode());
  }

  @Test
  void givenStatusesAndFlags_whenDecoded_thenOnlyUsableRowsKeptAndSkipsCounted() throws Exception {
    Hl7Message message = decoder.decode(fixture("pcd01-flags.hl7"), RECEIVED);

    assertEquals(1, message.reports().size());
    FrameReport report = message.reports().get(0);
    assertEquals(1, report.observations().size());
    assertObservation(report.observations().get(0), Parameter.PULSE, "131", "/min", 147842);
    assertEquals(Set.of(Parameter.SPO2), report.sensorsOff());
    String warnings = String.join("\n", message.warnings());
    assertTrue(warnings.contains("2 OBX dropped for result status") && warnings.contains("OBX 2 (X)")
        && warnings.contains("OBX 3 (D)"), warnings);
    assertTrue(warnings.contains("4 OBX skipped for their flags") && warnings.contains("OBX 4 (INV)")
        && warnings.contains("OBX 5 (DEMO)") && warnings.contains("OBX 6 (TEST)") && warnings.contains("OBX 7 (OFF)"),
        warnings);
  }

  @ParameterizedTest
  @ValueSource(strings = {"INV", "QUES", "NAV", "CAL", "TEST", "DEMO", "inv", "L~DEMO"})
  void givenSkipFlag_whenOnlyValueFlagged_thenNoUsableVitalSign(String flags) {
    String text = flaggedSpo2(flags);

    Hl7ContentException e = assertThrows(Hl7ContentException.class, () -> decoder.decode(text, RECEIVED));
    assertEquals(ErrorCode.REQUIRED_FIELD_MISSING, e.errorCode());
  }

  @Test
  void givenOnlyOffFlag_whenDecoded_thenReportWithSensorOffAndNoValues() throws Exception {
    FrameReport report = decoder.decode(flaggedSpo2("OFF"), RECEIVED).reports().get(0);

    assertTrue(report.observations().isEmpty());
    assertEquals(Set.of(Parameter.SPO2), report.sensorsOff());
  }

  private static String flaggedSpo2(String flags) {
    return message(MSH, "OBR|1|||x|||20261122101400+0000",
        "OBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.1|97|262688^MDC_DIM_PERCENT^MDC||" + flags + "|||R",
        "OBX|2|NM|149530^MDC_PULS_OXIM_PULS_RATE^MDC|1.2.1.2|70|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||X");
  }

  @Test
  void givenNoPidAndNoOffsets_whenDecoded_thenVitalsKeptLocalZoneAssumedAndWarned() throws Exception {
    Hl7Message message = decoder.decode(fixture("pcd01-no-pid.hl7"), RECEIVED);

    assertEquals(new DeviceIdentity("AABBCCDDEEFF0011", null, "2-1", "HDU"), message.source());
    assertEquals("AABBCCDDEEFF0011@HDU:2-1", message.source().patientKey(), "without PID: the bed on its device");
    assertEquals(Instant.parse("2026-11-22T09:10:00Z"), message.reports().get(0).time());
    assertEquals(2, message.observations().size());
    assertObservation(find(message.observations(), Parameter.PULSE), "104", "/min", 149530);
    assertTrue(message.warnings().stream().anyMatch(w -> w.contains("local time Europe/Berlin assumed")),
        message.warnings().toString());
  }

  @Test
  void givenMessageStrictValidationRejects_whenDecoded_thenItsGoodNumericsAreKept() throws Exception {
    String text = fixture("pcd01-not-strictly-valid.hl7");
    assertThrows(HL7Exception.class, () -> new DefaultHapiContext().getPipeParser().parse(text));

    Hl7Message message = decoder.decode(text, RECEIVED);

    assertObservation(find(message.observations(), Parameter.PULSE), "66", "/min", 147842);
    assertObservation(find(message.observations(), Parameter.SPO2), "99", "%", 150456);
    assertEquals(Instant.parse("2026-11-22T10:15:00.1234Z"), message.reports().get(0).time());
    assertEquals(new DeviceIdentity("LegacyMon", "LEG-9", "1-A", "CCU"), message.source());
  }

  @Test
  void givenOlderVersion_whenDecoded_thenReadAsV26WithWarning() throws Exception {
    String text = fixture("pcd01-no-pid.hl7").replace("|NOPID1|P|2.6", "|NOPID1|P|2.5");

    Hl7Message message = decoder.decode(text, RECEIVED);

    assertEquals(2, message.observations().size());
    assertTrue(message.warnings().stream().anyMatch(w -> w.contains("2.5")), message.warnings().toString());
  }

  @Test
  void givenOneDecoder_whenUsedFromManyThreads_thenEveryResultIdentical() throws Exception {
    String text = fixture("pcd01-vitals.hl7");
    Hl7Message expected = decoder.decode(text, RECEIVED);

    List<Hl7Message> results = IntStream.range(0, 200).parallel().mapToObj(i -> {
      try {
        return decoder.decode(text, RECEIVED);
      } catch (Hl7Exception e) {
        throw new AssertionError(e);
      }
    }).toList();

    assertTrue(results.stream().allMatch(expected::equals));
  }

  static Observation find(List<Observation> observations, Parameter parameter) {
    return observations.stream().filter(o -> o.parameter() == parameter).findFirst()
        .orElseThrow(() -> new AssertionError("no " + parameter + " in " + observations));
  }

  static void assertObservation(Observation observation, String value, String unit, int mdc) {
    assertObservation(observation, observation.parameter(), value, unit, mdc);
  }

  static void assertObservation(Observation observation, Parameter parameter, String value, String unit, int mdc) {
    assertAll(
        () -> assertEquals(parameter, observation.parameter()),
        () -> assertEquals(new BigDecimal(value), observation.value()),
        () -> assertEquals(unit, observation.unit()),
        () -> assertEquals(mdc, observation.mdcCode()));
  }
}
