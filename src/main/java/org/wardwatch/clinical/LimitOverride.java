package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.wardwatch.model.Parameter;

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

  /** This override as an audit-trail entry of {@code type}, e.g. {@code LIMIT_OVERRIDE} or its expiry. */
  JsonObject auditEntry(String type, String actor, Instant at) {
    return new JsonObject().put("at", at).put("patient", patient).put("type", type).put("actor", actor)
        .put("detail", parameter.label() + " limits: " + reason).put("override", toJson());
  }
}
