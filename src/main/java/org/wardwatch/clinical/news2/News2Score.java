package org.wardwatch.clinical.news2;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.wardwatch.model.StateJson;

/**
 * A NEWS2 result: the points of each component that could be scored, the components that could not, the total and its
 * risk band.
 *
 * <p>Every component is either scored or missing. With components missing the score is {@code partial}: the total is
 * the sum of the present components (a lower bound on the true score) and the band is computed from that total, so a
 * partial score may under-state the risk and must be shown as partial.
 *
 * <p>The constructor checks that all parts agree (total, band, partial and missing follow from the components); build
 * one with {@link #of}. Immutable and thread-safe.
 *
 * <p>Clinical source: Royal College of Physicians, <i>National Early Warning Score (NEWS) 2</i>, London: RCP, 2017,
 * charts 1 and 2.
 *
 * @param total       sum of the present components, 0–20
 * @param band        clinical risk band of {@code total}
 * @param components  points of each scored component (0–3), in chart order
 * @param partial     true when any component is missing
 * @param missing     the components that could not be scored, in chart order
 * @param spo2Scale2  true when SpO2 was scored on scale 2
 */
public record News2Score(int total, News2Band band, Map<News2Component, Integer> components, boolean partial,
    List<News2Component> missing, boolean spo2Scale2) {

  private static final JsonFactory JSON = new JsonFactory();
  private static final News2Component[] CHART_ORDER = News2Component.values();
  /** For each set of absent components (bit {@code ordinal}), the list of them in chart order. */
  private static final List<List<News2Component>> ABSENT_LISTS = absentLists();

  /** The highest possible total. */
  public static final int MAX_TOTAL = 20;
  /** The most points a single component can score. */
  public static final int MAX_COMPONENT_POINTS = 3;
  /** The points {@link News2Scores} takes for a component that could not be scored. */
  static final int MISSING_POINTS = -1;

  /** @throws IllegalArgumentException when the parts do not agree */
  public News2Score {
    components = inChartOrder(components);
    List<News2Component> expectedMissing = absentFrom(components);
    if (!expectedMissing.equals(missing)) {
      throw new IllegalArgumentException("Missing must list every unscored component in chart order: expected "
          + expectedMissing + ", got " + missing);
    }
    missing = expectedMissing;
    int sum = sum(components);
    if (total != sum) {
      throw new IllegalArgumentException("Total " + total + " is not the sum of the components, " + sum);
    }
    News2Band expectedBand = News2Band.of(total, components.containsValue(MAX_COMPONENT_POINTS));
    if (band != expectedBand) {
      throw new IllegalArgumentException("Band of total " + total + " is " + expectedBand + ", got " + band);
    }
    if (partial == missing.isEmpty()) {
      throw new IllegalArgumentException("Partial must be true exactly when components are missing: " + missing);
    }
  }

  /** The score made of {@code components}; every component not among them is missing. */
  public static News2Score of(Map<News2Component, Integer> components, boolean spo2Scale2) {
    Map<News2Component, Integer> scored = inChartOrder(components);
    List<News2Component> missing = absentFrom(scored);
    int total = sum(scored);
    News2Band band = News2Band.of(total, scored.containsValue(MAX_COMPONENT_POINTS));
    return new News2Score(total, band, scored, !missing.isEmpty(), missing, spo2Scale2);
  }

  /** The components that scored 3 (red scores), in chart order. */
  public List<News2Component> redComponents() {
    return components.entrySet().stream().filter(entry -> entry.getValue() == MAX_COMPONENT_POINTS)
        .map(Map.Entry::getKey).toList();
  }

  /** The SpO2 scale used: 1 or 2. */
  public int scale() {
    return spo2Scale2 ? 2 : 1;
  }

  /**
   * Writes {@code {"total": 9, "band": "high", "components": {"RESP_RATE": 2, ...}, "partial": false, "missing": [],
   * "scale": 1}}, components and missing in chart order: the score's one JSON form, streamed (a patient's snapshot
   * carries it on every change).
   */
  public void writeTo(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeNumberField("total", total);
    json.writeStringField("band", band.wireName());
    json.writeObjectFieldStart("components");
    for (News2Component component : CHART_ORDER) {
      Integer points = components.get(component);
      if (points != null) {
        json.writeNumberField(component.name(), points);
      }
    }
    json.writeEndObject();
    json.writeBooleanField("partial", partial);
    json.writeArrayFieldStart("missing");
    for (News2Component component : missing) {
      json.writeString(component.name());
    }
    json.writeEndArray();
    json.writeNumberField("scale", scale());
    json.writeEndObject();
  }

  /** What {@link #writeTo} writes, as Vert.x JSON (for the patient's stored state). */
  public JsonObject toJson() {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      writeTo(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new JsonObject(text.toString());
  }

  /**
   * Reads {@link #toJson()} back: the same score, checked like any other (total, band, partial and missing must agree
   * with the components).
   *
   * @throws IllegalArgumentException when a part is missing, unknown or does not agree with the others
   */
  public static News2Score fromJson(JsonObject json) {
    JsonObject scored = StateJson.object(json, "components");
    Map<News2Component, Integer> components = new EnumMap<>(News2Component.class);
    scored.fieldNames().forEach(name ->
        components.put(StateJson.named(News2Component.class, name, "components"), scored.getInteger(name)));
    List<News2Component> missing = StateJson.array(json, "missing").stream()
        .map(name -> StateJson.named(News2Component.class, name, "missing")).toList();
    int scale = StateJson.required(json.getInteger("scale"), "scale");
    if (scale != 1 && scale != 2) {
      throw new IllegalArgumentException("The SpO2 scale is 1 or 2, got " + scale);
    }
    return new News2Score(StateJson.required(json.getInteger("total"), "total"),
        News2Band.fromWireName(StateJson.string(json, "band")), components, StateJson.bool(json, "partial"), missing,
        scale == 2);
  }

  private static Map<News2Component, Integer> inChartOrder(Map<News2Component, Integer> components) {
    Objects.requireNonNull(components, "components");
    Map<News2Component, Integer> ordered = new EnumMap<>(News2Component.class);
    News2Component outOfRange = null;
    for (News2Component component : CHART_ORDER) { // not the entries: an EnumMap makes an entry object for each
      Integer points = components.get(component);
      if (points == null && !components.containsKey(component)) {
        continue;
      }
      if (outOfRange == null && (points == null || points < 0 || points > MAX_COMPONENT_POINTS)) {
        outOfRange = component;
      }
      ordered.put(component, points);
    }
    if (ordered.size() != components.size()) { // a key that is no component: null
      throw new NullPointerException("component");
    }
    if (outOfRange != null) {
      throw new IllegalArgumentException(outOfRange + " scores 0–" + MAX_COMPONENT_POINTS + ", got "
          + components.get(outOfRange));
    }
    return Collections.unmodifiableMap(ordered);
  }

  private static int sum(Map<News2Component, Integer> components) {
    int sum = 0;
    for (Integer points : components.values()) {
      sum += points;
    }
    return sum;
  }

  /** The components not in {@code components}, in chart order: one shared list for each set of absent components. */
  private static List<News2Component> absentFrom(Map<News2Component, Integer> components) {
    int absent = 0;
    for (News2Component component : CHART_ORDER) {
      if (!components.containsKey(component)) {
        absent |= 1 << component.ordinal();
      }
    }
    return ABSENT_LISTS.get(absent);
  }

  private static List<List<News2Component>> absentLists() {
    List<List<News2Component>> lists = new ArrayList<>();
    for (int absent = 0; absent < 1 << CHART_ORDER.length; absent++) {
      List<News2Component> list = new ArrayList<>();
      for (News2Component component : CHART_ORDER) {
        if ((absent & 1 << component.ordinal()) != 0) {
          list.add(component);
        }
      }
      lists.add(List.copyOf(list));
    }
    return List.copyOf(lists);
  }
}
