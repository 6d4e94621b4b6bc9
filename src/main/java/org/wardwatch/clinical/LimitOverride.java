package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.StateJson;

/**
 * A clinician's own alarm limits for one patient and parameter, in force instead of the ward's until
 * {@code expiresAt}, after which the ward's defaults return by themselves. An empty rule list silences threshold
 * alarms of that parameter for the patient for that time: a clinical decision, so it needs a reason like any other.
 */
public record LimitOverride(String patient, Parameter parameter, List<ThresholdRule> rules, String user,
    String reason, Instant setAt, Instant expiresAt) {

  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("patient", patient)
        .put("parameter", parameter.name())
        // an override states its delay and hysteresis even when they are zero
        .put("thresholds", new JsonArray(rules.stream().map(rule -> rule.toJson()
            .put("delaySeconds", rule.onsetDelay().toSeconds())
            .put("hysteresis", rule.hysteresis())).toList()))
        .put("user", user)
        .put("reason", reason)
        .put("setAt", setAt)
        .put("expiresAt", expiresAt);
  }

  /**
   * This override exactly, for its patient's stored state: {@link #toJson()} with each of the {@code thresholds} as
   * {@link ThresholdRule#toState()} (the display form rounds a delay to whole seconds and writes decimals as numbers).
   */
  JsonObject toState() {
    return toJson().put("thresholds", new JsonArray(rules.stream().map(ThresholdRule::toState).toList()));
  }

  /**
   * Reads {@link #toState()} back: an override equal to the one written.
   *
   * @throws IllegalArgumentException when a part is missing or unreadable
   */
  static LimitOverride fromState(JsonObject state) {
    return new LimitOverride(StateJson.string(state, "patient"),
        StateJson.enumValue(Parameter.class, state, "parameter"),
        StateJson.objects(state, "thresholds").stream().map(ThresholdRule::fromState).toList(),
        StateJson.string(state, "user"), StateJson.string(state, "reason"), StateJson.instant(state, "setAt"),
        StateJson.instant(state, "expiresAt"));
  }

  /** This override as an audit-trail entry of {@code type}, e.g. {@code LIMIT_OVERRIDE} or its expiry. */
  JsonObject auditEntry(String type, String actor, Instant at) {
    return new JsonObject().put("at", at).put("patient", patient).put("type", type).put("actor", actor)
        .put("detail", parameter.label() + " limits: " + reason).put("override", toJson());
  }
}
