package org.wardwatch.clinical.news2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.news2.News2Fixtures.FRESHNESS;
import static org.wardwatch.clinical.news2.News2Fixtures.NOW;
import static org.wardwatch.clinical.news2.News2Fixtures.TAKEN;
import static org.wardwatch.clinical.news2.News2Fixtures.complete;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Totals and bands of complete observations, and whole patients worked by hand. */
class News2CalculatorTest {

  private final News2Calculator calculator = new News2Calculator(FRESHNESS, FRESHNESS);

  @ParameterizedTest(name = "RR {0}, SpO2 {1}, O2 {2}, SBP {3}, pulse {4}, {5}, {6} °C: total {7}, {8}")
  @CsvSource({
      // all normal
      "16, 97, air, 120, 70, A, 37.0, 0, low",
      // 1 + 1 + 0 + 1 + 1 + 0 + 0
      "10, 95, air, 105, 45, A, 37.0, 4, low",
      // a single 3 (RR 8) and nothing else
      "8, 97, air, 120, 70, A, 37.0, 3, low-medium",
      // a single 3 (new confusion) plus 1 for pulse
      "16, 97, air, 120, 95, C, 37.0, 4, low-medium",
      // 2 + 1 + 0 + 1 + 1 + 0 + 0
      "22, 94, air, 110, 95, A, 37.0, 5, medium",
      // a single 3 at 5 is medium, not low-medium: 3 (SBP 90) + 2 (O2)
      "16, 97, 2, 90, 70, A, 37.0, 5, medium",
      // 2 + 1 + 2 + 0 + 1 + 0 + 0
      "22, 95, 1, 120, 91, A, 37.0, 6, medium",
      // 2 + 1 + 2 + 1 + 1 + 0 + 0
      "22, 95, 1, 101, 91, A, 37.0, 7, high",
      // every row at its worst: 3 + 3 + 2 + 3 + 3 + 3 + 3
      "5, 85, 15, 80, 140, U, 34.0, 20, high"})
  void givenCompleteObservations_whenScored_thenTotalAndBand(String rr, String spo2, String oxygen, String sbp,
      String pulse, String acvpu, String temperature, int total, String band) {
    News2Score score = calculator.read(
        complete(false, rr, spo2, oxygen, sbp, pulse, acvpu, temperature, TAKEN), NOW).score();

    assertEquals(total, score.total());
    assertEquals(band, score.band().wireName());
    assertFalse(score.partial());
    assertEquals(List.of(), score.missing());
    assertEquals(7, score.components().size());
  }

  @Test
  void givenPneumoniaOnScale1_whenScored_thenHighWorkedByHand() {
    // RR 23 -> 2, SpO2 94 -> 1, oxygen 2 L/min -> 2, SBP 105 -> 1, pulse 112 -> 2, Alert -> 0, 38.4 °C -> 1.
    // Total 2 + 1 + 2 + 1 + 2 + 0 + 1 = 9: high.
    News2Score score = calculator.read(complete(false, "23", "94", "2", "105", "112", "A", "38.4", TAKEN), NOW).score();

    assertEquals(Map.of(News2Component.RESP_RATE, 2, News2Component.SPO2, 1, News2Component.AIR_OR_OXYGEN, 2,
        News2Component.BP_SYSTOLIC, 1, News2Component.PULSE, 2, News2Component.CONSCIOUSNESS, 0,
        News2Component.TEMPERATURE, 1), score.components());
    assertEquals(9, score.total());
    assertEquals(News2Band.HIGH, score.band());
    assertEquals(List.of(), score.redComponents());
  }

