package org.wardwatch.clinical.alarm;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.Priority;
import org.wardwatch.model.StateJson;

/**
 * The read side of an {@link Alarm}: what it is about, where it stands, and its JSON form. Its public methods are
 * part of {@code Alarm}'s API; the fields are changed only by {@code Alarm}'s operations, the write side, but for the
 * bed and ward it is shown at, which follow its patient ({@link #placedAt}).
 *
 * <p>Package-private and sealed: {@code Alarm} is the one subclass. Not thread-safe, like the alarm it belongs to.
 */
abstract sealed class AlarmView permits Alarm {

  private final String id;
  private final AlarmKind kind;
  private final String conditionKey;
  private DeviceIdentity source;
  private final Instant raisedAt;
  final AlarmTimers timers;
  Priority priority;
  AlarmState state = AlarmState.ACTIVE_UNACKNOWLEDGED;
  String message;
  String acknowledgedBy;
  /** When it was acknowledged; null whenever {@code acknowledgedBy} is. */
  Instant acknowledgedAt;
  /** True while the alarm's device is silent: the alarm stands on the last data received. */
  boolean dataStale;
  /** How often the alarm escalated, HIGH pages included. */
  int escalations;

  AlarmView(String id, AlarmKind kind, String conditionKey, DeviceIdentity source, Priority priority, String message,
      Instant raisedAt, AlarmTimers timers) {
    this.id = Objects.requireNonNull(id, "id");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.conditionKey = Objects.requireNonNull(conditionKey, "conditionKey");
    this.source = Objects.requireNonNull(source, "source");
    this.priority = Objects.requireNonNull(priority, "priority");
    this.message = Objects.requireNonNull(message, "message");
    this.raisedAt = Objects.requireNonNull(raisedAt, "now");
    this.timers = Objects.requireNonNull(timers, "timers");
  }

  /** Stable for the whole episode; given by the owner when raising. */
  public String id() {
    return id;
  }

  public AlarmKind kind() {
    return kind;
  }

  /** What the alarm is about within its patient, e.g. {@code PULSE} or {@code NO_DATA}. */
  public String conditionKey() {
    return conditionKey;
  }

  /** The device and patient the alarm is about, at the patient's bed and ward. */
  public DeviceIdentity source() {
    return source;
  }

  /**
   * The patient is at {@code place}'s bed and ward now: the alarm is shown there, and its transitions go to that ward's
   * screens, those of the team now caring for the patient.
   */
  public void placedAt(DeviceIdentity place) {
    source = source.at(place);
  }

  /** The priority now: raised by a worse condition or by escalation, never lowered. */
  public Priority priority() {
    return priority;
  }

  public AlarmState state() {
    return state;
  }

  /** What a clinician reads about the condition, as last reported at the current priority. */
  public String message() {
    return message;
  }

  /** Who acknowledged; empty while unacknowledged, also after a priority rise re-alarmed the alarm. */
  public Optional<String> acknowledgedBy() {
    return Optional.ofNullable(acknowledgedBy);
  }

  /** True once the alarm is {@link AlarmState#CLEARED}: the owner may forget it. */
  public boolean isFinished() {
    return state.isTerminal();
  }

  /**
   * The alarm as it is now, as shown on the dashboard and embedded in each transition: {@code id, kind, condition,
   * patient, device, bed, ward, priority, state, message, raisedAt, acknowledgedBy, acknowledgedAt, audioPausedUntil,
   * dataStale, escalations}; times as ISO-8601 strings once encoded, absent parts {@code null}.
   */
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("kind", kind.name())
        .put("condition", conditionKey)
        .put("patient", source.patientKey())
        .put("device", source.device())
        .put("bed", source.bed())
        .put("ward", source.wardOrDefault())
        .put("priority", priority.name())
        .put("state", state.name())
        .put("message", message)
        .put("raisedAt", raisedAt)
        .put("acknowledgedBy", acknowledgedBy)
        .put("acknowledgedAt", acknowledgedAt)
        .put("audioPausedUntil", timers.audioPausedUntil())
        .put("dataStale", dataStale)
        .put("escalations", escalations);
  }

  /** Takes the status {@link #toJson} wrote: state, acknowledgement, stale-data mark and escalation count. */
  void readStatus(JsonObject json) {
    state = StateJson.enumValue(AlarmState.class, json, "state");
    acknowledgedBy = json.getString("acknowledgedBy");
    acknowledgedAt = StateJson.optionalInstant(json, "acknowledgedAt");
    dataStale = StateJson.bool(json, "dataStale");
    escalations = StateJson.required(json.getInteger("escalations"), "escalations");
  }

  /** The transition of this alarm, as it stands now, from {@code from}: a list of one, as operations return. */
  List<AlarmTransition> transition(TransitionType type, AlarmState from, String actor, Instant at, String detail) {
    return List.of(new AlarmTransition(id, type, from, state, priority, actor, at, detail, toJson()));
  }

  @Override
  public String toString() {
    return "Alarm[" + id + " " + kind + " " + conditionKey + " " + priority + " " + state + "]";
  }
}
