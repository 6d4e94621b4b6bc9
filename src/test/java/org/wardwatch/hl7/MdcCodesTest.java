package org.wardwatch.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

class MdcCodesTest {

  @ParameterizedTest
  @CsvSource({
      "147842, MDC, PULSE, 147842", "149530, MDC, PULSE, 149530", "149546, MDC, PULSE, 149546",
      "149514, MDC, PULSE, 149514", "150456, MDC, SPO2, 150456", "151562, MDC, RESP_RATE, 151562",
      "151578, MDC, RESP_RATE, 151578", "151570, MDC, RESP_RATE, 151570", "151594, MDC, RESP_RATE, 151594",
      "150021, MDC, BP_SYSTOLIC, 150021", "150022, MDC, BP_DIASTOLIC, 150022", "150033, MDC, ART_SYSTOLIC, 150033",
      "150034, MDC, ART_DIASTOLIC, 150034", "150023, MDC, BP_MEAN, 150023", "150035, MDC, ART_MEAN, 150035",
      "8478-0, LN, BP_MEAN, 150023", "150364, MDC, TEMPERATURE, 150364", "150344, MDC, TEMPERATURE, 150344",
      "188452, MDC, TEMPERATURE, 188452", "188424, MDC, TEMPERATURE, 188424", "150392, MDC, TEMPERATURE, 150392",
      "150368, MDC, TEMPERATURE, 150368", "150456, '', SPO2, 150456",
      "8867-4, LN, PULSE, 149514", "59408-5, LN, SPO2, 150456", "9279-1, LN, RESP_RATE, 151562",
      "8480-6, LN, BP_SYSTOLIC, 150021", "8462-4, LN, BP_DIASTOLIC, 150022", "8310-5, LN, TEMPERATURE, 150364",
      "8310-5, '', TEMPERATURE, 150364"})
  void givenKnownCode_whenLookedUp_thenParameterAndRecordedMdcCode(String code, String system, Parameter parameter,
      int mdc) {
    assertEquals(new MdcCodes.Mapping(parameter, mdc), MdcCodes.lookup(code, system).orElseThrow());
  }

  @ParameterizedTest
  @CsvSource({"150025, MDC", "8867-4, MDC", "150456, LN", "150456, SNOMED", "999999, MDC", "'', MDC"})
  void givenUnknownCodeOrWrongSystem_whenLookedUp_thenEmpty(String code, String system) {
    assertTrue(MdcCodes.lookup(code, system).isEmpty());
  }

  @ParameterizedTest
  @CsvSource({
      "PULSE, 264864, MDC_DIM_BEAT_PER_MIN", "PULSE, /min, ''", "PULSE, '', MDC_DIM_BEAT_PER_MIN",
      "RESP_RATE, 264928, MDC_DIM_RESP_PER_MIN", "RESP_RATE, /min, ''", "SPO2, 262688, MDC_DIM_PERCENT",
      "SPO2, %, ''", "BP_SYSTOLIC, 266016, MDC_DIM_MMHG", "BP_DIASTOLIC, mm[Hg], ''",
      "TEMPERATURE, 268192, MDC_DIM_DEGC", "TEMPERATURE, Cel, ''"})
  void givenParametersUnit_whenMatched_thenAccepted(Parameter parameter, String identifier, String text) {
    assertTrue(MdcCodes.unitMatches(parameter, identifier, text));
  }

  @ParameterizedTest
  @CsvSource({
      "TEMPERATURE, 266560, MDC_DIM_FAHR", "TEMPERATURE, [degF], ''", "TEMPERATURE, cel, ''",
      "BP_SYSTOLIC, 268096, MDC_DIM_KILO_PA", "BP_SYSTOLIC, kPa, ''", "SPO2, 264864, MDC_DIM_PERCENT",
      "PULSE, 264928, MDC_DIM_BEAT_PER_MIN", "PULSE, '', ''", "PULSE, '', beats"})
  void givenOtherUnit_whenMatched_thenRefused(Parameter parameter, String identifier, String text) {
    assertFalse(MdcCodes.unitMatches(parameter, identifier, text));
  }

