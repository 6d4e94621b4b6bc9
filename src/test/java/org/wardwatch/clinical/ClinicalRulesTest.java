package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wardwatch.clinical.ClinicalRules.TechnicalAlarm;
import org.wardwatch.clinical.news2.News2Band;
import org.wardwatch.config.ConfigException;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.Priority;

/** Reading and validating the clinical rules document ({@code conf/rules.json}). */
class ClinicalRulesTest {

  private static final String SHIPPED = "conf/rules.json";

  @Test
  void givenShippedRulesOnTheClasspath_whenParsed_thenEverySectionIsRead() throws Exception {
    JsonObject document = shippedDocument();

    ClinicalRules rules = ClinicalRules.fromJson(document);

    JsonObject alarms = document.getJsonObject("alarms");
    assertEquals(alarms.getInteger("reminderSeconds"), (int) rules.policy().reminderInterval().toSeconds());
    assertEquals(alarms.getInteger("maxAudioPauseSeconds"), (int) rules.policy().maxAudioPause().toSeconds());
    for (Priority priority : Priority.values()) {
      assertEquals(alarms.getJsonObject("escalateAfterSeconds").getInteger(priority.name()),
          (int) rules.policy().escalateAfter(priority).toSeconds(), priority::name);
    }
    assertEquals(document.getJsonObject("news2").getInteger("freshnessMinutes"),
        (int) rules.news2Freshness().toMinutes());
    assertEquals(document.getJsonObject("news2").getInteger("chartedFreshnessMinutes"),
        (int) rules.news2ChartedFreshness().toMinutes());
    assertEquals(Priority.HIGH, rules.news2BandPriorities().get(News2Band.HIGH));
    assertFalse(rules.news2BandPriorities().containsKey(News2Band.LOW), "a low NEWS2 score raises no alarm");
    assertEquals(document.getJsonObject("technical").getInteger("noDataSeconds"),
        (int) rules.noDataAfter().toSeconds());
    assertEquals(TechnicalAlarm.values().length, rules.technicalPriorities().size());
    for (Parameter parameter : new Parameter[] {Parameter.PULSE, Parameter.SPO2, Parameter.RESP_RATE,
        Parameter.BP_SYSTOLIC, Parameter.TEMPERATURE}) {
      assertFalse(rules.thresholds().forParameter(parameter).isEmpty(), parameter::name);
    }
    assertFalse(rules.thresholds().forWard("icu", Parameter.SPO2)
        .equals(rules.thresholds().forParameter(Parameter.SPO2)), "the icu ward has its own SpO2 limits");
  }

  @Test
  void givenOnlyThresholds_whenParsed_thenDefaultsForAlarmsNews2AndTechnical() {
    ClinicalRules rules = ClinicalRules.fromJson(new JsonObject("{\"thresholds\": []}"));

    assertEquals(Duration.ofSeconds(300), rules.policy().escalateAfter(Priority.LOW));
    assertEquals(Duration.ofSeconds(120), rules.policy().escalateAfter(Priority.MEDIUM));
    assertEquals(Duration.ofSeconds(60), rules.policy().escalateAfter(Priority.HIGH));
    assertEquals(Duration.ofSeconds(300), rules.policy().reminderInterval());
    assertEquals(Duration.ofSeconds(120), rules.policy().maxAudioPause());
    assertEquals(Duration.ofMinutes(60), rules.news2Freshness());
    assertEquals(Map.of(News2Band.LOW_MEDIUM, Priority.MEDIUM, News2Band.MEDIUM, Priority.MEDIUM,
        News2Band.HIGH, Priority.HIGH), rules.news2BandPriorities());
    assertEquals(Duration.ofSeconds(30), rules.noDataAfter());
    assertEquals(Priority.MEDIUM, rules.technicalPriorities().get(TechnicalAlarm.DISCONNECTED));
    assertEquals(Priority.MEDIUM, rules.technicalPriorities().get(TechnicalAlarm.NO_DATA));
    assertEquals(Priority.LOW, rules.technicalPriorities().get(TechnicalAlarm.INVALID_SIGNAL));
    for (TechnicalAlarm alarm : TechnicalAlarm.values()) {
      assertNotNull(rules.technicalPriorities().get(alarm), () -> "every technical alarm has a priority: " + alarm);
    }
    assertTrue(rules.thresholds().forParameter(Parameter.PULSE).isEmpty());
  }

  @Test
  void givenSectionsWithSomeKeys_whenParsed_thenTheOtherKeysTakeTheirDefaults() {
    ClinicalRules rules = ClinicalRules.fromJson(new JsonObject("""
        {"alarms": {"reminderSeconds": 60, "escalateAfterSeconds": {"HIGH": 30}},
         "news2": {"freshnessMinutes": 30},
         "technical": {"noDataSeconds": 90},
         "thresholds": []}
        """));

    assertEquals(Duration.ofSeconds(60), rules.policy().reminderInterval());
    assertEquals(Duration.ofSeconds(30), rules.policy().escalateAfter(Priority.HIGH));
    assertEquals(Duration.ofSeconds(120), rules.policy().escalateAfter(Priority.MEDIUM));
    assertEquals(Duration.ofSeconds(120), rules.policy().maxAudioPause());
    assertEquals(Duration.ofMinutes(30), rules.news2Freshness());
    assertEquals(Duration.ofHours(12), rules.news2ChartedFreshness(), "a nurse charts every few hours");
    assertEquals(Priority.MEDIUM, rules.news2BandPriorities().get(News2Band.MEDIUM));
    assertEquals(Duration.ofSeconds(90), rules.noDataAfter());
    assertEquals(Priority.LOW, rules.technicalPriorities().get(TechnicalAlarm.INVALID_SIGNAL));
  }

