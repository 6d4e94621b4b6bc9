package org.wardwatch.clinical.alarm;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.Priority;
import org.wardwatch.model.StateJson;

/**
 * One alarm episode and its lifecycle: acknowledgement, latching, audio pause, escalation, reminders and the stale-data
 * marker, with the rules set out in the {@linkplain org.wardwatch.clinical.alarm package description}.
 *
 * <p>Each operation takes the time it happens at and returns the transitions it caused, in order, or none; repeating an
 * operation causes no further transition. {@link #tick} reports the timers fallen due, {@link #nextDeadline} the next.
 *
 * <p>Not thread-safe: owned by the verticle of its patient, on its event loop. (Longer than most: each action and timer
 * of an episode is a method here; their state is in {@link AlarmView}, {@link ConditionCourse}, {@link AlarmTimers}.)
 */
public final class Alarm extends AlarmView {

  private final AlarmPolicy policy;
  private ConditionCourse condition;

  /** A newly raised alarm and its {@link TransitionType#RAISED} transition, to publish. */
  public record Raised(Alarm alarm, AlarmTransition transition) {}

  private Alarm(String id, AlarmKind kind, String conditionKey, DeviceIdentity source, Priority priority,
      String message, Instant raisedAt, AlarmPolicy policy, AlarmTimers timers) {
    super(id, kind, conditionKey, source, priority, message, raisedAt, timers);
    this.policy = policy;
  }

  /**
   * Starts a new episode, active and unacknowledged, with its escalation clock running. The owner keeps one active
   * alarm per patient and condition key and {@link #update}s it rather than raising again.
   *
   * @param conditionKey  what the alarm is about within its patient, e.g. {@code PULSE} or {@code NO_DATA}
   * @param message       what a clinician reads, e.g. {@code Pulse 190 /min above 150}
   * @param parts         what the condition is made of where its key covers several, e.g. {@code ABOVE} or the
   *                      parameters a sensor-off alarm names ({@link #standsFor}); empty for a condition of one part
   */
  public static Raised raise(String id, AlarmKind kind, String conditionKey, DeviceIdentity source, Priority priority,
      String message, Set<String> parts, Instant now, AlarmPolicy policy) {
    Alarm alarm = new Alarm(id, kind, conditionKey, source, priority, message, now, policy, new AlarmTimers(policy));
    alarm.condition = new ConditionCourse(priority, parts);
    alarm.timers.escalateFrom(priority, now);
    return new Raised(alarm, alarm.transition(TransitionType.RAISED, null, AlarmTransition.SYSTEM, now,
        priority + " " + kind + " alarm: " + message).get(0));
  }

  /**
   * This alarm exactly, for its patient's stored state: {@link #toJson()} (whose {@code patient}, {@code device},
   * {@code bed} and {@code ward} are for display and not read back), plus the whole {@code source}, the timers'
   * deadlines {@code escalationDue} and {@code reminderDue} ({@code audioPausedUntil} is already there), the course of
   * the condition itself ({@link ConditionCourse#writeTo}), and the alarm's own {@code policy}, so that the alarm goes
   * on with the timings it was raised under, as it would here after a rules reload.
   */
  public JsonObject toState() {
    return condition.writeTo(toJson().put("source", source().toJson()))
        .mergeIn(timers.toState())
        .put("policy", policy.toState());
  }

  /**
   * The alarm {@link #toState()} wrote, in the same state, with the same id, acknowledgement, audio pause, escalation
   * and reminder deadlines, escalation count and stale-data mark. Nothing is checked beyond the format: the state is
   * trusted to be one an alarm was in.
   *
   * @throws IllegalArgumentException when a required field is missing or not an enum name, instant or duration as it
   *     should be; a field of another JSON type throws Vert.x's {@link ClassCastException}
   */
  public static Alarm fromState(JsonObject state) {
    AlarmPolicy policy = AlarmPolicy.fromState(StateJson.object(state, "policy"));
    Alarm alarm = new Alarm(StateJson.string(state, "id"), StateJson.enumValue(AlarmKind.class, state, "kind"),
        StateJson.string(state, "condition"), DeviceIdentity.fromJson(StateJson.object(state, "source")),
        StateJson.enumValue(Priority.class, state, "priority"), StateJson.string(state, "message"),
        StateJson.instant(state, "raisedAt"), policy, AlarmTimers.fromState(policy, state));
    alarm.readStatus(state);
    alarm.condition = ConditionCourse.fromState(state, alarm.priority);
    return alarm;
  }

