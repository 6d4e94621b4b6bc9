package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.ThresholdRule.Direction;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.Priority;

/** Onset delay and hysteresis of threshold conditions, with time passed in (no sleeping). */
class ThresholdTrackerTest {

  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final ThresholdRule SPO2_LOW = new ThresholdRule(Parameter.SPO2, Direction.BELOW,
      new BigDecimal("90"), Priority.MEDIUM, Duration.ofSeconds(15), new BigDecimal("2"));
  private static final ThresholdRule SPO2_CRITICAL = new ThresholdRule(Parameter.SPO2, Direction.BELOW,
      new BigDecimal("85"), Priority.HIGH, Duration.ZERO, new BigDecimal("2"));
  private static final List<ThresholdRule> RULES = List.of(SPO2_CRITICAL, SPO2_LOW);

  private final ThresholdTracker tracker = new ThresholdTracker();

  @Test
  void givenOnsetDelayWhenBreachHoldsShorterThenNoAlarm() {
    assertEquals(Optional.empty(), observe(88, 0));
    assertEquals(Optional.empty(), observe(88, 14));
  }

  @Test
  void givenOnsetDelayWhenBreachHoldsForTheWholeDelayThenAlarm() {
    observe(88, 0);
    observe(87, 10);

    assertEquals(Optional.of(SPO2_LOW), observe(89, 15));
  }

  @Test
  void givenBreachWithoutANewValue_whenTimeReachesTheDelay_thenElapseActivatesItOnce() {
    observe(88, 0);
    assertEquals(T0.plusSeconds(15), tracker.nextOnset());

    assertEquals(Optional.empty(), tracker.elapse(RULES, new BigDecimal("88"), T0.plusSeconds(14)));
    assertEquals(Optional.of(SPO2_LOW), tracker.elapse(RULES, new BigDecimal("88"), T0.plusSeconds(15)));
    assertEquals(Optional.empty(), tracker.elapse(RULES, new BigDecimal("88"), T0.plusSeconds(16)),
        "active already: nothing changed");
    assertEquals(null, tracker.nextOnset(), "no delay runs");
    assertEquals(Optional.of(SPO2_LOW), observe(88, 20));
  }

  @Test
  void givenMoreUrgentRuleActive_whenTheValueEasesIntoTheLesserRule_thenTheLesserTakesOverWithoutItsDelay() {
    assertEquals(Optional.of(SPO2_CRITICAL), observe(82, 0));

    assertEquals(Optional.of(SPO2_LOW), observe(88, 5), "below 90 all along: the condition goes on");
    assertEquals(null, tracker.nextOnset(), "no delay left to run");
  }

  @Test
  void givenLesserRuleActive_whenTheValueBreachesAMoreUrgentRuleWithADelay_thenThatDelayStillRuns() {
    ThresholdRule criticalAfterTen = new ThresholdRule(Parameter.SPO2, Direction.BELOW, new BigDecimal("85"),
        Priority.HIGH, Duration.ofSeconds(10), new BigDecimal("2"));
    ThresholdRule lowAtOnce = new ThresholdRule(Parameter.SPO2, Direction.BELOW, new BigDecimal("90"),
        Priority.MEDIUM, Duration.ZERO, new BigDecimal("2"));
    List<ThresholdRule> rules = List.of(criticalAfterTen, lowAtOnce);
    assertEquals(Optional.of(lowAtOnce), tracker.observe(rules, new BigDecimal("88"), T0));

    assertEquals(Optional.of(lowAtOnce), tracker.observe(rules, new BigDecimal("82"), T0.plusSeconds(1)));
    assertEquals(Optional.of(criticalAfterTen), tracker.observe(rules, new BigDecimal("82"), T0.plusSeconds(11)));
  }

  @Test
  void givenBriefRecoveryDuringDelayThenDelayRestarts() {
    observe(88, 0);
    observe(91, 5);
    observe(88, 10);

    assertEquals(Optional.empty(), observe(88, 20));
    assertEquals(Optional.of(SPO2_LOW), observe(88, 25));
  }

  @Test
  void givenActiveConditionWhenValueInsideLimitButInsideHysteresisBandThenStillActive() {
    observe(88, 0);
    observe(88, 15);

    assertEquals(Optional.of(SPO2_LOW), observe(90, 16), "at the limit");
    assertEquals(Optional.of(SPO2_LOW), observe(91, 17), "inside the 2 % band");
    assertEquals(Optional.empty(), observe(92, 18), "clear of the band");
  }

