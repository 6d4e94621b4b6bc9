package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.wardwatch.clinical.ThresholdRule.Direction;
import org.wardwatch.config.ConfigException;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.Priority;

class ThresholdRulesTest {

  @Test
  void givenShippedRulesFile_whenLoaded_thenEveryParameterHasItsRulesMostUrgentFirst() throws IOException {
    ThresholdRules rules = ThresholdRules.fromJson(classpathJson("conf/rules.json"));

    assertEquals(List.of(
            new ThresholdRule(Parameter.PULSE, Direction.ABOVE, new BigDecimal("150"), Priority.HIGH, Duration.ZERO,
                new BigDecimal("5")),
            new ThresholdRule(Parameter.PULSE, Direction.BELOW, new BigDecimal("40"), Priority.HIGH, Duration.ZERO,
                new BigDecimal("3")),
            new ThresholdRule(Parameter.PULSE, Direction.ABOVE, new BigDecimal("130"), Priority.MEDIUM,
                Duration.ofSeconds(10), new BigDecimal("5")),
            new ThresholdRule(Parameter.PULSE, Direction.BELOW, new BigDecimal("50"), Priority.MEDIUM,
                Duration.ofSeconds(10), new BigDecimal("3"))),
        rules.forParameter(Parameter.PULSE));
    assertEquals(new BigDecimal("92"), rules.forWard("icu", Parameter.SPO2).get(1).limit(), "icu's own SpO2 limits");
    assertEquals(rules.forParameter(Parameter.PULSE), rules.forWard("icu", Parameter.PULSE), "icu inherits the rest");
    assertEquals(2, rules.forParameter(Parameter.SPO2).size());
    assertEquals(3, rules.forParameter(Parameter.RESP_RATE).size());
    assertEquals(3, rules.forParameter(Parameter.BP_SYSTOLIC).size());
    assertEquals(List.of(), rules.forParameter(Parameter.BP_DIASTOLIC));
    List<ThresholdRule> temperature = rules.forParameter(Parameter.TEMPERATURE);
    assertEquals(3, temperature.size());
    assertEquals(Priority.LOW, temperature.get(2).priority());
    assertEquals(0, new BigDecimal("38.5").compareTo(temperature.get(2).limit()));
  }

  @Test
  void givenShippedRulesFile_whenLoaded_thenApnoeaAlarmsAtHighPriority() throws IOException {
    ThresholdRules rules = ThresholdRules.fromJson(classpathJson("conf/rules.json"));

    assertTrue(rules.forParameter(Parameter.RESP_RATE).stream()
        .anyMatch(rule -> rule.breachedBy(BigDecimal.ZERO) && rule.priority() == Priority.HIGH));
  }

  @Test
  void givenEmptyList_whenLoaded_thenNoRules() {
    ThresholdRules rules = ThresholdRules.fromJson(new JsonObject().put("thresholds", new JsonArray()));

    for (Parameter parameter : Parameter.values()) {
      assertEquals(List.of(), rules.forParameter(parameter));
    }
  }

  @Test
  void givenDecimalLimit_whenLoaded_thenKeptExactly() {
    ThresholdRules rules = ThresholdRules.fromJson(thresholds(rule("TEMPERATURE", "above", 38.1, "LOW")));

    ThresholdRule rule = rules.forParameter(Parameter.TEMPERATURE).get(0);
    assertEquals(0, new BigDecimal("38.1").compareTo(rule.limit()));
    assertEquals(Direction.ABOVE, rule.direction());
  }

  @Test
  void givenDefaultsWithCuffLimitsOnly_whenLoaded_thenTheyJudgeTheArterialLineTooAndACautionSaysSo() {
    ThresholdRules rules = ThresholdRules.fromJson(thresholds(rule("BP_SYSTOLIC", "below", 90, "MEDIUM"),
        rule("BP_MEAN", "below", 65, "LOW"), rule("ART_DIASTOLIC", "above", 110, "LOW")));

    assertEquals(List.of(new ThresholdRule(Parameter.ART_SYSTOLIC, Direction.BELOW, BigDecimal.valueOf(90),
        Priority.MEDIUM)), rules.forParameter(Parameter.ART_SYSTOLIC), "a rules file written before the line");
    assertEquals(Parameter.ART_MEAN, rules.forParameter(Parameter.ART_MEAN).get(0).parameter());
    assertEquals(List.of(), rules.forParameter(Parameter.BP_DIASTOLIC), "the line's limits are the line's only");
    assertEquals(2, rules.cautions().size(), rules.cautions()::toString);
  }

