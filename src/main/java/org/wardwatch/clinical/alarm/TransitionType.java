package org.wardwatch.clinical.alarm;

/**
 * What happened to an alarm in one {@link AlarmTransition}. Some types change the {@link AlarmState}, others only
 * announce something (a reminder, an escalation page, the audio re-arming); the transition's from and to states say
 * which.
 *
 * <p>An immutable value, safe on any thread.
 */
public enum TransitionType {
  /** A new alarm episode began in {@link AlarmState#ACTIVE_UNACKNOWLEDGED}; the one transition without a from state. */
  RAISED,
  /**
   * The condition got worse: a higher priority was reported. An acknowledged alarm becomes unacknowledged again, since
   * an escalated condition must alarm again.
   */
  PRIORITY_RAISED,
  /**
   * A named user acknowledged the alarm: active alarms go silent until their condition ends, latched alarms are
   * cleared.
   */
  ACKNOWLEDGED,
  /** A user paused the audio for a while, or extended a running pause; the alarm is still shown and unacknowledged. */
  AUDIO_PAUSED,
  /** An audio pause ran out and the alarm sounds again. Reported by {@code tick}. */
  AUDIO_REARMED,
  /**
   * Nobody acknowledged the alarm in time: its priority rose by one level, or, at {@code HIGH}, it stays {@code HIGH}
   * and further recipients are to be paged. Reported by {@code tick}.
   */
  ESCALATED,
  /** An acknowledged alarm whose condition persists is announced again. Reported by {@code tick}. */
  REMINDER,
  /**
   * The condition of an unacknowledged latching alarm ended: it moves to {@link AlarmState#CLEARED_UNACKNOWLEDGED} and
   * keeps signalling until acknowledged.
   */
  CONDITION_ENDED,
  /** The condition ended and the alarm is over, in {@link AlarmState#CLEARED}. */
  CLEARED,
  /** The alarm's device went silent; the alarm stays as it is, flagged as based on stale data. */
  DATA_STALE,
  /** Data arrives again from the alarm's device; the stale flag is removed. */
  DATA_FRESH
}
