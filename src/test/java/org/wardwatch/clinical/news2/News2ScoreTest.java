package org.wardwatch.clinical.news2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.model.Consciousness;

class News2ScoreTest {

  @ParameterizedTest(name = "total {0}, single 3 {1}: {2}")
  @CsvSource({
      "0, false, LOW", "1, false, LOW", "4, false, LOW", "3, true, LOW_MEDIUM", "4, true, LOW_MEDIUM",
      "5, false, MEDIUM", "5, true, MEDIUM", "6, false, MEDIUM", "6, true, MEDIUM", "7, false, HIGH",
      "7, true, HIGH", "20, true, HIGH"})
  void givenTotalAndSingleThree_whenBanded_thenRcpBand(int total, boolean anySingleThree, News2Band band) {
    assertEquals(band, News2Band.of(total, anySingleThree));
  }

  @ParameterizedTest(name = "total {0} rejected")
  @CsvSource({"-1", "21"})
  void givenTotalOutsideZeroToTwenty_whenBanded_thenRejected(int total) {
    assertThrows(IllegalArgumentException.class, () -> News2Band.of(total, false));
  }

  @ParameterizedTest(name = "{0} is \"{1}\"")
  @CsvSource({"LOW, low", "LOW_MEDIUM, low-medium", "MEDIUM, medium", "HIGH, high"})
  void givenBand_whenWritten_thenWireName(News2Band band, String wireName) {
    assertEquals(wireName, band.wireName());
  }

  @ParameterizedTest(name = "{0} is labelled \"{1}\"")
  @CsvSource({"RESP_RATE, Respiration rate", "SPO2, SpO2", "AIR_OR_OXYGEN, Air or oxygen",
      "BP_SYSTOLIC, Systolic BP", "PULSE, Pulse", "CONSCIOUSNESS, Consciousness", "TEMPERATURE, Temperature"})
  void givenComponent_whenLabelled_thenClinicianName(News2Component component, String label) {
    assertEquals(label, component.label());
  }

  @Test
  void givenPartialScore_whenToJson_thenTotalBandComponentsInChartOrderPartialMissingAndScale() {
    Map<News2Component, Integer> components = new EnumMap<>(News2Component.class);
    components.put(News2Component.PULSE, 1);
    components.put(News2Component.RESP_RATE, 3);
    components.put(News2Component.SPO2, 0);
    components.put(News2Component.AIR_OR_OXYGEN, 2);

    JsonObject json = News2Score.of(components, true).toJson();

    assertEquals(new JsonObject()
        .put("total", 6)
        .put("band", "medium")
        .put("components", new JsonObject().put("RESP_RATE", 3).put("SPO2", 0).put("AIR_OR_OXYGEN", 2).put("PULSE", 1))
        .put("partial", true)
        .put("missing", new JsonArray().add("BP_SYSTOLIC").add("CONSCIOUSNESS").add("TEMPERATURE"))
        .put("scale", 2), json);
    assertEquals(List.of("total", "band", "components", "partial", "missing", "scale"),
        List.copyOf(json.fieldNames()));
    assertEquals(List.of("RESP_RATE", "SPO2", "AIR_OR_OXYGEN", "PULSE"),
        List.copyOf(json.getJsonObject("components").fieldNames()));
  }

  @Test
  void givenCompleteScore_whenToJson_thenNotPartialNothingMissingScale1() {
    Map<News2Component, Integer> components = new EnumMap<>(News2Component.class);
    for (News2Component component : News2Component.values()) {
      components.put(component, 0);
    }
    components.put(News2Component.CONSCIOUSNESS, 3);

    JsonObject json = News2Score.of(components, false).toJson();

    assertEquals(3, json.getInteger("total"));
    assertEquals("low-medium", json.getString("band"));
    assertEquals(7, json.getJsonObject("components").size());
    assertFalse(json.getBoolean("partial"));
    assertEquals(new JsonArray(), json.getJsonArray("missing"));
    assertEquals(1, json.getInteger("scale"));
  }

  @Test
  void givenScore_whenComponentsModified_thenRejectedAsImmutable() {
    News2Score score = News2Score.of(Map.of(News2Component.PULSE, 1), false);

    assertThrows(UnsupportedOperationException.class, () -> score.components().put(News2Component.SPO2, 0));
    assertThrows(UnsupportedOperationException.class, () -> score.missing().clear());
    assertTrue(score.partial());
  }

  @Test
  void givenInconsistentParts_whenConstructed_thenRejected() {
    Map<News2Component, Integer> pulse = Map.of(News2Component.PULSE, 3);
    List<News2Component> others = List.of(News2Component.RESP_RATE, News2Component.SPO2,
        News2Component.AIR_OR_OXYGEN, News2Component.BP_SYSTOLIC, News2Component.CONSCIOUSNESS,
        News2Component.TEMPERATURE);

    assertEquals(News2Score.of(pulse, false), new News2Score(3, News2Band.LOW_MEDIUM, pulse, true, others, false));
    assertThrows(IllegalArgumentException.class,
        () -> new News2Score(2, News2Band.LOW_MEDIUM, pulse, true, others, false));
    assertThrows(IllegalArgumentException.class,
        () -> new News2Score(3, News2Band.LOW, pulse, true, others, false));
    assertThrows(IllegalArgumentException.class,
        () -> new News2Score(3, News2Band.LOW_MEDIUM, pulse, false, others, false));
    assertThrows(IllegalArgumentException.class,
        () -> new News2Score(3, News2Band.LOW_MEDIUM, pulse, true, others.subList(1, 6), false));
    assertThrows(IllegalArgumentException.class, () -> News2Score.of(Map.of(News2Component.PULSE, 4), false));
  }
}
