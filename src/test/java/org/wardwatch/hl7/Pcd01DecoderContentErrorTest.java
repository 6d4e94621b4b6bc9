package org.wardwatch.hl7;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.hl7.Hl7Fixtures.message;
import static org.wardwatch.hl7.Hl7Fixtures.MSH;
import static org.wardwatch.hl7.Hl7Fixtures.OBR;
import static org.wardwatch.hl7.Hl7Fixtures.RECEIVED;
import static org.wardwatch.hl7.Hl7Fixtures.SPO2;

import ca.uhn.hl7v2.ErrorCode;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Messages whose content the PCD-01 decoder refuses, whole or a row at a time: numbers HL7 allows read and others
 * refused, implausible values, units not matching the parameter, vitals of the wrong type or shape, observation times
 * unreadable or ahead of receipt, a diastolic not below its own systolic, no device identity, and hostile field content
 * sanitised; a header time ahead or unreadable accepted with a warning when the observations have times.
 */
class Pcd01DecoderContentErrorTest {

  private final Pcd01Decoder decoder = new Pcd01Decoder(ZoneOffset.UTC);

  @Test
  void givenMessageCutAfterObr_whenDecoded_thenContentErrorNoUsableVital() {
    Hl7ContentException e = content(message(MSH, "PID|||P1", OBR));

    assertEquals(ErrorCode.REQUIRED_FIELD_MISSING, e.errorCode());
    assertTrue(e.getMessage().contains("No usable vital sign"), e.getMessage());
    assertEquals("C1", e.header().controlId());
  }

