package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.wardwatch.model.BloodPressure;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.StateJson;

/**
 * The sensors a patient's devices reported off (a probe detached or switched off), each with the time of the frame
 * that said so, in the order of the values' own times: a frame's OFF behind a later value of its parameter (a late
 * frame's) turns nothing off, and a value measured before the OFF (a late frame's too) does not turn its sensor back
 * on. Each also with when the gateway received the latest frame that said so, by its own clock (a monitor repeats it
 * in every frame while the measurement is on). Owned by the patient's {@link PatientMeasurements}; not thread-safe.
 */
final class SensorsOff {

  /** Each sensor off, with when its frame said so (null: not known, from a state written before it was kept). */
  private final Map<Parameter, Instant> off = new EnumMap<>(Parameter.class);
  /** Each sensor off, with when the gateway received the latest frame that said so (absent: not known). */
  private final Map<Parameter, Instant> received = new EnumMap<>(Parameter.class);

  /**
   * The frame of {@code time}, received at {@code receivedAt}, reported {@code parameter}'s sensor off, where
   * {@code held} is the parameter's latest value (null: none); true when it is taken, false for a late frame's.
   */
  boolean reportedOff(Parameter parameter, Instant time, Instant receivedAt, Observation held) {
    if (held != null && time.isBefore(held.effectiveTime())) {
      return false;
    }
    off.put(parameter, time);
    received.put(parameter, receivedAt);
    return true;
  }

  /**
   * {@code value} became its parameter's latest: its sensor is back, unless it was measured before the OFF; and so is a
   * systolic pressure's mean, which a device may not send ({@link BloodPressure#meanMeasuredWith}).
   */
  void valued(Observation value) {
    if (!off.isEmpty()) {
      backOn(value.parameter(), value.effectiveTime());
      Parameter mean = BloodPressure.meanMeasuredWith(value.parameter());
      if (mean != null) {
        backOn(mean, value.effectiveTime());
      }
    }
  }

  private void backOn(Parameter parameter, Instant measured) {
    Instant offAt = off.get(parameter);
    if (offAt == null || !measured.isBefore(offAt)) {
      forget(parameter);
    }
  }

  /** True when the device last reported {@code parameter}'s sensor off (asked of each value on every frame). */
  boolean contains(Parameter parameter) {
    return off.containsKey(parameter);
  }

  /** When the gateway received the latest frame that reported {@code parameter}'s sensor off; null when not known. */
  Instant reportedAt(Parameter parameter) {
    return received.get(parameter);
  }

  /** {@code parameter}'s sensor is on again, or it is no longer measured. */
  void forget(Parameter parameter) {
    off.remove(parameter);
    received.remove(parameter);
  }

  /** The parameters whose sensor is off (a view). */
  Set<Parameter> parameters() {
    return Collections.unmodifiableSet(off.keySet());
  }

  /**
   * Puts these into a patient's stored state: {@code sensorsOff} (names), {@code sensorsOffAt} (name to time) and
   * {@code sensorsOffReceivedAt} (name to time).
   */
  JsonObject writeTo(JsonObject state) {
    return state.put("sensorsOff", new JsonArray(off.keySet().stream().map(Parameter::name).toList()))
        .put("sensorsOffAt", byName(off)).put("sensorsOffReceivedAt", byName(received));
  }

  private static JsonObject byName(Map<Parameter, Instant> times) {
    JsonObject json = new JsonObject();
    times.forEach((parameter, time) -> json.put(parameter.name(), time));
    return json;
  }

  /**
   * The sensors {@link #writeTo} wrote into {@code state}; those of a state written before their times were kept have
   * none (any later value turns them back on).
   *
   * @throws IllegalArgumentException when a name or a time is not one
   */
  static SensorsOff fromState(JsonObject state) {
    SensorsOff read = new SensorsOff();
    JsonObject times = state.getJsonObject("sensorsOffAt", new JsonObject());
    JsonObject received = state.getJsonObject("sensorsOffReceivedAt", new JsonObject());
    for (Object name : StateJson.array(state, "sensorsOff")) {
      Parameter parameter = StateJson.named(Parameter.class, name, "sensorsOff");
      read.off.put(parameter, StateJson.optionalInstant(times, parameter.name()));
      Instant receivedAt = StateJson.optionalInstant(received, parameter.name());
      if (receivedAt != null) {
        read.received.put(parameter, receivedAt);
      }
    }
    return read;
  }
}