  @Test
  void givenBandPriorityNone_whenParsed_thenThatBandRaisesNoAlarm() {
    ClinicalRules rules = ClinicalRules.fromJson(new JsonObject("""
        {"news2": {"bandPriorities": {"LOW_MEDIUM": "NONE", "MEDIUM": "HIGH"}}, "thresholds": []}
        """));

    assertFalse(rules.news2BandPriorities().containsKey(News2Band.LOW_MEDIUM));
    assertEquals(Priority.HIGH, rules.news2BandPriorities().get(News2Band.MEDIUM));
    assertEquals(Priority.HIGH, rules.news2BandPriorities().get(News2Band.HIGH));
  }

  @Test
  void givenTechnicalPrioritiesMissingOne_whenParsed_thenTheMissingOneTakesItsDefault() {
    ClinicalRules rules = ClinicalRules.fromJson(new JsonObject("""
        {"technical": {"priorities": {"DISCONNECTED": "HIGH", "NO_DATA": "HIGH"}}, "thresholds": []}
        """));

    assertEquals(Priority.HIGH, rules.technicalPriorities().get(TechnicalAlarm.DISCONNECTED));
    assertEquals(Priority.HIGH, rules.technicalPriorities().get(TechnicalAlarm.NO_DATA));
    assertEquals(Priority.LOW, rules.technicalPriorities().get(TechnicalAlarm.INVALID_SIGNAL));
  }

  static Stream<Arguments> invalidDocuments() {
    return Stream.of(
        Arguments.of("{\"alarms\": {\"reminderSeconds\": 0}}", "alarms.reminderSeconds"),
        Arguments.of("{\"alarms\": {\"reminderSeconds\": 1.5}}", "alarms.reminderSeconds"),
        Arguments.of("{\"alarms\": {\"maxAudioPauseSeconds\": 601}}", "alarms.maxAudioPauseSeconds"),
        Arguments.of("{\"alarms\": {\"escalateAfterSeconds\": {\"MEDIUM\": -1}}}",
            "alarms.escalateAfterSeconds.MEDIUM"),
        Arguments.of("{\"alarms\": {\"escalateAfterSeconds\": 60}}", "alarms.escalateAfterSeconds"),
        Arguments.of("{\"alarms\": 5}", "alarms"),
        Arguments.of("{\"news2\": {\"freshnessMinutes\": 0}}", "news2.freshnessMinutes"),
        Arguments.of("{\"news2\": {\"freshnessMinutes\": 1441}}", "news2.freshnessMinutes"),
        Arguments.of("{\"news2\": {\"chartedFreshnessMinutes\": 0}}", "news2.chartedFreshnessMinutes"),
        Arguments.of("{\"news2\": {\"bandPriorities\": {\"HIGH\": \"URGENT\"}}}", "news2.bandPriorities.HIGH"),
        Arguments.of("{\"news2\": {\"bandPriorities\": {\"MEDIUM\": \"medium\"}}}", "news2.bandPriorities.MEDIUM"),
        Arguments.of("{\"news2\": {\"bandPriorities\": \"HIGH\"}}", "news2.bandPriorities"),
        Arguments.of("{\"technical\": {\"noDataSeconds\": \"30\"}}", "technical.noDataSeconds"),
        Arguments.of("{\"technical\": {\"noDataSeconds\": 0}}", "technical.noDataSeconds"),
        Arguments.of("{\"technical\": {\"priorities\": {\"NO_DATA\": \"URGENT\"}}}", "technical.priorities.NO_DATA"),
        Arguments.of("{\"technical\": {\"priorities\": [\"LOW\"]}}", "technical.priorities"));
  }

  @ParameterizedTest
  @MethodSource("invalidDocuments")
  void givenInvalidValue_whenParsed_thenConfigExceptionNamingTheKey(String sections, String key) {
    JsonObject document = new JsonObject(sections).put("thresholds", new JsonArray());

    ConfigException error = assertThrows(ConfigException.class, () -> ClinicalRules.fromJson(document));

    assertTrue(error.getMessage().startsWith(key + ":"), error::getMessage);
  }

  @Test
  void givenNoThresholds_whenParsed_thenConfigExceptionNamingThresholds() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> ClinicalRules.fromJson(new JsonObject("{\"alarms\": {}}")));

    assertTrue(error.getMessage().contains("thresholds"), error::getMessage);
  }

  @Test
  void givenTechnicalPriorityNone_whenParsed_thenConfigExceptionNamingTheKey() {
    JsonObject document = new JsonObject("""
        {"technical": {"priorities": {"DISCONNECTED": "NONE"}}, "thresholds": []}
        """);

    ConfigException error = assertThrows(ConfigException.class, () -> ClinicalRules.fromJson(document));

    assertTrue(error.getMessage().startsWith("technical.priorities.DISCONNECTED"), error::getMessage);
  }

  private static JsonObject shippedDocument() throws Exception {
    try (InputStream in = ClinicalRulesTest.class.getClassLoader().getResourceAsStream(SHIPPED)) {
      assertNotNull(in, SHIPPED + " is on the classpath");
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