  @Test
  void givenMessageCutInsideObx_whenDecoded_thenContentErrorMissingUnits() {
    Hl7ContentException e = content(message(MSH, OBR, "OBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.1|9"));

    assertEquals(ErrorCode.REQUIRED_FIELD_MISSING, e.errorCode());
    assertTrue(e.getMessage().contains("units"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"37., 37.0", ".5, 0.5", "+36.9, 36.9", "036.90, 36.9"})
  void givenNumericObxInAnyFormHl7Allows_whenDecoded_thenRead(String value, String charted) throws Exception {
    String temperature = "OBX|2|NM|150364^MDC_TEMP_BODY^MDC|1.5.1.1|" + value + "|268192^MDC_DIM_DEGC^MDC|||||R";

    Hl7Message message = decoder.decode(message(MSH, OBR, temperature), RECEIVED);

    assertEquals(0, new BigDecimal(charted).compareTo(message.observations().get(0).value()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "1e2", "NaN", "Infinity", "0x10", "97,5", "9 7", "1234567", "97^1", "--97", ".", "+",
      "1.2.3"})
  void givenNumericObxThatIsNotANumber_whenDecoded_thenThatRowRefused(String value) {
    String bad = "OBX|2|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|" + value + "|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R";
    Hl7Error e = refusedRow(message(MSH, OBR, SPO2, bad));

    assertEquals(ErrorCode.DATA_TYPE_ERROR, e.errorCode());
    assertTrue(e.reason().contains("OBX 2") && e.reason().contains("not a number"), e.reason());
  }

  @ParameterizedTest
  @CsvSource({
      "150456^MDC_PULS_OXIM_SAT_O2^MDC, 100.5, 262688^MDC_DIM_PERCENT^MDC",
      "150456^MDC_PULS_OXIM_SAT_O2^MDC, -1, 262688^MDC_DIM_PERCENT^MDC",
      "147842^MDC_ECG_HEART_RATE^MDC, 301, 264864^MDC_DIM_BEAT_PER_MIN^MDC",
      "147842^MDC_ECG_HEART_RATE^MDC, 14.4, 264864^MDC_DIM_BEAT_PER_MIN^MDC",
      "151562^MDC_RESP_RATE^MDC, 201, 264928^MDC_DIM_RESP_PER_MIN^MDC",
      "151562^MDC_RESP_RATE^MDC, -.4, 264928^MDC_DIM_RESP_PER_MIN^MDC",
      "151562^MDC_RESP_RATE^MDC, -0.0, 264928^MDC_DIM_RESP_PER_MIN^MDC",
      "150456^MDC_PULS_OXIM_SAT_O2^MDC, -0, 262688^MDC_DIM_PERCENT^MDC",
      "150021^MDC_PRESS_BLD_NONINV_SYS^MDC, 301, 266016^MDC_DIM_MMHG^MDC",
      "150022^MDC_PRESS_BLD_NONINV_DIA^MDC, 9, 266016^MDC_DIM_MMHG^MDC",
      "150364^MDC_TEMP_BODY^MDC, 50.05, 268192^MDC_DIM_DEGC^MDC"})
  void givenImplausibleValue_whenDecoded_thenThatRowRefused(String code, String value, String unit) {
    String bad = "OBX|2|NM|" + code + "|1.1.1.1|" + value + "|" + unit + "|||||R";

    Hl7Error e = refusedRow(message(MSH, OBR, SPO2.replace("150456", "149530").replace("|97|", "|80|")
        .replace("262688^MDC_DIM_PERCENT", "264864^MDC_DIM_BEAT_PER_MIN"), bad));

    assertEquals(ErrorCode.DATA_TYPE_ERROR, e.errorCode());
    assertTrue(e.reason().contains("implausible"), e.reason());
  }

  @ParameterizedTest
  @CsvSource({
      "150364^MDC_TEMP_BODY^MDC, 310.2, K^^UCUM",
      "150364^MDC_TEMP_BODY^MDC, 37.2, 262688^MDC_DIM_PERCENT^MDC",
      "150021^MDC_PRESS_BLD_NONINV_SYS^MDC, 16, 268096^MDC_DIM_KILO_PA^MDC",
      "150021^MDC_PRESS_BLD_NONINV_SYS^MDC, 16, kPa^^UCUM",
      "147842^MDC_ECG_HEART_RATE^MDC, 80, 262688^MDC_DIM_PERCENT^MDC",
      "150456^MDC_PULS_OXIM_SAT_O2^MDC, 97, /min^^UCUM",
      "151562^MDC_RESP_RATE^MDC, 16, ^MDC_DIM_BEAT_PER_MIN^MDC"})
  void givenUnitNotMatchingParameter_whenDecoded_thenContentError(String code, String value,
      String unit) {
    Hl7ContentException e = content(message(MSH, OBR, "OBX|1|NM|" + code + "|1.1.1.1|" + value + "|" + unit
        + "|||||R"));

    assertEquals(ErrorCode.TABLE_VALUE_NOT_FOUND, e.errorCode());
    assertTrue(e.getMessage().contains("unit"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"97~85", "97&85", "~97"})
  void givenAVitalWithRepetitionsOrSubcomponents_whenDecoded_thenContentErrorNotTheFirstAlone(String value) {
    Hl7ContentException e = content(message(MSH, OBR, SPO2.replace("|97|", "|" + value + "|")));

    assertEquals(ErrorCode.DATA_TYPE_ERROR, e.errorCode());
    assertTrue(e.getMessage().contains("number"), e.getMessage());
  }

  @Test
  void givenMissingObx3_whenDecoded_thenThatRowRefused() {
    Hl7Error e = refusedRow(message(MSH, OBR, SPO2, "OBX|2|NM||1.1.1.1|80|264864^MDC_DIM_BEAT_PER_MIN^MDC"));

    assertEquals(ErrorCode.REQUIRED_FIELD_MISSING, e.errorCode());
    assertTrue(e.reason().contains("OBX-3"), e.reason());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = ';', value = {"ST; 97", "CWE; 97", "XYZ; 97", "SN; ^97", "SN; <^50", "SN; ^90^-^99", "ST; ''"})
  void givenVitalWithNonNumericValueType_whenDecoded_thenContentError(String type, String value) {
    String row = SPO2.replace("|NM|", "|" + type + "|").replace("|97|", "|" + value + "|");

    Hl7ContentException e = content(message(MSH, OBR, row));

    assertEquals(ErrorCode.DATA_TYPE_ERROR, e.errorCode());
    assertTrue(e.getMessage().contains("SpO2 must have value type NM (OBX-2), got " + type), e.getMessage());
  }

  @Test
  void givenVitalSentAsStructuredNumeric_whenOtherRowsGood_thenThatRowRefusedNotSkippedAsEmpty() {
    String pulse = "OBX|1|NM|149530^MDC_PULS_OXIM_PULS_RATE^MDC|1.2.1.2|70|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R";
    String sn = "OBX|2|SN|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.1|^97|%|||||R"; // OBX-5.1 is the (empty) comparator

    Hl7Error e = refusedRow(message(MSH, OBR, pulse, sn));

    assertEquals(ErrorCode.DATA_TYPE_ERROR, e.errorCode());
    assertTrue(e.reason().startsWith("OBX 2: SpO2 must have value type NM (OBX-2), got SN"), e.reason());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-22T10:00:00Z", "202611221", "20261322101500+0000", "20261122101500+2500",
      "20261122256000"})
  void givenUnreadableObservationTime_whenDecoded_thenContentError(String time) {
    assertEquals(ErrorCode.DATA_TYPE_ERROR, content(message(MSH, OBR, SPO2 + "|||" + time)).errorCode());
    assertEquals(ErrorCode.DATA_TYPE_ERROR, content(message(MSH, "OBR|1|||x|||" + time, SPO2)).errorCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"00000101000000", "00010101000000+1400"})
  void givenObservationTimeBeforeTheYearOne_whenDecoded_thenContentError(String time) {
    Hl7ContentException refused = content(message(MSH, OBR, SPO2 + "|||" + time));

    assertEquals(ErrorCode.DATA_TYPE_ERROR, refused.errorCode());
    assertTrue(refused.getMessage().contains("OBX-14 " + time + " is before the year 0001"), refused.getMessage());
  }

  @Test
  void givenObservationTimeHoursAheadOfReceipt_whenDecoded_thenContentErrorSayingHowFar() {
    Hl7ContentException inObx = content(message(MSH, OBR, SPO2 + "|||20261123030000+0000"));
    Hl7ContentException inObr = content(message(MSH, "OBR|1|||x|||20261123030000+0000", SPO2));

    assertEquals(ErrorCode.DATA_TYPE_ERROR, inObx.errorCode());
    assertTrue(inObx.getMessage().contains("OBX-14 20261123030000+0000 is at least 3 hours ahead of the gateway"),
        inObx.getMessage());
    assertTrue(inObr.getMessage().contains("OBR-7 20261123030000+0000 is at least 3 hours ahead"), inObr.getMessage());
  }

  @Test
  void givenMsh7AheadOfReceipt_whenObservationsHaveTimes_thenAcceptedWithWarning() throws Exception {
    Hl7Message message = decoder.decode(message(MSH.replace("20261122101500+0000", "20261123030000+0000"), OBR, SPO2),
        RECEIVED);

    assertEquals(1, message.observations().size());
    assertTrue(message.warnings().stream().anyMatch(w -> w.contains("MSH-7") && w.contains("ahead")),
        message.warnings().toString());
  }

  @Test
  void givenDiastolicNotBelowSystolic_whenDecoded_thenContentError() {
    Hl7ContentException e = content(message(MSH, OBR,
        "OBX|1|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC|1.4.1.1|80|266016^MDC_DIM_MMHG^MDC|||||R",
        "OBX|2|NM|150022^MDC_PRESS_BLD_NONINV_DIA^MDC|1.4.1.2|80|266016^MDC_DIM_MMHG^MDC|||||R"));

    assertTrue(e.getMessage().contains("diastolic must be below systolic"), e.getMessage());
  }

  @Test
  void givenDiastolicNotBelowASystolicStampedASecondApart_whenDecoded_thenContentErrorSayingBothTimes() {
    Hl7ContentException e = content(message(MSH, OBR,
        "OBX|1|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC|1.4.1.1|80|266016^MDC_DIM_MMHG^MDC|||||R|||20261122101400+0000",
        "OBX|2|NM|150022^MDC_PRESS_BLD_NONINV_DIA^MDC|1.4.1.2|120|266016^MDC_DIM_MMHG^MDC|||||R|||"
            + "20261122101401+0000"));

    assertEquals("Blood pressure 80/120 (systolic at 2026-11-22T10:14:00Z, diastolic at 2026-11-22T10:14:01Z) is "
        + "implausible: diastolic must be below systolic", e.getMessage());
  }

  @Test
  void givenTwoBloodPressuresAtTwoTimes_whenDecoded_thenEachDiastolicIsCheckedAgainstItsOwnSystolic() throws Exception {
    Hl7Message decoded = decoder.decode(message(MSH, OBR,
        "OBX|1|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC|1.4.1.1|100|266016^MDC_DIM_MMHG^MDC|||||R|||20261122101000+0000",
        "OBX|2|NM|150022^MDC_PRESS_BLD_NONINV_DIA^MDC|1.4.1.2|90|266016^MDC_DIM_MMHG^MDC|||||R|||20261122101000+0000",
        "OBX|3|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC|1.4.1.1|140|266016^MDC_DIM_MMHG^MDC|||||R|||20261122101400+0000",
        "OBX|4|NM|150022^MDC_PRESS_BLD_NONINV_DIA^MDC|1.4.1.2|95|266016^MDC_DIM_MMHG^MDC|||||R|||20261122101400+0000"),
        RECEIVED);

    assertEquals(2, decoded.reports().size(), "95 is below its own 140, though not below the earlier 100");
  }

  @Test
  void givenADiastolicWhoseSystolicWasSkipped_whenDecoded_thenNotJudgedAgainstAnotherMeasurementsSystolic()
      throws Exception {
    Hl7Message decoded = decoder.decode(message(MSH, OBR,
        "OBX|1|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC|1.4.1.1|100|266016^MDC_DIM_MMHG^MDC|||||R|||20261122101000+0000",
        "OBX|2|NM|150022^MDC_PRESS_BLD_NONINV_DIA^MDC|1.4.1.2|60|266016^MDC_DIM_MMHG^MDC|||||R|||20261122101000+0000",
        "OBX|3|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC|1.4.1.1|170|266016^MDC_DIM_MMHG^MDC||INV|||R|||"
            + "20261122101500+0000",
        "OBX|4|NM|150022^MDC_PRESS_BLD_NONINV_DIA^MDC|1.4.1.2|105|266016^MDC_DIM_MMHG^MDC|||||R|||20261122101500+0000"),
        RECEIVED);

    assertEquals(2, decoded.reports().size(), "105 at 10:15 is not the diastolic of 10:00's 100, a cuff cycle before");
  }

  @Test
  void givenNoDeviceIdentityAnywhere_whenDecoded_thenContentError() {
    Hl7ContentException e = content(message(MSH.replace("|Mon1|", "||"), OBR, SPO2));

    assertEquals(ErrorCode.REQUIRED_FIELD_MISSING, e.errorCode());
    assertTrue(e.getMessage().contains("device"), e.getMessage());
  }

  @Test
  void givenUnreadableMsh7_whenObservationsHaveTimes_thenAcceptedWithWarning() throws Exception {
    Hl7Message message = decoder.decode(message(MSH.replace("20261122101500+0000", "yesterday"), OBR, SPO2),
        RECEIVED);

    assertNull(message.header().messageTime());
    assertTrue(message.warnings().stream().anyMatch(w -> w.contains("MSH-7")), message.warnings().toString());
  }

  @Test
  void givenHostileFieldContent_whenDecoded_thenRefusedWithTheHeaderSanitisedAndTheValueAbbreviated() {
    String longId = "X".repeat(5000);
    String msh = MSH.replace("|C1|", "|" + longId + "\u0007|");
    Hl7ContentException e = content(message(msh, "PID|||<script>alert(1)</script>", "PV1||I|../../etc^1^2", OBR,
        SPO2));

    assertEquals(199, e.header().controlId().length());
    assertTrue(e.getMessage().startsWith("Patient (PID-3) '<script>alert(1)</sc"), e.getMessage());
    assertTrue(e.getMessage().length() < 200, e.getMessage());
  }

  /** The one row refused of {@code text}, whose other rows are recorded. */
  private Hl7Error refusedRow(String text) {
    Hl7Message message = assertDoesNotThrow(() -> decoder.decode(text, RECEIVED));
    assertEquals(1, message.refused().size(), message.refused()::toString);
    assertEquals(1, message.observations().size(), "the message's other row is recorded");
    return message.refused().get(0);
  }

  private Hl7ContentException content(String text) {
    return assertThrows(Hl7ContentException.class, () -> decoder.decode(text, RECEIVED));
  }
}