  @Test
  void givenAWardThatSetsTheCuffsLimitsOnly_whenLoaded_thenTheLineKeepsTheDefaultsAndACautionSaysSo() {
    ThresholdRules rules = ThresholdRules.fromJson(thresholds(rule("ART_SYSTOLIC", "below", 80, "HIGH"))
        .put("wards", new JsonObject().put("cardiac", thresholds(rule("BP_SYSTOLIC", "above", 160, "HIGH")))));

    assertEquals(rules.forParameter(Parameter.ART_SYSTOLIC), rules.forWard("cardiac", Parameter.ART_SYSTOLIC),
        "a cuff limit takes none of the line's away");
    assertEquals(List.of("wards.cardiac sets BP_SYSTOLIC limits but none for ART_SYSTOLIC: an arterial line there is"
        + " judged by the default ART_SYSTOLIC limits"), rules.cautions());
  }

  @Test
  void givenAWardThatSetsTheCuffsLimitsOnlyWhereTheDefaultsHaveNoneForTheLine_whenLoaded_thenTheCautionSaysNone() {
    ThresholdRules rules = ThresholdRules.fromJson(thresholds()
        .put("wards", new JsonObject().put("cardiac", thresholds(rule("BP_DIASTOLIC", "above", 100, "LOW")))));

    assertEquals(List.of("wards.cardiac sets BP_DIASTOLIC limits but none for ART_DIASTOLIC: an arterial line there"
        + " has no ART_DIASTOLIC limits"), rules.cautions());
  }

  static Stream<Arguments> invalidDocuments() {
    return Stream.of(
        arguments(new JsonObject(), "'thresholds'"),
        arguments(new JsonObject().put("thresholds", new JsonObject()), "'thresholds'"),
        arguments(new JsonObject().put("thresholds", "PULSE > 150"), "'thresholds'"),
        arguments(new JsonObject().put("rules", new JsonArray()), "'thresholds'"),
        arguments(thresholds(rule("PULSE", "above", 150, "HIGH"), 42), "thresholds[1]: must be an object"),
        arguments(thresholds("PULSE"), "thresholds[0]: must be an object"),
        arguments(thresholds(rule("HEART_RATE", "above", 150, "HIGH")), "thresholds[0].parameter: must be one of"),
        arguments(thresholds(rule("pulse", "above", 150, "HIGH")), "thresholds[0].parameter: must be one of"),
        arguments(thresholds(rule("PULSE", "above", 150, "HIGH").put("parameter", null)), "thresholds[0].parameter"),
        arguments(thresholds(rule("PULSE", "above", 150, "CRITICAL")), "thresholds[0].priority: must be one of"),
        arguments(thresholds(rule("PULSE", "above", 150, null)), "thresholds[0].priority"),
        arguments(thresholds(rule("PULSE", "above", 150, "HIGH").put("below", 40)),
            "thresholds[0]: give exactly one of 'above' or 'below'"),
        arguments(thresholds(new JsonObject().put("parameter", "PULSE").put("priority", "HIGH")),
            "thresholds[0]: give exactly one of 'above' or 'below'"),
        arguments(thresholds(rule("PULSE", "above", "150", "HIGH")),
            "thresholds[0].above: must be a finite number, got \"150\""), // a string, quoted: not a number
        arguments(thresholds(rule("PULSE", "above", Double.POSITIVE_INFINITY, "HIGH")),
            "thresholds[0].above: must be a finite number"),
        arguments(thresholds(rule("PULSE", "below", null, "HIGH")), "thresholds[0].below: must be a number"),
        arguments(thresholds(rule("PULSE", "below", true, "HIGH")), "thresholds[0].below: must be a finite number"),
        arguments(thresholds(rule("PULSE", "above", 301, "HIGH")),
            "thresholds[0].above: 301 is outside the plausible range"),
        arguments(thresholds(rule("PULSE", "below", 14, "HIGH")),
            "thresholds[0].below: 14 is outside the plausible range"),
        arguments(thresholds(rule("SPO2", "below", 101, "HIGH")),
            "thresholds[0].below: 101 is outside the plausible range"),
        arguments(thresholds(rule("TEMPERATURE", "above", 50.5, "HIGH")),
            "thresholds[0].above: 50.5 is outside the plausible range"),
        arguments(thresholds(rule("RESP_RATE", "below", -1, "HIGH")),
            "thresholds[0].below: -1 is outside the plausible range"),
        arguments(thresholds(rule("SPO2", "below", 90, "MEDIUM").put("hysteresis", 20)),
            "thresholds[0].hysteresis: 20 puts the end of the alarm at 110, outside the plausible range"),
        arguments(thresholds(rule("PULSE", "above", 40, "MEDIUM").put("hysteresis", 30)),
            "thresholds[0].hysteresis: 30 puts the end of the alarm at 10, outside the plausible range"));
  }

