package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.wardwatch.model.Parameter;

/**
 * The limits clinicians have set for one patient ({@link LimitOverride}), at most one per parameter, until each
 * expires. Owned by the patient's {@link PatientRecord}; not thread-safe.
 */
final class LimitOverrides {

  private final Map<Parameter, LimitOverride> byParameter = new EnumMap<>(Parameter.class);

  /** The override in force for {@code parameter}, or {@code null}. */
  LimitOverride get(Parameter parameter) {
    return byParameter.get(parameter);
  }

  /** Puts {@code override} in force, in place of any for its parameter. */
  void put(LimitOverride override) {
    byParameter.put(override.parameter(), override);
  }

  /** Removes and returns the overrides that have expired at {@code now}. */
  List<LimitOverride> expire(Instant now) {
    if (byParameter.isEmpty()) {
      return List.of();
    }
    List<LimitOverride> expired = byParameter.values().stream().filter(o -> o.expiredAt(now)).toList();
    expired.forEach(o -> byParameter.remove(o.parameter()));
    return expired;
  }

  /** The overrides in force now, by parameter, as a list that does not change with them. */
  List<LimitOverride> inForce() {
    return List.copyOf(byParameter.values());
  }

  /** For the patient's stored state: {@link LimitOverride#toState()} of each. */
  JsonArray toState() {
    return new JsonArray(byParameter.values().stream().map(LimitOverride::toState).toList());
  }

  /** The overrides {@link #toState()} wrote. */
  static LimitOverrides fromState(List<JsonObject> states) {
    LimitOverrides overrides = new LimitOverrides();
    states.forEach(state -> overrides.put(LimitOverride.fromState(state)));
    return overrides;
  }
}
