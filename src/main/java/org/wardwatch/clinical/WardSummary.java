package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.wardwatch.model.Priority;

/**
 * The ward picker's line for one ward: {@code {"ward", "patients", "alarms": {"HIGH", "MEDIUM", "LOW"}, "technical":
 * {"HIGH", "MEDIUM", "LOW"}}}, the number of its patients and of their alarms that are active or await
 * acknowledgement, by priority, physiological ({@code alarms}, as the ward's screen counts them) and technical apart,
 * counted from their snapshots. Pure; not thread-safe.
 */
final class WardSummary {

  private static final Priority[] SHOWN = {Priority.HIGH, Priority.MEDIUM, Priority.LOW};

  private final String ward;
  private int patients;
  private final Map<Priority, Integer> physiological = new EnumMap<>(Priority.class);
  private final Map<Priority, Integer> technical = new EnumMap<>(Priority.class);

  private WardSummary(String ward) {
    this.ward = ward;
  }

  /** One line per ward that has a patient, sorted by ward name, from the patients' snapshots. */
  static JsonArray of(Collection<JsonObject> snapshots) {
    Map<String, WardSummary> wards = new TreeMap<>();
    snapshots.forEach(snapshot -> wards.computeIfAbsent(snapshot.getString("ward"), WardSummary::new).add(snapshot));
    return new JsonArray(wards.values().stream().map(WardSummary::toJson).toList());
  }

  /** A snapshot lists only live alarms: each is active or awaits acknowledgement. */
  private void add(JsonObject snapshot) {
    patients++;
    count(snapshot.getJsonArray("alarms", new JsonArray()), physiological);
    count(snapshot.getJsonArray("technicalAlarms", new JsonArray()), technical);
  }

  private static void count(JsonArray alarms, Map<Priority, Integer> byPriority) {
    alarms.stream().map(JsonObject.class::cast).map(alarm -> alarm.getString("priority"))
        .filter(priority -> priority != null && !priority.equals("NONE"))
        .forEach(priority -> byPriority.merge(Priority.valueOf(priority), 1, Integer::sum));
  }

  private JsonObject toJson() {
    return new JsonObject().put("ward", ward).put("patients", patients).put("alarms", byPriority(physiological))
        .put("technical", byPriority(technical));
  }

  private static JsonObject byPriority(Map<Priority, Integer> counts) {
    JsonObject json = new JsonObject();
    for (Priority priority : SHOWN) {
      json.put(priority.name(), counts.getOrDefault(priority, 0));
    }
    return json;
  }
}
