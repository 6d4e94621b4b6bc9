package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.wardwatch.clinical.alarm.Alarm;
import org.wardwatch.clinical.alarm.AlarmKind;
import org.wardwatch.clinical.alarm.AlarmPolicy;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.Priority;

/**
 * One patient's live alarms (every alarm not yet finished), keyed by id, and the reconciliation of each alarm
 * condition with them: a condition that starts raises one alarm, a condition that goes on updates it, a condition that
 * ends ends it, and a condition that becomes a new one (a part its alarm does not stand for, {@link AlarmCondition})
 * ends it and raises another. At most one alarm per condition key has its condition present, so repeated or
 * concurrent reports of the same condition never make a second alarm.
 *
 * <p>Pure; not thread-safe: owned with its patient by the clinical engine. (Longer than most: every rule, clinician's
 * action and view that touches a patient's live alarms goes through it, each by a short method on the one map.)
 */
final class PatientAlarms {

  /** Names a newly raised alarm: an id unique to its episode, also across nodes. */
  @FunctionalInterface
  interface AlarmIds {

    /** {@code patient/condition/random UUID}, the ids of production. */
    AlarmIds RANDOM = (patientKey, conditionKey, now) -> patientKey + "/" + conditionKey + "/" + UUID.randomUUID();

    String newId(String patientKey, String conditionKey, Instant now);
  }

  private final Map<String, Alarm> live = new LinkedHashMap<>();
  private boolean refreshed;

  /**
   * Brings the alarm of {@code conditionKey} in line with {@code condition} ({@code null} when it does not hold).
   *
   * @return the transitions this caused
   */
  List<AlarmTransition> reconcile(String conditionKey, AlarmKind kind, AlarmCondition condition,
      DeviceIdentity source, AlarmPolicy policy, AlarmIds ids, Instant now) {
    Alarm current = withConditionPresent(conditionKey);
    List<AlarmTransition> transitions;
    if (condition == null) {
      transitions = current == null ? List.of() : current.conditionEnded(now);
    } else if (current != null && current.standsFor(condition.parts())) {
      String before = current.message();
      transitions = current.update(condition.priority(), condition.message(), condition.parts(), now);
      refreshed |= !before.equals(current.message());
    } else { // a condition that starts, or a new one in place of the alarm's (AlarmCondition)
      String id = ids.newId(source.patientKey(), conditionKey, now);
      Alarm.Raised raised = Alarm.raise(id, kind, conditionKey, source, condition.priority(), condition.message(),
          condition.parts(), now, policy);
      transitions = new ArrayList<>();
      if (current != null) {
        raised.alarm().escalatesAfter(current); // before the old one ends, and its clock with it
        transitions.addAll(current.superseded(now));
      }
      live.put(id, raised.alarm());
      transitions.add(raised.transition());
    }
    if (!transitions.isEmpty()) {
      forgetFinished();
    }
    return transitions;
  }

  /**
   * The condition {@code conditionKey} is not reported now, and its end must hold ({@link Alarm#conditionEasing}): its
   * alarm ends once it has, {@code shown} meanwhile ({@code message} describing the current value).
   */
  List<AlarmTransition> easeOff(String conditionKey, String message, boolean shown, Instant now) {
    Alarm current = withConditionPresent(conditionKey);
    if (current == null) {
      return List.of();
    }
    String before = current.message();
    List<AlarmTransition> transitions = current.conditionEasing(message, shown, now);
    refreshed |= !before.equals(current.message());
    if (!transitions.isEmpty()) {
      forgetFinished();
    }
    return transitions;
  }

  /** When the end of condition {@code conditionKey} under way will count ({@link #easeOff}), or empty. */
  Optional<Instant> endCountsAt(String conditionKey) {
    Alarm current = withConditionPresent(conditionKey);
    return current == null ? Optional.empty() : current.endCountsAt();
  }

  /** Whether the condition {@code conditionKey} is present: an alarm for it is active. */
  boolean isPresent(String conditionKey) {
    return withConditionPresent(conditionKey) != null;
  }

  /** The device the alarm of {@code conditionKey} was raised for; null when its condition is not present. */
  String deviceOf(String conditionKey) {
    Alarm current = withConditionPresent(conditionKey);
    return current == null ? null : current.source().device();
  }

  /** The patient is at {@code place}'s bed and ward now: so are their alarms ({@link Alarm#placedAt}). */
  void placedAt(DeviceIdentity place) {
    live.values().forEach(alarm -> alarm.placedAt(place));
  }

  /** Applies {@code action} to alarm {@code id}; empty when this patient has no such live alarm. */
  Optional<List<AlarmTransition>> act(String id, Function<Alarm, List<AlarmTransition>> action) {
    Alarm alarm = live.get(id);
    if (alarm == null) {
      return Optional.empty();
    }
    List<AlarmTransition> transitions = action.apply(alarm);
    forgetFinished();
    return Optional.of(transitions);
  }

