package org.wardwatch.clinical.news2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.Consciousness;

class News2InputsTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void givenMapWithUnscoredParameter_whenConstructed_thenOnlyScoredParametersKeptAndCopied() {
    Map<Parameter, Timed<BigDecimal>> vitals = new EnumMap<>(Parameter.class);
    vitals.put(Parameter.PULSE, Timed.of(new BigDecimal("70"), NOW));
    vitals.put(Parameter.BP_DIASTOLIC, Timed.of(new BigDecimal("80"), NOW));

    News2Inputs inputs = new News2Inputs(vitals, null, null, false);
    vitals.put(Parameter.SPO2, Timed.of(new BigDecimal("97"), NOW));

    assertEquals(Set.of(Parameter.PULSE), inputs.vitals().keySet());
    assertNull(inputs.vital(Parameter.SPO2));
    assertThrows(UnsupportedOperationException.class, () -> inputs.vitals().remove(Parameter.PULSE));
  }

  @ParameterizedTest(name = "a null value of {0}")
  @CsvSource({"PULSE", "BP_DIASTOLIC"})
  void givenNullValue_whenConstructed_thenRejectedNamingTheParameter(Parameter parameter) {
    Map<Parameter, Timed<BigDecimal>> vitals = new HashMap<>();
    vitals.put(Parameter.SPO2, Timed.of(new BigDecimal("97"), NOW));
    vitals.put(parameter, null);

    NullPointerException error = assertThrows(NullPointerException.class,
        () -> new News2Inputs(vitals, null, null, false));
    assertEquals("value of " + parameter, error.getMessage());
  }

  @Test
  void givenNullVitals_whenConstructed_thenNone() {
    assertEquals(Map.of(), new News2Inputs(null, null, null, true).vitals());
  }

  @Test
  void givenMissingValueOrTime_whenTimed_thenRejected() {
    assertThrows(NullPointerException.class, () -> Timed.of(null, NOW));
    assertThrows(NullPointerException.class, () -> Timed.of(Consciousness.A, null));
  }

  @ParameterizedTest(name = "{0} old with at most {1}: fresh = {2}")
  @CsvSource({"PT15M, PT15M, true", "PT15M0.000000001S, PT15M, false", "PT0S, PT1S, true", "PT-5S, PT1S, true",
      "PT2H, PT1H, false"})
  void givenAge_whenFreshnessChecked_thenAtMostMaxAgeIsFresh(Duration age, Duration maxAge, boolean fresh) {
    Timed<String> timed = Timed.of("x", NOW.minus(age));

    assertEquals(age, Duration.between(timed.time(), NOW));
    assertEquals(fresh, timed.isFreshAt(NOW, maxAge));
    assertFalse(fresh && !timed.isFreshAt(NOW, maxAge.plusNanos(1)));
  }

  @Test
  void givenAnyTimes_whenFreshnessChecked_thenAsTheAgeComparedWithMaxAge() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 100_000; i++) {
      Instant time = NOW.plusSeconds(random.nextLong(-7200, 7200)).plusNanos(random.nextLong(1_000_000_000));
      Duration maxAge = Duration.ofSeconds(random.nextLong(0, 7200), random.nextLong(1_000_000_000));
      Timed<String> timed = Timed.of("x", time);
      boolean fresh = Duration.between(time, NOW).compareTo(maxAge) <= 0;
      assertEquals(fresh, timed.isFreshAt(NOW, maxAge), time + " " + maxAge);
    }
  }
}