  @ParameterizedTest
  @CsvSource({
      "150344, 268192^MDC_DIM_DEGC^MDC, 36.84, TEMPERATURE, 36.8",
      "188452, Cel^^UCUM, 36.85, TEMPERATURE, 36.9",
      "150033, 266016^MDC_DIM_MMHG^MDC, 119.5, ART_SYSTOLIC, 120",
      "151594, 264928^MDC_DIM_RESP_PER_MIN^MDC, 12.4, RESP_RATE, 12",
      "149546, 264864^MDC_DIM_BEAT_PER_MIN^MDC, 60, PULSE, 60"})
  void givenCodeInAMessage_whenDecoded_thenMappedAndRoundedHalfUp(String code, String unit, String value,
      Parameter parameter, String charted) throws Exception {
    String text = Hl7Fixtures.message("MSH|^~\\&|Mon1||||||ORU^R01^ORU_R01|C1|P|2.6", "OBR|1",
        "OBX|1|NM|" + code + "^^MDC|1.1.1.1|" + value + "|" + unit + "|||||R");

    Observation observation = new Pcd01Decoder(ZoneOffset.UTC).decode(text, Instant.EPOCH).observations().get(0);

    assertEquals(parameter, observation.parameter());
    assertEquals(Integer.parseInt(code), observation.mdcCode());
    assertEquals(new BigDecimal(charted), observation.value());
  }

  @Test
  void givenCuffAndArterialPressuresAtOneTime_whenDecoded_thenEachChartedAsItsOwnParameters() throws Exception {
    String text = Hl7Fixtures.message(Hl7Fixtures.MSH, Hl7Fixtures.OBR,
        "OBX|1|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC|1.4.1.1|131|266016^MDC_DIM_MMHG^MDC|||||R",
        "OBX|2|NM|150022^MDC_PRESS_BLD_NONINV_DIA^MDC|1.4.1.2|79|266016^MDC_DIM_MMHG^MDC|||||R",
        "OBX|3|NM|150033^MDC_PRESS_BLD_ART_SYS^MDC|1.3.1.2|118|mm[Hg]^mm[Hg]^UCUM|||||R",
        "OBX|4|NM|150034^MDC_PRESS_BLD_ART_DIA^MDC|1.3.1.3|72|mm[Hg]^mm[Hg]^UCUM|||||R");

    List<Observation> observations = new Pcd01Decoder(ZoneOffset.UTC).decode(text, Hl7Fixtures.RECEIVED)
        .observations();

    assertEquals(List.of(Parameter.BP_SYSTOLIC, Parameter.BP_DIASTOLIC, Parameter.ART_SYSTOLIC,
        Parameter.ART_DIASTOLIC), observations.stream().map(Observation::parameter).toList(), "none passed over");
    assertEquals(List.of(131, 79, 118, 72), observations.stream().map(o -> o.value().intValue()).toList());
  }

  @Test
  void givenArterialDiastolicNotBelowItsSystolic_whenDecoded_thenContentErrorNamingTheArterialPressure() {
    String text = Hl7Fixtures.message(Hl7Fixtures.MSH, Hl7Fixtures.OBR,
        "OBX|1|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC|1.4.1.1|131|266016^MDC_DIM_MMHG^MDC|||||R",
        "OBX|2|NM|150034^MDC_PRESS_BLD_ART_DIA^MDC|1.3.1.3|90|266016^MDC_DIM_MMHG^MDC|||||R",
        "OBX|3|NM|150033^MDC_PRESS_BLD_ART_SYS^MDC|1.3.1.2|85|266016^MDC_DIM_MMHG^MDC|||||R");

    Hl7ContentException e = assertThrows(Hl7ContentException.class,
        () -> new Pcd01Decoder(ZoneOffset.UTC).decode(text, Hl7Fixtures.RECEIVED));

    assertEquals("Arterial blood pressure 85/90 at 2026-11-22T10:14:00Z is implausible: diastolic must be below"
        + " systolic", e.getMessage(), "the cuff's 131 is another measurement");
  }
}