  @Test
  void givenValueHoveringAtTheLimitThenNoFlapping() {
    observe(89, 0);
    assertTrue(observe(89, 15).isPresent());
    for (int second = 16; second < 60; second++) {
      assertTrue(observe(second % 2 == 0 ? 89 : 91, second).isPresent(), "second " + second);
    }
  }

  @Test
  void givenZeroDelayRuleThenMostUrgentActiveRuleWinsAtOnce() {
    assertEquals(Optional.of(SPO2_CRITICAL), observe(80, 0));
    assertEquals(Optional.of(SPO2_LOW), observe(88, 15), "critical ended at 87+, low active after its delay");
  }

  @Test
  void givenRulesReplacedThenStateOfRemovedRulesIsForgotten() {
    observe(88, 0);
    tracker.observe(List.of(SPO2_CRITICAL), new BigDecimal("88"), T0.plusSeconds(5));

    assertEquals(Optional.empty(), observe(88, 15), "the delay of a rule that came back starts again");
  }

  @Test
  void givenARuleReplacedByOneOfTheSameDirectionAndPriority_thenItsOnsetDelayAndAlarmCarryOver() {
    ThresholdRule lowerLimit = new ThresholdRule(Parameter.SPO2, Direction.BELOW, new BigDecimal("89"),
        Priority.MEDIUM, Duration.ofSeconds(15), new BigDecimal("1"));
    List<ThresholdRule> reloaded = List.of(SPO2_CRITICAL, lowerLimit);
    observe(88, 0);

    assertEquals(Optional.of(lowerLimit), tracker.observe(reloaded, new BigDecimal("88"), T0.plusSeconds(15)),
        "the delay began at the first breach, under the rule replaced");
    assertEquals(Optional.of(SPO2_LOW), observe(88, 16), "and back: the alarm stands");
  }

  @Test
  void givenAStandingAlarm_whenItsRuleIsGivenAnotherPriority_thenTheAlarmGoesOnUnderTheNewRule() {
    ThresholdRule urgent = new ThresholdRule(Parameter.SPO2, Direction.BELOW, new BigDecimal("90"), Priority.HIGH,
        Duration.ofSeconds(15), new BigDecimal("2"));
    observe(88, 0);
    assertEquals(Optional.of(SPO2_LOW), observe(88, 15));

    assertEquals(Optional.of(urgent), tracker.observe(List.of(SPO2_CRITICAL, urgent), new BigDecimal("88"),
        T0.plusSeconds(16)), "below 90 all along: not ended, nor a new delay");
  }

  @Test
  void givenAMoreUrgentRuleActive_whenTheValueFallsInsideTheLesserLimitButNotItsBand_thenTheLesserTakesOver() {
    ThresholdRule tachycardia = new ThresholdRule(Parameter.PULSE, Direction.ABOVE, new BigDecimal("150"),
        Priority.HIGH, Duration.ZERO, new BigDecimal("5"));
    ThresholdRule raised = new ThresholdRule(Parameter.PULSE, Direction.ABOVE, new BigDecimal("130"),
        Priority.MEDIUM, Duration.ofSeconds(10), new BigDecimal("5"));
    List<ThresholdRule> pulse = List.of(tachycardia, raised);
    assertEquals(Optional.of(tachycardia), tracker.observe(pulse, new BigDecimal("160"), T0));

    assertEquals(Optional.of(raised), tracker.observe(pulse, new BigDecimal("128"), T0.plusSeconds(1)),
        "128 has not cleared 130's band (125): as if the pulse had come down through 140");
    assertEquals(Optional.empty(), tracker.observe(pulse, new BigDecimal("124"), T0.plusSeconds(2)));
    assertEquals(null, tracker.nextOnset());
  }

  @Test
  void givenABreachPending_whenTheSensorGoesOff_thenTheDelayStartsOverWithTheNextValue() {
    observe(88, 0);
    tracker.sensorOff();

    assertEquals(Optional.empty(), observe(88, 600), "the probe put back: its first value does not alarm at once");
    assertEquals(T0.plusSeconds(615), tracker.nextOnset());
    assertEquals(Optional.of(SPO2_LOW), observe(88, 615));
  }

  @Test
  void givenAnActiveRule_whenTheSensorGoesOff_thenItStaysActive() {
    observe(80, 0);
    tracker.sensorOff();

    assertEquals(Optional.of(SPO2_CRITICAL), observe(80, 5));
  }

  private Optional<ThresholdRule> observe(int spo2, int second) {
    return tracker.observe(RULES, BigDecimal.valueOf(spo2), T0.plusSeconds(second));
  }
}
