package org.wardwatch.clinical.news2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.news2.News2Fixtures.FRESHNESS;
import static org.wardwatch.clinical.news2.News2Fixtures.NOW;
import static org.wardwatch.clinical.news2.News2Fixtures.TAKEN;
import static org.wardwatch.clinical.news2.News2Fixtures.chart;
import static org.wardwatch.clinical.news2.News2Fixtures.complete;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.OxygenSupport;

/** Missing and stale inputs: reported as missing, never scored as normal; the total is then a lower bound. */
class News2MissingInputsTest {

  private final News2Calculator calculator = new News2Calculator(FRESHNESS, FRESHNESS);

  @Test
  void givenMissingTemperature_whenScored_thenPartialLowerBoundWithTemperatureMissing() {
    News2Inputs all = complete(false, "22", "95", "air", "120", "70", "A", "34.0", TAKEN);
    News2Inputs noTemperature = new News2Inputs(Map.of(Parameter.RESP_RATE, all.vital(Parameter.RESP_RATE),
        Parameter.SPO2, all.vital(Parameter.SPO2), Parameter.BP_SYSTOLIC, all.vital(Parameter.BP_SYSTOLIC),
        Parameter.PULSE, all.vital(Parameter.PULSE)), all.consciousness(), all.oxygen(), false);

    News2Score score = calculator.read(noTemperature, NOW).score();

    assertTrue(score.partial());
    assertEquals(List.of(News2Component.TEMPERATURE), score.missing());
    assertFalse(score.components().containsKey(News2Component.TEMPERATURE));
    assertEquals(3, score.total());
    assertEquals(News2Band.LOW, score.band());
    assertEquals(6, calculator.read(all, NOW).score().total());
  }

  @Test
  void givenNothingKnown_whenScored_thenEveryComponentMissingNoneScoredAsNormal() {
    News2Score score = calculator.read(chart(false).inputs(), NOW).score();

    assertTrue(score.partial());
    assertEquals(List.of(News2Component.values()), score.missing());
    assertEquals(Map.of(), score.components());
    assertEquals(0, score.total());
  }

  @Test
  void givenMissingValuesInOtherOrder_whenScored_thenMissingListedInChartOrder() {
    News2Inputs inputs = chart(false)
        .vital(Parameter.PULSE, "70", TAKEN)
        .vital(Parameter.SPO2, "97", TAKEN)
        .inputs();

    assertEquals(List.of(News2Component.RESP_RATE, News2Component.AIR_OR_OXYGEN, News2Component.BP_SYSTOLIC,
        News2Component.CONSCIOUSNESS, News2Component.TEMPERATURE), calculator.read(inputs, NOW).score().missing());
  }

  @ParameterizedTest(name = "{0} old: stale = {1}")
  @CsvSource({"PT0S, false", "PT14M59S, false", "PT15M, false", "PT15M0.000000001S, true", "PT16M, true",
      "PT-1M, false"})
  void givenEveryInputOfOneAge_whenScored_thenExactlyFreshnessOldIsFreshAndOneNanosecondOlderIsMissing(
      Duration age, boolean stale) {
    News2Score score = calculator.read(
        complete(false, "8", "91", "2", "90", "40", "U", "35.0", NOW.minus(age)), NOW).score();

    assertEquals(stale, score.partial());
    assertEquals(stale ? List.of(News2Component.values()) : List.of(), score.missing());
    assertEquals(stale ? 0 : 20, score.total());
  }

  @Test
  void givenOneStaleAbnormalValue_whenScored_thenItIsMissingNotNormalAndTheRestStillCount() {
    Instant stale = NOW.minus(FRESHNESS).minusNanos(1);
    News2Inputs inputs = chart(complete(false, "16", "97", "air", "120", "70", "A", "37.0", TAKEN))
        .vital(Parameter.PULSE, "150", stale)
        .consciousness(Consciousness.V, stale)
        .inputs();

    News2Score score = calculator.read(inputs, NOW).score();

    assertEquals(List.of(News2Component.PULSE, News2Component.CONSCIOUSNESS), score.missing());
    assertEquals(0, score.total());
    assertTrue(score.partial());
  }

