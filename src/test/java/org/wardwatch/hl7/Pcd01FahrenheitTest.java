package org.wardwatch.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wardwatch.hl7.Hl7Fixtures.MSH;
import static org.wardwatch.hl7.Hl7Fixtures.OBR;
import static org.wardwatch.hl7.Hl7Fixtures.RECEIVED;
import static org.wardwatch.hl7.Hl7Fixtures.SPO2;
import static org.wardwatch.hl7.Hl7Fixtures.message;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

/**
 * A temperature in degrees Fahrenheit, as monitors set up in the US send it: converted exactly and charted in °C to
 * 0.1, rounded once, so NEWS2's bands fall where they would for the same temperature sent in °C.
 */
class Pcd01FahrenheitTest {

  private final Pcd01Decoder decoder = new Pcd01Decoder(ZoneOffset.UTC);

  @ParameterizedTest(name = "{0} {1} is {2} Cel")
  @CsvSource({"98.6, [degF]^^UCUM, 37.0", "100.5, 266560^MDC_DIM_FAHR^MDC, 38.1", "100.4, [degF]^[degF]^UCUM, 38.0",
      "95, ^MDC_DIM_FAHR^MDC, 35.0", "95.1, [degF]^^UCUM, 35.1"})
  void givenATemperatureInFahrenheit_whenDecoded_thenChartedInCelsius(String sent, String unit, String celsius)
      throws Exception {
    Observation temperature = decoder.decode(message(MSH, OBR,
        "OBX|1|NM|150364^MDC_TEMP_BODY^MDC|1.5.1.1|" + sent + "|" + unit + "|||||R"), RECEIVED).observations().get(0);

    assertEquals(Parameter.TEMPERATURE, temperature.parameter());
    assertEquals(new BigDecimal(celsius), temperature.value());
    assertEquals("Cel", temperature.unit());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "[degF]^MDC_DIM_DEGC^MDC; OBX 2: unit '[degF]^MDC_DIM_DEGC' does not match Temperature (expected Cel or [degF])",
      "268192^MDC_DIM_FAHR^MDC; OBX 2: unit '268192^MDC_DIM_FAHR' does not match Temperature (expected Cel or [degF])",
      "^[degF]^UCUM; OBX 2: unit '[degF]' does not match Temperature (expected Cel or [degF] as OBX-6.1)"})
  void givenAUnitWhosePartsDisagreeOrGivenAsTextOnly_whenDecoded_thenRefusedSayingWhy(String unit, String reason)
      throws Exception {
    Hl7Message message = decoder.decode(message(MSH, OBR, SPO2,
        "OBX|2|NM|150364^MDC_TEMP_BODY^MDC|1.5.1.1|37.0|" + unit + "|||||R"), RECEIVED);

    assertEquals(List.of(reason), message.refused().stream().map(Hl7Error::reason).toList(),
        "whether 37.0 is in °C or °F cannot be told: never charted as 2.8 °C");
  }

  @Test
  void givenAnImplausibleFahrenheitTemperature_whenDecoded_thenRefusedNamingBothUnits() throws Exception {
    Hl7Message message = decoder.decode(message(MSH, OBR, SPO2,
        "OBX|2|NM|150364^MDC_TEMP_BODY^MDC|1.5.1.1|130|[degF]^^UCUM|||||R"), RECEIVED);

    assertEquals(List.of("OBX 2: Temperature 130 [degF] (54.4 Cel) is implausible (accepted range 0-50)"),
        message.refused().stream().map(error -> error.reason().replace('\u2013', '-')).toList());
    assertEquals(List.of(Parameter.SPO2), message.observations().stream().map(Observation::parameter).toList());
  }
}
