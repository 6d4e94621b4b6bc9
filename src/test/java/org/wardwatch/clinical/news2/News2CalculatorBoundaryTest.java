package org.wardwatch.clinical.news2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wardwatch.clinical.news2.News2Fixtures.FRESHNESS;
import static org.wardwatch.clinical.news2.News2Fixtures.NOW;
import static org.wardwatch.clinical.news2.News2Fixtures.TAKEN;
import static org.wardwatch.clinical.news2.News2Fixtures.chart;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.clinical.news2.News2Fixtures.Chart;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.OxygenSupport;

/** Every boundary of every NEWS2 chart row, on both sides, one component at a time. */
class News2CalculatorBoundaryTest {

  private final News2Calculator calculator = new News2Calculator(FRESHNESS, FRESHNESS);

  @ParameterizedTest(name = "RR {0} scores {1}")
  @CsvSource({
      "0, 3", "8, 3", "9, 1", "11, 1", "12, 0", "20, 0", "21, 2", "24, 2", "25, 3", "60, 3",
      "8.4, 3", "8.5, 1", "11.49, 1", "11.5, 0", "20.4, 0", "20.5, 2", "24.4, 2", "24.5, 3"})
  void givenRespirationRate_whenScored_thenChartPoints(String value, int points) {
    assertEquals(points, component(vital(false, Parameter.RESP_RATE, value), News2Component.RESP_RATE));
  }

  @ParameterizedTest(name = "SpO2 scale 1 {0}% scores {1}")
  @CsvSource({
      "50, 3", "91, 3", "92, 2", "93, 2", "94, 1", "95, 1", "96, 0", "100, 0",
      "91.4, 3", "91.5, 2", "93.5, 1", "95.49, 1", "95.5, 0"})
  void givenSpo2OnScale1_whenScored_thenChartPointsOnAirAndOnOxygenAlike(String value, int points) {
    Chart onAir = vital(false, Parameter.SPO2, value).oxygen(OxygenSupport.air(), TAKEN);
    Chart onOxygen = vital(false, Parameter.SPO2, value).oxygen(litres("4"), TAKEN);

    assertEquals(points, component(onAir, News2Component.SPO2));
    assertEquals(points, component(onOxygen, News2Component.SPO2));
  }

  @ParameterizedTest(name = "SpO2 scale 2 {0}% on air scores {1}")
  @CsvSource({
      "50, 3", "83, 3", "84, 2", "85, 2", "86, 1", "87, 1", "88, 0", "92, 0", "93, 0", "94, 0", "96, 0",
      "97, 0", "100, 0", "83.4, 3", "83.5, 2", "87.5, 0"})
  void givenSpo2OnScale2OnAir_whenScored_thenChartPoints(String value, int points) {
    Chart chart = vital(true, Parameter.SPO2, value).oxygen(OxygenSupport.air(), TAKEN);

    assertEquals(points, component(chart, News2Component.SPO2));
  }

  @ParameterizedTest(name = "SpO2 scale 2 {0}% on oxygen scores {1}")
  @CsvSource({
      "50, 3", "83, 3", "84, 2", "85, 2", "86, 1", "87, 1", "88, 0", "92, 0", "93, 1", "94, 1", "95, 2", "96, 2",
      "97, 3", "100, 3", "92.4, 0", "92.5, 1", "94.5, 2", "96.5, 3"})
  void givenSpo2OnScale2OnOxygen_whenScored_thenChartPoints(String value, int points) {
    Chart chart = vital(true, Parameter.SPO2, value).oxygen(litres("2"), TAKEN);

    assertEquals(points, component(chart, News2Component.SPO2));
  }

  @ParameterizedTest(name = "air or oxygen \"{0}\" scores {1} on scale {2}")
  @CsvSource({
      "air, 0, 1", "AIR, 0, 2", "0, 0, 1", "0.0, 0, 2", "0.5, 2, 1", "0.5, 2, 2", "2, 2, 1", "15, 2, 2"})
  void givenAirOrOxygen_whenScored_thenAnyFlowAboveZeroAddsTwoOnEitherScale(String text, int points, int scale) {
    Chart chart = chart(scale == 2).oxygen(OxygenSupport.parse(text), TAKEN);

    assertEquals(points, component(chart, News2Component.AIR_OR_OXYGEN));
  }

  @ParameterizedTest(name = "SBP {0} scores {1}")
  @CsvSource({
      "50, 3", "90, 3", "91, 2", "100, 2", "101, 1", "110, 1", "111, 0", "219, 0", "220, 3", "250, 3",
      "90.4, 3", "90.5, 2", "110.5, 0", "219.4, 0", "219.5, 3"})
  void givenSystolicBloodPressure_whenScored_thenChartPoints(String value, int points) {
    assertEquals(points, component(vital(false, Parameter.BP_SYSTOLIC, value), News2Component.BP_SYSTOLIC));
  }

  @ParameterizedTest(name = "pulse {0} scores {1}")
  @CsvSource({
      "20, 3", "40, 3", "41, 1", "50, 1", "51, 0", "90, 0", "91, 1", "110, 1", "111, 2", "130, 2", "131, 3",
      "250, 3", "40.4, 3", "40.5, 1", "90.4, 0", "90.5, 1", "130.49, 2", "130.5, 3"})
  void givenPulse_whenScored_thenChartPoints(String value, int points) {
    assertEquals(points, component(vital(false, Parameter.PULSE, value), News2Component.PULSE));
  }

  @ParameterizedTest(name = "temperature {0} °C scores {1}")
  @CsvSource({
      "30.0, 3", "35.0, 3", "35.1, 1", "36.0, 1", "36.1, 0", "38.0, 0", "38.1, 1", "39.0, 1", "39.1, 2",
      "43.0, 2", "35, 3", "39, 1",
      "35.04, 3", "35.05, 1", "36.049, 1", "36.05, 0", "38.049, 0", "38.05, 1", "39.049, 1", "39.05, 2"})
  void givenTemperature_whenScored_thenRoundedToTenthsThenChartPoints(String value, int points) {
    assertEquals(points, component(vital(false, Parameter.TEMPERATURE, value), News2Component.TEMPERATURE));
  }

  @ParameterizedTest(name = "ACVPU {0} scores {1}")
  @CsvSource({"A, 0", "C, 3", "V, 3", "P, 3", "U, 3", "a, 0", "c, 3", "v, 3", "p, 3", "u, 3"})
  void givenConsciousness_whenScored_thenAlertZeroElseThree(String letter, int points) {
    Chart chart = chart(false).consciousness(Consciousness.parse(letter), TAKEN);

    assertEquals(points, component(chart, News2Component.CONSCIOUSNESS));
  }

  private int component(Chart chart, News2Component component) {
    return calculator.read(chart.inputs(), NOW).score().components().get(component);
  }

  private static Chart vital(boolean scale2, Parameter parameter, String value) {
    return chart(scale2).vital(parameter, value, TAKEN);
  }

  private static OxygenSupport litres(String flow) {
    return OxygenSupport.flow(new BigDecimal(flow));
  }
}
