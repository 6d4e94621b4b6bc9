package org.wardwatch.clinical;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.BusCodecs;
import org.wardwatch.bus.PatientSnapshot;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;

/**
 * Makes a {@link WardUpdate} known, for the clinical engine once the update may be seen: its snapshots on
 * {@link Addresses#wardVitals}, its alarm transitions on {@link Addresses#wardAlarms} (escalations also on
 * {@link Addresses#wardEscalations}), each transition and other audit entry logged and recorded in the
 * {@link AuditTrail}.
 *
 * <p>Not thread-safe: used on the clinical engine verticle's event loop.
 */
final class UpdateAnnouncer {

  /** The engine's log: alarm transitions are its lines, as operators know them. */
  private static final Logger LOG = LoggerFactory.getLogger(ClinicalEngineVerticle.class);

  private final EventBus bus;
  private final AuditTrail audit;

  UpdateAnnouncer(EventBus bus, AuditTrail audit) {
    this.bus = bus;
    this.audit = audit;
  }

  void announce(WardUpdate update) {
    if (!update.transitions().isEmpty()) { // not even an iterator for a frame's usual update, which has none
      announceTransitions(update.transitions(), update.origin());
    }
    if (!update.auditEntries().isEmpty()) {
      recordAuditEntries(update.auditEntries(), update.origin());
    }
    for (PatientSnapshot snapshot : update.snapshots()) {
      bus.publish(Addresses.wardVitals(snapshot.ward()), snapshot);
    }
  }

  /**
   * Publishes each transition to its ward's alarms (and escalations), logs it and records it in the audit trail, with
   * the {@code origin} of the action that made it when a user did.
   */
  private void announceTransitions(List<AlarmTransition> transitions, String origin) {
    for (AlarmTransition transition : transitions) {
      JsonObject json = transition.toJson();
      String ward = json.getString("ward");
      LOG.info("[{}] alarm {} {} {} by {}{}: {}", json.getString("patient"), transition.alarmId(), transition.type(),
          transition.priority(), transition.actor(), origin == null || AlarmTransition.SYSTEM.equals(transition.actor())
              ? "" : " (" + origin + ")", transition.detail());
      bus.publish(Addresses.wardAlarms(ward), json, BusCodecs.sharedJson());
      if (transition.type() == TransitionType.ESCALATED) {
        bus.publish(Addresses.wardEscalations(ward), json, BusCodecs.sharedJson());
      }
      JsonObject entry = AlarmTransition.SYSTEM.equals(transition.actor()) ? json : withOrigin(json.copy(), origin);
      audit.record(entry).onFailure(error -> LOG.error("audit entry for {} not recorded", transition.alarmId(), error));
    }
  }

  /**
   * Logs each of the other audit entries (assessments, limit overrides set or expired, discharges) and records it in
   * the audit trail, with the {@code origin} of the action that made it.
   */
  private void recordAuditEntries(List<JsonObject> auditEntries, String origin) {
    for (JsonObject entry : auditEntries) {
      LOG.info("[{}] {} by {}{}: {}", entry.getString("patient"), entry.getString("type"), entry.getString("actor"),
          origin == null ? "" : " (" + origin + ")", entry.getString("detail"));
      audit.record(withOrigin(entry.copy(), origin))
          .onFailure(error -> LOG.error("audit entry {} not recorded", entry.getString("type"), error));
    }
  }

  private static JsonObject withOrigin(JsonObject entry, String origin) {
    return origin == null ? entry : entry.put("origin", origin);
  }
}
