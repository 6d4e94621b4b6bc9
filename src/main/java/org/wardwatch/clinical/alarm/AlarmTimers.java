package org.wardwatch.clinical.alarm;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.wardwatch.model.Priority;
import org.wardwatch.model.StateJson;

/**
 * The three timers of one {@link Alarm} as deadlines rather than real timers: the end of an audio pause, the next
 * escalation and the next reminder. The alarm says which phase it is in; this class keeps the deadlines that phase
 * allows and answers which are due.
 *
 * <p>Owned by its alarm and, like it, not thread-safe.
 */
final class AlarmTimers {

  /** A repeated pause request counts only if it moves the end of the running pause by at least this much. */
  static final Duration PAUSE_REPEAT_TOLERANCE = Duration.ofSeconds(1);

  private final AlarmPolicy policy;
  private Instant audioPausedUntil;
  private Instant escalationDue;
  private Instant reminderDue;

  AlarmTimers(AlarmPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** Active and unacknowledged at {@code priority}: the escalation clock (re)starts at {@code now}, no reminders. */
  void escalateFrom(Priority priority, Instant now) {
    escalationDue = now.plus(policy.escalateAfter(priority));
    reminderDue = null;
  }

  /** Escalates no later than {@code other} would (when its escalation runs: its alarm awaited acknowledgement). */
  void escalateNoLaterThan(AlarmTimers other) {
    if (other.escalationDue != null && escalationDue != null && other.escalationDue.isBefore(escalationDue)) {
      escalationDue = other.escalationDue;
    }
  }

  /** Active and acknowledged: reminders from {@code now}; no escalation, no audio pause. */
  void remindFrom(Instant now) {
    reminderDue = now.plus(policy.reminderInterval());
    escalationDue = null;
    audioPausedUntil = null;
  }

  /**
   * Latched: it still signals and awaits acknowledgement, so its escalation clock runs on (a short episode nobody saw
   * is paged like one that lasts), and an audio pause may run; no reminders.
   */
  void latched() {
    reminderDue = null;
  }

  /** Cleared: nothing runs. */
  void stop() {
    escalationDue = null;
    reminderDue = null;
    audioPausedUntil = null;
  }

  /** Refuses a requested audio pause that is missing, zero or negative. */
  static void requirePositive(Duration requested) {
    if (requested == null || requested.isZero() || requested.isNegative()) {
      throw new IllegalArgumentException("requested audio pause must be positive, was " + requested);
    }
  }

  /**
   * Pauses the audio from {@code now} for {@code requested}, capped at the policy's maximum.
   *
   * @return the new end of the pause, or empty when a pause already runs that long (less the repeat tolerance)
   */
  Optional<Instant> pauseAudio(Duration requested, Instant now) {
    Instant until = now.plus(policy.audioPauseFor(requested));
    if (isAudioPaused(now) && until.isBefore(audioPausedUntil.plus(PAUSE_REPEAT_TOLERANCE))) {
      return Optional.empty();
    }
    audioPausedUntil = until;
    return Optional.of(until);
  }

  void cancelAudioPause() {
    audioPausedUntil = null;
  }

  boolean isAudioPaused(Instant now) {
    return audioPausedUntil != null && now.isBefore(audioPausedUntil);
  }

  Instant audioPausedUntil() {
    return audioPausedUntil;
  }

  /** True, once, when the audio pause has ended by {@code now}; the pause is then over. */
  boolean takeAudioRearm(Instant now) {
    if (audioPausedUntil == null || now.isBefore(audioPausedUntil)) {
      return false;
    }
    audioPausedUntil = null;
    return true;
  }

  /** True when the escalation is due by {@code now}; the caller restarts it with {@link #escalateFrom}. */
  boolean isEscalationDue(Instant now) {
    return escalationDue != null && !now.isBefore(escalationDue);
  }

  /** True, once per interval, when a reminder is due by {@code now}; the next one is due an interval later. */
  boolean takeReminder(Instant now) {
    if (reminderDue == null || now.isBefore(reminderDue)) {
      return false;
    }
    reminderDue = now.plus(policy.reminderInterval());
    return true;
  }

  /**
   * The deadlines for the alarm's stored state: {@code {"audioPausedUntil", "escalationDue", "reminderDue"}}, each an
   * instant or {@code null} when that timer does not run.
   */
  JsonObject toState() {
    return new JsonObject()
        .put("audioPausedUntil", audioPausedUntil)
        .put("escalationDue", escalationDue)
        .put("reminderDue", reminderDue);
  }

  /** Timers under {@code policy} with the deadlines of {@link #toState()}, read from {@code state}. */
  static AlarmTimers fromState(AlarmPolicy policy, JsonObject state) {
    AlarmTimers timers = new AlarmTimers(policy);
    timers.audioPausedUntil = StateJson.optionalInstant(state, "audioPausedUntil");
    timers.escalationDue = StateJson.optionalInstant(state, "escalationDue");
    timers.reminderDue = StateJson.optionalInstant(state, "reminderDue");
    return timers;
  }

  /** The earliest deadline, or empty when no timer runs. */
  Optional<Instant> next() {
    return Stream.of(audioPausedUntil, escalationDue, reminderDue).filter(Objects::nonNull).min(Instant::compareTo);
  }
}