  @Test
  void givenFreshAndStaleParts_thenTheScoreHoldsUntilTheOldestFreshOneGoesStale() {
    Instant stale = NOW.minus(FRESHNESS).minusNanos(1);
    Instant oldestFresh = NOW.minusSeconds(600);
    News2Inputs inputs = chart(complete(false, "16", "97", "air", "120", "70", "A", "37.0", TAKEN))
        .vital(Parameter.PULSE, "150", stale)
        .consciousness(Consciousness.V, oldestFresh)
        .inputs();

    Instant holds = calculator.read(inputs, NOW).holdsUntil();

    assertEquals(oldestFresh.plus(FRESHNESS), holds);
    assertEquals(calculator.read(inputs, NOW).score(), calculator.read(inputs, holds).score());
    assertTrue(calculator.read(inputs, holds.plusNanos(1)).score().missing().contains(News2Component.CONSCIOUSNESS));
    assertEquals(Instant.MAX, calculator.read(chart(false).inputs(), NOW).holdsUntil(), "nothing can go stale");
  }

  @ParameterizedTest(name = "scale 2 SpO2 {0}% with unknown oxygen scores {1}")
  @CsvSource({"83, 3", "86, 1", "88, 0", "92, 0"})
  void givenScale2WithoutOxygenRecordAtOrBelow92_whenScored_thenSpo2ScoredAsBothRowsAgree(String spo2, int points) {
    News2Inputs inputs = chart(true).vital(Parameter.SPO2, spo2, TAKEN).inputs();

    News2Score score = calculator.read(inputs, NOW).score();

    assertEquals(points, score.components().get(News2Component.SPO2));
    assertTrue(score.missing().contains(News2Component.AIR_OR_OXYGEN));
    assertFalse(score.missing().contains(News2Component.SPO2));
  }

  @ParameterizedTest(name = "scale 2 SpO2 {0}% with unknown oxygen is missing")
  @ValueSource(strings = {"93", "92.5", "96", "97", "100"})
  void givenScale2WithoutOxygenRecordFrom93_whenScored_thenSpo2MissingNotAssumedOnAir(String spo2) {
    News2Inputs inputs = chart(true).vital(Parameter.SPO2, spo2, TAKEN).inputs();

    News2Score score = calculator.read(inputs, NOW).score();

    assertFalse(score.components().containsKey(News2Component.SPO2), "0 on air, 1-3 on oxygen: not known");
    assertTrue(score.missing().containsAll(List.of(News2Component.SPO2, News2Component.AIR_OR_OXYGEN)));
  }

  @Test
  void givenScale2WithStaleOxygenRecord_whenScored_thenSpo2AndOxygenMissing() {
    News2Inputs inputs = chart(true)
        .vital(Parameter.SPO2, "97", TAKEN)
        .oxygen(OxygenSupport.flow(new BigDecimal("4")), NOW.minus(Duration.ofHours(1)))
        .inputs();

    News2Score score = calculator.read(inputs, NOW).score();

    assertEquals(List.copyOf(EnumSet.allOf(News2Component.class)), score.missing());
    assertTrue(score.partial());
  }

  @Test
  void givenAChartingOlderThanTheVitalsFreshness_whenScoredWithItsOwnWindow_thenItStillCounts() {
    News2Calculator hourlyNurse = new News2Calculator(FRESHNESS, Duration.ofHours(12));
    Instant charted = NOW.minus(Duration.ofHours(3));
    News2Inputs inputs = chart(complete(false, "16", "97", "air", "120", "70", "A", "37.0", TAKEN))
        .oxygen(OxygenSupport.flow(new BigDecimal("2")), charted).consciousness(Consciousness.A, charted)
        .inputs();

    News2Reading reading = hourlyNurse.read(inputs, NOW);

    assertEquals(2, reading.score().components().get(News2Component.AIR_OR_OXYGEN), "on oxygen still: 2 points");
    assertFalse(reading.score().partial());
    assertEquals(TAKEN.plus(FRESHNESS), reading.holdsUntil(), "the vitals go stale first");
    News2Inputs chartedOnly = chart(false).oxygen(OxygenSupport.air(), charted).inputs();
    assertEquals(charted.plus(Duration.ofHours(12)), hourlyNurse.read(chartedOnly, NOW).holdsUntil());
    assertTrue(hourlyNurse.read(inputs, charted.plus(Duration.ofHours(12)).plusNanos(1)).score().missing()
        .containsAll(List.of(News2Component.AIR_OR_OXYGEN, News2Component.CONSCIOUSNESS)), "stale after its window");
  }

  @Test
  void givenOxygenButNoSpo2_whenScored_thenOxygenScoresAndSpo2Missing() {
    News2Inputs inputs = chart(false).oxygen(OxygenSupport.parse("3"), TAKEN).inputs();

    News2Score score = calculator.read(inputs, NOW).score();

    assertEquals(Map.of(News2Component.AIR_OR_OXYGEN, 2), score.components());
    assertTrue(score.missing().contains(News2Component.SPO2));
  }
}