  @Test
  void givenHypercapnicPatientAtTargetOnOxygen_whenScoredOnEachScale_thenScale2SparesTheSpo2Points() {
    // COPD with confirmed hypercapnic respiratory failure, target 88-92%, on 1 L/min:
    // RR 19 -> 0, SpO2 90 -> 0 on scale 2 (88-92) but 3 on scale 1 (<= 91), oxygen -> 2, SBP 128 -> 0,
    // pulse 88 -> 0, Alert -> 0, 37.2 °C -> 0.
    // Scale 2: total 2, low. Scale 1: total 5 with a single 3, medium.
    News2Score scale2 = calculator.read(complete(true, "19", "90", "1", "128", "88", "A", "37.2", TAKEN), NOW).score();
    News2Score scale1 = calculator.read(complete(false, "19", "90", "1", "128", "88", "A", "37.2", TAKEN), NOW).score();

    assertEquals(2, scale2.total());
    assertEquals(News2Band.LOW, scale2.band());
    assertEquals(2, scale2.scale());
    assertEquals(5, scale1.total());
    assertEquals(News2Band.MEDIUM, scale1.band());
    assertEquals(List.of(News2Component.SPO2), scale1.redComponents());
  }

  @Test
  void givenDeviceValuesWithExtraDecimals_whenScored_thenRoundedHalfUpToChartedPrecisionFirst() {
    // RR 20.4 -> 20 -> 0, SpO2 95.5 -> 96 -> 0, SBP 110.5 -> 111 -> 0, pulse 50.5 -> 51 -> 0,
    // 36.05 °C -> 36.1 -> 0: unrounded, each would sit in a scoring band. Total 0, low.
    News2Score score = calculator.read(
        complete(false, "20.4", "95.5", "air", "110.5", "50.5", "A", "36.05", TAKEN), NOW).score();

    assertEquals(0, score.total());
    assertEquals(News2Band.LOW, score.band());
  }

  @Test
  void givenNonPositiveFreshness_whenCalculatorCreated_thenRejected() {
    assertThrows(IllegalArgumentException.class, () -> new News2Calculator(Duration.ZERO, FRESHNESS));
    assertThrows(IllegalArgumentException.class, () -> new News2Calculator(FRESHNESS, Duration.ofSeconds(-1)));
    assertThrows(NullPointerException.class, () -> new News2Calculator(null, FRESHNESS));
  }

  @Test
  void givenTheSamePoints_whenScored_thenTheSameSharedScoreElseAnother() {
    News2Inputs inputs = complete(false, "16", "97", "air", "120", "70", "A", "37.0", TAKEN);
    News2Score previous = calculator.read(inputs, NOW).score();

    News2Inputs others = complete(false, "17", "98", "air", "121", "71", "A", "37.1", TAKEN);
    assertSame(previous, calculator.read(others, NOW).score(), "other values, the same points");
    News2Calculator another = new News2Calculator(Duration.ofMinutes(5), FRESHNESS);
    assertSame(previous, another.read(inputs, NOW).score(), "another calculator");
    News2Inputs faster95 = complete(false, "16", "97", "air", "120", "95", "A", "37.0", TAKEN);
    News2Score faster = calculator.read(faster95, NOW).score();
    assertNotSame(previous, faster);
    assertEquals(1, faster.components().get(News2Component.PULSE));
    assertEquals(News2Score.of(Map.of(News2Component.RESP_RATE, 0, News2Component.SPO2, 0,
        News2Component.AIR_OR_OXYGEN, 0, News2Component.BP_SYSTOLIC, 0, News2Component.PULSE, 1,
        News2Component.CONSCIOUSNESS, 0, News2Component.TEMPERATURE, 0), false), faster);
    News2Inputs scale2 = complete(true, "16", "97", "air", "120", "70", "A", "37.0", TAKEN);
    assertNotSame(previous, calculator.read(scale2, NOW).score(), "97% on air scores 0 on scale 2 too, but says so");
    News2Score stale = calculator.read(inputs, NOW.plus(FRESHNESS).plusSeconds(61)).score();
    assertNotSame(previous, stale);
    assertEquals(List.of(News2Component.values()), stale.missing(), "all stale");
  }
}