  /** Marks the data behind the alarms whose condition key starts with {@code prefix} as stale or fresh. */
  List<AlarmTransition> markData(String prefix, boolean stale, Instant now) {
    List<AlarmTransition> transitions = null; // most calls change nothing: no list is made for them
    for (Alarm alarm : live.values()) {
      if (alarm.conditionKey().startsWith(prefix)) {
        List<AlarmTransition> marked = alarm.markData(stale, now);
        if (!marked.isEmpty()) {
          transitions = transitions == null ? new ArrayList<>() : transitions;
          transitions.addAll(marked);
        }
      }
    }
    return transitions == null ? List.of() : transitions;
  }

  /** Runs every alarm's timers (audio re-arm, escalation, reminder) up to {@code now}. */
  List<AlarmTransition> tick(Instant now) {
    List<AlarmTransition> transitions = new ArrayList<>();
    for (Alarm alarm : live.values()) {
      transitions.addAll(alarm.tick(now));
    }
    forgetFinished();
    return transitions;
  }

  /**
   * The messages of the HIGH-priority physiological alarms awaiting acknowledgement (active, or latched), in the order
   * raised. (A technical alarm escalated to HIGH, the monitor's disconnection say, is what a discharge ends.)
   */
  List<String> unacknowledgedHigh() {
    return unacknowledged(alarm -> alarm.priority() == Priority.HIGH);
  }

  /**
   * The messages of the physiological alarms of {@code conditionKeys} awaiting acknowledgement (active, or latched), in
   * the order raised.
   */
  List<String> unacknowledged(Set<String> conditionKeys) {
    return unacknowledged(alarm -> conditionKeys.contains(alarm.conditionKey()));
  }

  private List<String> unacknowledged(Predicate<Alarm> which) {
    return live.values().stream()
        .filter(alarm -> alarm.kind() == AlarmKind.PHYSIOLOGICAL && alarm.state().isAwaitingAcknowledgement()
            && which.test(alarm))
        .map(Alarm::message).toList();
  }

  /** {@code user} discharged the patient: every live alarm is cleared in their name ({@link Alarm#clearedBy}). */
  List<AlarmTransition> discharge(String user, Instant now) {
    List<AlarmTransition> transitions = new ArrayList<>();
    for (Alarm alarm : live.values()) {
      transitions.addAll(alarm.clearedBy(user, "patient discharged by " + user, now));
    }
    live.clear();
    return transitions;
  }

  /**
   * True, once, when a reconciliation changed an alarm's message since the last call. A condition that persists at
   * the same priority with another description changes the message without a transition: a change to publish and store
   * all the same.
   */
  boolean takeRefreshed() {
    boolean was = refreshed;
    refreshed = false;
    return was;
  }

  /** The live alarms for the patient's stored state: {@link Alarm#toState()} of each, in the order they were raised. */
  JsonArray toState() {
    return new JsonArray(live.values().stream().map(Alarm::toState).toList());
  }

  /**
   * The live alarms {@link #toState()} wrote, in the same order.
   *
   * @throws IllegalArgumentException when an alarm is unreadable, or two have the same id
   */
  static PatientAlarms fromState(List<JsonObject> state) {
    PatientAlarms alarms = new PatientAlarms();
    for (JsonObject alarmState : state) {
      Alarm alarm = Alarm.fromState(alarmState);
      if (alarms.live.putIfAbsent(alarm.id(), alarm) != null) {
        throw new IllegalArgumentException("two alarms have the id " + alarm.id());
      }
    }
    return alarms;
  }

  boolean has(String id) {
    return live.containsKey(id);
  }

  /** The live alarms of {@code kind} as JSON, most urgent first. */
  JsonArray toJson(AlarmKind kind) {
    if (live.isEmpty()) { // most patients, most of the time: every snapshot asks
      return new JsonArray();
    }
    return new JsonArray(live.values().stream()
        .filter(alarm -> alarm.kind() == kind)
        .sorted((a, b) -> b.priority().compareTo(a.priority()))
        .map(Alarm::toJson)
        .toList());
  }

  /**
   * {@code user} ended what the alarm of {@code conditionKey} watches ({@link Alarm#clearedBy}): it is cleared in their
   * name, {@code why}, and forgotten. Nothing happens without such an alarm.
   */
  List<AlarmTransition> clearedBy(String conditionKey, String user, String why, Instant now) {
    Alarm current = withConditionPresent(conditionKey);
    if (current == null) {
      return List.of();
    }
    List<AlarmTransition> transitions = current.clearedBy(user, why, now);
    forgetFinished();
    return transitions;
  }

  /**
   * The live alarm of {@code conditionKey} whose condition is present, or {@code null} (a loop: called for every
   * condition of a frame).
   */
  private Alarm withConditionPresent(String conditionKey) {
    for (Alarm alarm : live.values()) {
      if (alarm.conditionKey().equals(conditionKey) && alarm.state().isConditionPresent()) {
        return alarm;
      }
    }
    return null;
  }

  private void forgetFinished() {
    live.values().removeIf(Alarm::isFinished);
  }
}
