package org.wardwatch.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

class MdcCodesTest {

  @ParameterizedTest
  @CsvSource({
      "147842, MDC, PULSE, 147842", "149530, MDC, PULSE, 149530", "149546, MDC, PULSE, 149546",
      "149514, MDC, PULSE, 149514", "149522, MDC, PULSE, 149522", "150456, MDC, SPO2, 150456",
      "151562, MDC, RESP_RATE, 151562",
      "151578, MDC, RESP_RATE, 151578", "151570, MDC, RESP_RATE, 151570", "151594, MDC, RESP_RATE, 151594",
      "150021, MDC, BP_SYSTOLIC, 150021", "150022, MDC, BP_DIASTOLIC, 150022", "150033, MDC, ART_SYSTOLIC, 150033",
      "150034, MDC, ART_DIASTOLIC, 150034", "150023, MDC, BP_MEAN, 150023", "150035, MDC, ART_MEAN, 150035",
      "150037, MDC, ART_SYSTOLIC, 150037", "150038, MDC, ART_DIASTOLIC, 150038", "150039, MDC, ART_MEAN, 150039",
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
  void givenParametersUnit_whenMatched_thenChartedAsSent(Parameter parameter, String identifier, String text) {
    assertEquals(Optional.of(MdcCodes.SentUnit.CHARTED), MdcCodes.unit(parameter, identifier, text));
  }

  @ParameterizedTest
  @CsvSource({"TEMPERATURE, 268192, MDC_DIM_FAHR", "TEMPERATURE, Cel, MDC_DIM_FAHR", "SPO2, 262688, MDC_DIM_MMHG",
      "BP_SYSTOLIC, mm[Hg], MDC_DIM_PERCENT"})
  void givenAnIdentifierWhoseMdcTextNamesAnotherKnownUnit_whenMatched_thenRefused(Parameter parameter,
      String identifier, String text) {
    assertEquals(Optional.empty(), MdcCodes.unit(parameter, identifier, text), "which one the value is in is unknown");
  }

  @Test
  void givenAnMdcTextWardWatchDoesNotKnow_whenMatched_thenTheIdentifierDecides() {
    assertEquals(Optional.of(MdcCodes.SentUnit.CHARTED), MdcCodes.unit(Parameter.TEMPERATURE, "268192",
        "MDC_DIM_DEGC_BODY"));
  }

  @ParameterizedTest
  @CsvSource({"266560, MDC_DIM_FAHR", "'', MDC_DIM_FAHR", "[degF], ''"})
  void givenATemperatureInFahrenheit_whenMatched_thenConverted(String identifier, String text) {
    assertEquals(Optional.of(MdcCodes.SentUnit.FAHRENHEIT), MdcCodes.unit(Parameter.TEMPERATURE, identifier, text));
  }

  @ParameterizedTest
  @CsvSource({"98.6, 37", "32, 0", "100.4, 38", "212, 100", "100.49, 38.05"})
  void givenDegreesFahrenheit_whenConverted_thenExactCelsius(String fahrenheit, String celsius) {
    assertEquals(0, new BigDecimal(celsius).compareTo(MdcCodes.SentUnit.FAHRENHEIT.toCharted(
        new BigDecimal(fahrenheit))));
  }

  @ParameterizedTest
  @CsvSource({
      "PULSE, [degF], ''", "TEMPERATURE, K, ''", "TEMPERATURE, cel, ''", "TEMPERATURE, [degf], ''",
      "BP_SYSTOLIC, 268096, MDC_DIM_KILO_PA", "BP_SYSTOLIC, kPa, ''", "SPO2, 264864, MDC_DIM_PERCENT",
      "PULSE, 264928, MDC_DIM_BEAT_PER_MIN", "PULSE, '', ''", "PULSE, '', beats"})
  void givenOtherUnit_whenMatched_thenRefused(Parameter parameter, String identifier, String text) {
    assertEquals(Optional.empty(), MdcCodes.unit(parameter, identifier, text));
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
}
