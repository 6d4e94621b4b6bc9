package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import org.wardwatch.model.StateJson;

/**
 * One entry for the {@link AuditTrail}, under the key its patient's {@link AuditOutbox} gave it when the entry was
 * made: recorded under that key however many times it is recorded, so recording it again is never a second entry.
 *
 * @param entry       the entry as the ward sees it: an alarm transition's JSON, as published, or another entry
 *                    (an assessment, a limit override set or expired, a discharge); at least {@code at},
 *                    {@code patient} and {@code type}
 * @param transition  true for an alarm transition's entry (published to the ward as well as recorded)
 * @param origin      where the clinician's action that made it came from ({@code "bridge 10.1.2.3"}), recorded with
 *                    it; {@code null} for what the gateway did on its own
 */
public record AuditRecord(String key, JsonObject entry, boolean transition, String origin) {

  /** The patient the entry is about. */
  public String patient() {
    return entry.getString("patient");
  }

  /** The entry as the audit trail keeps it: with its {@code origin} when it has one. */
  public JsonObject audited() {
    return origin == null ? entry : entry.copy().put("origin", origin);
  }

  /** This record, made by a clinician's action from {@code origin}. */
  AuditRecord from(String origin) {
    return new AuditRecord(key, entry, transition, origin);
  }

  JsonObject toState() {
    return new JsonObject().put("key", key).put("entry", entry).put("transition", transition).put("origin", origin);
  }

  static AuditRecord fromState(JsonObject state) {
    return new AuditRecord(StateJson.string(state, "key"), StateJson.object(state, "entry"),
        StateJson.bool(state, "transition"), state.getString("origin"));
  }
}