  /**
   * The condition persists at {@code newPriority}, made of {@code parts} ({@link #standsFor}). Higher than the
   * condition was (whatever escalation raised the alarm to): {@link TransitionType#PRIORITY_RAISED}, and the alarm is
   * unacknowledged again. Same or lower: the message is refreshed silently and the alarm keeps its priority; a lower
   * priority held a while becomes the condition's ({@link ConditionCourse#risesFrom}). Condition ended: nothing.
   *
   * @param newMessage  the message for the current value, or {@code null} to keep the present one
   */
  public List<AlarmTransition> update(Priority newPriority, String newMessage, Set<String> parts, Instant now) {
    Objects.requireNonNull(newPriority, "priority");
    if (!state.isConditionPresent()) {
      return List.of();
    }
    message = newMessage != null ? newMessage : message;
    Priority before = condition.risesFrom(newPriority, parts, now);
    if (before == null) {
      return List.of();
    }
    AlarmState from = state;
    Priority held = priority;
    priority = newPriority.compareTo(priority) > 0 ? newPriority : priority;
    state = AlarmState.ACTIVE_UNACKNOWLEDGED;
    acknowledgedBy = null;
    acknowledgedAt = null;
    timers.cancelAudioPause();
    if (from != AlarmState.ACTIVE_UNACKNOWLEDGED || priority != held) { // else unanswered all along: its clock runs on
      timers.escalateFrom(priority, now);
    }
    return transition(TransitionType.PRIORITY_RAISED, from, AlarmTransition.SYSTEM, now,
        "condition worse, " + before + " to " + newPriority + ": " + message);
  }

  /**
   * True when the condition as last reported had every one of {@code conditionParts} (one stored before parts were
   * kept: any); else the owner ends this alarm ({@link #superseded}) and raises another ({@link #escalatesAfter}).
   */
  public boolean standsFor(Set<String> conditionParts) {
    return condition.standsFor(conditionParts);
  }

  /** Raised in place of {@code superseded}, this alarm escalates no later than that one would have. */
  public void escalatesAfter(Alarm superseded) {
    timers.escalateNoLaterThan(superseded.timers);
  }

  /**
   * The condition is not reported now, where its end must hold (NEWS2's: no hysteresis damps a total wavering at the
   * edge of its alarm bands): {@link #conditionEnded} once it has not been for the easing time, {@code shown} each
   * time; until then {@code newMessage} describes the current value. Not {@code shown} (its data is not fresh): nothing
   * changes, and an end under way starts over.
   */
  public List<AlarmTransition> conditionEasing(String newMessage, boolean shown, Instant now) {
    if (!state.isConditionPresent()) {
      return List.of();
    }
    if (!shown) {
      condition.endUnshown();
      return List.of();
    }
    message = newMessage;
    return condition.gone(now) ? conditionEnded(now) : List.of();
  }

  /** When the end under way ({@link #conditionEasing}) will count; empty when none is. */
  public Optional<Instant> endCountsAt() {
    return condition.endCountsAt();
  }

  /**
   * The condition is over: an unacknowledged latching alarm goes to {@link AlarmState#CLEARED_UNACKNOWLEDGED} and keeps
   * signalling ({@link TransitionType#CONDITION_ENDED}); any other active alarm is {@link TransitionType#CLEARED}.
   */
  public List<AlarmTransition> conditionEnded(Instant now) {
    return end("condition ended", now);
  }

  /**
   * The condition became a new one, with a part this alarm does not stand for ({@link #standsFor}): the alarm ends as
   * for {@link #conditionEnded}, and the owner raises a new alarm, unacknowledged, for the new condition.
   */
  public List<AlarmTransition> superseded(Instant now) {
    return end("condition changed; a new alarm follows", now);
  }

  private List<AlarmTransition> end(String why, Instant now) {
    if (!state.isConditionPresent()) {
      return List.of();
    }
    AlarmState from = state;
    if (from == AlarmState.ACTIVE_UNACKNOWLEDGED && kind().latches(priority)) {
      state = AlarmState.CLEARED_UNACKNOWLEDGED;
      timers.latched();
      return transition(TransitionType.CONDITION_ENDED, from, AlarmTransition.SYSTEM, now,
          why + "; latched until acknowledged");
    }
    state = AlarmState.CLEARED;
    timers.stop();
    return transition(TransitionType.CLEARED, from, AlarmTransition.SYSTEM, now, why);
  }

