package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.wardwatch.model.Priority;

/**
 * The ward picker's line for one ward: {@code {"ward", "patients", "alarms": {"HIGH", "MEDIUM", "LOW"}}}, the number
 * of its patients and of their alarms that are active or await acknowledgement, by priority, physiological and
 * technical together, counted from their snapshots. Pure; not thread-safe.
 */
final class WardSummary {

  private final String ward;
  private int patients;
  private final Map<Priority, Integer> openAlarms = new EnumMap<>(Priority.class);

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
    for (String list : new String[] {"alarms", "technicalAlarms"}) {
      snapshot.getJsonArray(list, new JsonArray()).stream().map(JsonObject.class::cast)
          .map(alarm -> alarm.getString("priority"))
          .filter(priority -> priority != null && !priority.equals("NONE"))
          .forEach(priority -> openAlarms.merge(Priority.valueOf(priority), 1, Integer::sum));
    }
  }

  private JsonObject toJson() {
    JsonObject alarms = new JsonObject();
    for (Priority priority : new Priority[] {Priority.HIGH, Priority.MEDIUM, Priority.LOW}) {
      alarms.put(priority.name(), openAlarms.getOrDefault(priority, 0));
    }
    return new JsonObject().put("ward", ward).put("patients", patients).put("alarms", alarms);
  }
}