  @ParameterizedTest
  @MethodSource("invalidDocuments")
  void givenInvalidDocument_whenLoaded_thenConfigExceptionNamingPositionAndKey(JsonObject document, String phrase) {
    ConfigException e = assertThrows(ConfigException.class, () -> ThresholdRules.fromJson(document));

    assertTrue(e.getMessage().contains(phrase), e::getMessage);
  }

  @Test
  void givenInvalidThirdRule_whenLoaded_thenPositionCountsFromZero() {
    JsonObject document = thresholds(rule("PULSE", "above", 150, "HIGH"), rule("SPO2", "below", 85, "HIGH"),
        rule("SPO2", "below", 90, "URGENT"));

    ConfigException e = assertThrows(ConfigException.class, () -> ThresholdRules.fromJson(document));

    assertTrue(e.getMessage().startsWith("thresholds[2].priority"), e::getMessage);
    assertTrue(e.getMessage().contains("URGENT"), e::getMessage);
  }

  @ParameterizedTest
  @CsvSource({
      "ABOVE, 150, 150, false",
      "ABOVE, 150, 150.0, false",
      "ABOVE, 150, 150.1, true",
      "ABOVE, 150, 149, false",
      "BELOW, 90, 90, false",
      "BELOW, 90, 89.9, true",
      "BELOW, 90, 91, false",
      "BELOW, 8, 0, true"})
  void givenRule_whenValueCompared_thenOnlyStrictlyBeyondTheLimitIsABreach(Direction direction, String limit,
      String value, boolean breached) {
    ThresholdRule rule = new ThresholdRule(Parameter.PULSE, direction, new BigDecimal(limit), Priority.HIGH);

    assertEquals(breached, rule.breachedBy(new BigDecimal(value)));
  }

  @Test
  void givenRule_whenDescribed_thenClinicianReadableText() {
    ThresholdRule rule = new ThresholdRule(Parameter.PULSE, Direction.ABOVE, new BigDecimal("150"), Priority.HIGH);

    assertEquals("Pulse 190 /min above 150", rule.describe(new BigDecimal("190")));
    ThresholdRule damped = new ThresholdRule(Parameter.SPO2, Direction.BELOW, new BigDecimal("90"), Priority.HIGH,
        Duration.ZERO, new BigDecimal("2"));
    assertEquals("SpO2 89 % below 90", damped.describe(new BigDecimal("89")));
    assertEquals("SpO2 91 % (below 90 until 92 or higher)", damped.describe(new BigDecimal("91")),
        "back within the limit, held by the hysteresis band");
  }

  private static JsonObject rule(String parameter, String direction, Object limit, String priority) {
    return new JsonObject().put("parameter", parameter).put(direction, limit).put("priority", priority);
  }

  private static JsonObject thresholds(Object... rules) {
    return new JsonObject().put("thresholds", new JsonArray(List.of(rules)));
  }

  private static JsonObject classpathJson(String resource) throws IOException {
    try (InputStream in = ThresholdRulesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(in, resource + " on the classpath");
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