  /**
   * {@code user} acknowledges: an active alarm goes silent until its condition ends and reminders start; a latched
   * alarm is cleared. Nothing happens to an alarm already acknowledged or cleared.
   *
   * @throws IllegalArgumentException when {@code user} is blank
   */
  public List<AlarmTransition> acknowledge(String user, Instant now) {
    requireUser(user);
    if (!state.isAwaitingAcknowledgement()) {
      return List.of();
    }
    AlarmState from = state;
    acknowledgedBy = user;
    acknowledgedAt = Objects.requireNonNull(now, "now");
    if (from == AlarmState.ACTIVE_UNACKNOWLEDGED) {
      state = AlarmState.ACTIVE_ACKNOWLEDGED;
      timers.remindFrom(now);
    } else {
      state = AlarmState.CLEARED;
      timers.stop();
    }
    return transition(TransitionType.ACKNOWLEDGED, from, user, now, "acknowledged by " + user);
  }

  /**
   * {@code user} ended what the alarm watches (discharged the patient, stopped its score): the alarm is over whatever
   * its state ({@link TransitionType#CLEARED} by that user, {@code why}), not as though its condition ended; not again.
   *
   * @throws IllegalArgumentException when {@code user} is blank
   */
  public List<AlarmTransition> clearedBy(String user, String why, Instant now) {
    requireUser(user);
    if (state.isTerminal()) {
      return List.of();
    }
    AlarmState from = state;
    state = AlarmState.CLEARED;
    timers.stop();
    return transition(TransitionType.CLEARED, from, user, now, why);
  }

  /**
   * {@code user} silences a signalling alarm from {@code now} for {@code requested}, capped at the policy's maximum;
   * {@link #tick} re-arms it at the end. Never acknowledges; while paused, a request extends the pause from now.
   *
   * @throws IllegalArgumentException when {@code user} is blank or {@code requested} not positive
   */
  public List<AlarmTransition> pauseAudio(String user, Duration requested, Instant now) {
    requireUser(user);
    AlarmTimers.requirePositive(requested);
    Optional<Instant> until = state.isAwaitingAcknowledgement() ? timers.pauseAudio(requested, now) : Optional.empty();
    if (until.isEmpty()) {
      return List.of();
    }
    String capped = requested.compareTo(policy.maxAudioPause()) > 0 ? ", capped at " + policy.maxAudioPause() : "";
    return transition(TransitionType.AUDIO_PAUSED, state, user, now,
        "audio paused by " + user + " until " + until.get() + capped);
  }

  /**
   * Reports what has fallen due by {@code now}, in this order: audio re-armed at the end of a pause, escalation of an
   * unacknowledged alarm, reminder of an acknowledged one. Ticking again at the same time reports nothing.
   */
  public List<AlarmTransition> tick(Instant now) {
    List<AlarmTransition> due = new ArrayList<>();
    if (timers.takeAudioRearm(now)) {
      due.addAll(transition(TransitionType.AUDIO_REARMED, state, AlarmTransition.SYSTEM, now, "audio pause over"));
    }
    if (timers.isEscalationDue(now)) {
      due.addAll(escalate(now));
    }
    if (timers.takeReminder(now)) {
      due.addAll(transition(TransitionType.REMINDER, state, AlarmTransition.SYSTEM, now,
          "still present, acknowledged by " + acknowledgedBy + ": " + message));
    }
    return due;
  }

  /** The earliest time {@link #tick} will report something; empty when no timer runs (always so once cleared). */
  public Optional<Instant> nextDeadline() {
    return timers.next();
  }

  /** The alarm's data went {@code stale} (device silent: the alarm stays, flagged) or fresh; not if so, or cleared. */
  public List<AlarmTransition> markData(boolean stale, Instant now) {
    if (dataStale == stale || state.isTerminal()) {
      return List.of();
    }
    dataStale = stale;
    return transition(stale ? TransitionType.DATA_STALE : TransitionType.DATA_FRESH, state, AlarmTransition.SYSTEM, now,
        stale ? "no recent data; alarm kept" : "data received again");
  }

  private List<AlarmTransition> escalate(Instant now) {
    Priority before = priority;
    if (priority != Priority.HIGH) {
      priority = Priority.values()[priority.ordinal() + 1];
      timers.cancelAudioPause();
    }
    escalations++;
    timers.escalateFrom(priority, now);
    return transition(TransitionType.ESCALATED, state, AlarmTransition.SYSTEM, now, before == priority
        ? "HIGH alarm unacknowledged for " + policy.escalateAfter(before) + ": page further recipients"
        : "unacknowledged for " + policy.escalateAfter(before) + ", " + before + " to " + priority);
  }

  private static void requireUser(String user) {
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("user is required: a named user must act on an alarm");
    }
  }
}
