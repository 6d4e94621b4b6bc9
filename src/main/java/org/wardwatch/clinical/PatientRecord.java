package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

/**
 * What the gateway currently knows of one patient: where they are, the latest value of each parameter, and the active
 * alarms. Its JSON snapshot is what browsers receive and what {@code GET /api/patients/{id}} returns; {@code seq}
 * increases by one per change so a client can detect a gap.
 *
 * <p>Not thread-safe: owned by the alert rules verticle.
 */
final class PatientRecord {

  private final String key;
  private DeviceIdentity source;
  private long seq;
  private Instant updated;
  private final Map<Parameter, Observation> latest = new EnumMap<>(Parameter.class);
  private final Map<Parameter, AlarmEvent> activeAlarms = new EnumMap<>(Parameter.class);
  private final Map<Parameter, ThresholdTracker> trackers = new EnumMap<>(Parameter.class);

  PatientRecord(String key, DeviceIdentity source) {
    this.key = key;
    this.source = source;
  }

  String key() {
    return key;
  }

  String ward() {
    return source.wardOrDefault();
  }

  /**
   * Records a value unless it is older than the one already held.
   *
   * @return true when it became the parameter's latest value (and so the one alarms are judged on)
   */
  boolean record(Observation observation) {
    source = observation.source();
    Observation held = latest.get(observation.parameter());
    if (held != null && observation.effectiveTime().isBefore(held.effectiveTime())) {
      return false;
    }
    latest.put(observation.parameter(), observation);
    return true;
  }

  ThresholdTracker tracker(Parameter parameter) {
    return trackers.computeIfAbsent(parameter, p -> new ThresholdTracker());
  }

  AlarmEvent activeAlarm(Parameter parameter) {
    return activeAlarms.get(parameter);
  }

  void apply(AlarmEvent event) {
    if (event.state() == AlarmEvent.State.CLEARED) {
      activeAlarms.remove(event.parameter());
    } else {
      activeAlarms.put(event.parameter(), event);
    }
  }

  /** Marks the end of one update: bumps the sequence number browsers use to detect gaps. */
  void touch(Instant now) {
    seq++;
    updated = now;
  }

  JsonObject toJson() {
    JsonObject vitals = new JsonObject();
    latest.forEach((parameter, observation) -> vitals.put(parameter.name(), new JsonObject()
        .put("value", observation.value())
        .put("unit", observation.unit())
        .put("time", observation.effectiveTime())
        .put("questionable", observation.questionable())));
    return new JsonObject()
        .put("patient", key)
        .put("device", source.device())
        .put("bed", source.bed())
        .put("ward", source.wardOrDefault())
        .put("seq", seq)
        .put("updated", updated)
        .put("vitals", vitals)
        .put("alarms", new JsonArray(activeAlarms.values().stream().map(AlarmEvent::toJson).toList()));
  }
}
