package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.Priority;

/**
 * A change of a physiological alarm, as published to a ward's alarm address and listed in a patient's snapshot.
 *
 * @param id        stable for one alarm episode: {@code <patient>/<parameter>/<raised epoch ms>}
 * @param source    the device and patient
 * @param state     {@link State#ACTIVE} while the condition holds (also sent when its priority changes), then
 *                  {@link State#CLEARED} once
 * @param message   what a clinician reads, e.g. {@code Pulse 190 /min above 150}
 * @param value     the value that raised, changed or cleared the alarm
 * @param limit     the limit that value was compared with
 * @param raisedAt  when the episode began
 * @param time      when this change happened
 */
public record AlarmEvent(String id, DeviceIdentity source, Parameter parameter, Priority priority, State state,
    String message, BigDecimal value, BigDecimal limit, Instant raisedAt, Instant time) {

  /** Alarm states of this version (acknowledgement and latching come with the clinical engine). */
  public enum State {
    ACTIVE,
    CLEARED
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("patient", source.patientKey())
        .put("device", source.device())
        .put("bed", source.bed())
        .put("ward", source.wardOrDefault())
        .put("parameter", parameter.name())
        .put("priority", priority.name())
        .put("state", state.name())
        .put("message", message)
        .put("value", value)
        .put("limit", limit)
        .put("raisedAt", raisedAt)
        .put("time", time);
  }
}
