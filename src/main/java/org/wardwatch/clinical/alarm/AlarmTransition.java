package org.wardwatch.clinical.alarm;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import org.wardwatch.model.Priority;

/**
 * One thing that happened to an alarm: what, from which state to which, by whom and when, with a snapshot of the whole
 * alarm right after it. The unit that is published to browsers and written to the audit trail.
 *
 * <p>Created by {@link Alarm} only; an immutable value (the snapshot is copied in and out), safe to pass between
 * threads and over the event bus as {@link #toJson()}.
 *
 * @param alarmId    the alarm's id
 * @param type       what happened
 * @param fromState  the state before; {@code null} for {@link TransitionType#RAISED}
 * @param toState    the state after; equal to {@code fromState} for announcements (reminder, escalation page, audio)
 * @param priority   the alarm's priority after the transition
 * @param actor      the user who acted, or {@link #SYSTEM} for transitions the gateway made on its own
 * @param at         when it happened
 * @param detail     what a person reads in the audit trail, e.g. {@code acknowledged by nurse.kim}
 * @param snapshot   the alarm as {@link Alarm#toJson()} right after the transition
 */
public record AlarmTransition(String alarmId, TransitionType type, AlarmState fromState, AlarmState toState,
    Priority priority, String actor, Instant at, String detail, JsonObject snapshot) {

  /** The actor of transitions nobody asked for: raising, condition changes, timers and data freshness. */
  public static final String SYSTEM = "system";

  /** Checks the required parts and copies the snapshot, so later changes to the caller's object do not leak in. */
  public AlarmTransition {
    Objects.requireNonNull(alarmId, "alarmId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(toState, "toState");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(detail, "detail");
    snapshot = Objects.requireNonNull(snapshot, "snapshot").copy();
  }

  /** The key of the patient whose alarm it is. */
  public String patient() {
    return snapshot.getString("patient");
  }

  /** A copy of the alarm's snapshot: changing it changes nothing here. */
  @Override
  public JsonObject snapshot() {
    return snapshot.copy();
  }

  /**
   * This transition as published and audited: {@code alarmId, patient, ward, type, from, to, priority, actor, at,
   * detail} and the alarm snapshot under {@code alarm}. {@code patient} and {@code ward} repeat the snapshot's, so the
   * object is a complete audit-trail entry and can be routed without opening the snapshot. {@code from} is
   * {@code null} for {@link TransitionType#RAISED}.
   */
  public JsonObject toJson() {
    return new JsonObject()
        .put("alarmId", alarmId)
        .put("patient", snapshot.getString("patient"))
        .put("ward", snapshot.getString("ward"))
        .put("type", type.name())
        .put("from", fromState == null ? null : fromState.name())
        .put("to", toState.name())
        .put("priority", priority.name())
        .put("actor", actor)
        .put("at", at)
        .put("detail", detail)
        .put("alarm", snapshot());
  }
}
