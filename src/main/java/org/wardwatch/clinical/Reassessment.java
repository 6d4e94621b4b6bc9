package org.wardwatch.clinical;

import java.time.Instant;

/**
 * When one patient's time-driven conditions (parameters gone silent, NEWS2 values gone stale, onset delays, a NEWS2
 * alarm easing off) were last reassessed, and the last moment until which the passing of time alone changes none of
 * them: the engine's tick reassesses a patient only once that moment has passed, not every second. Also when the next
 * onset delay or easing falls due, which a frame received after it must see elapsed first. Owned by the patient's
 * {@link PatientRecord}; set by {@link PatientConditions}. Not thread-safe.
 */
final class Reassessment {

  /** What {@link #at} holds until the first reassessment, and after {@link #forget}. */
  private static final long NEVER = Long.MIN_VALUE;

  /**
   * The instants as nanoseconds since the epoch, not {@code Instant}s: storing a new object in this long-lived one on
   * every frame would cost the collector a card each time.
   */
  private long at = NEVER;
  private long unchangedUntil;
  /** When the next onset delay or easing falls due; {@link Long#MAX_VALUE} for none. */
  private long fallsDue = Long.MAX_VALUE;

  /** True when time alone may have changed something since the last reassessment (or the clock went back). */
  boolean dueAt(Instant now) {
    long nanos = nanos(now);
    return at == NEVER || nanos < at || nanos > unchangedUntil;
  }

  /**
   * True when an onset delay or an easing fell due after the last reassessment, at or before {@code time}: false before
   * the first (a patient just admitted or taken over, whose tick decides) and for a {@code time} not after the last. A
   * parameter gone silent meanwhile does not count: the frame may bring its value, and its no-data alarm would be
   * raised and cleared at once.
   */
  boolean fellDueBefore(Instant time) {
    long nanos = nanos(time);
    return at != NEVER && nanos > at && nanos >= fallsDue;
  }

  /**
   * Notes a reassessment at {@code now}, after which time alone changes nothing until {@code until}, inclusive, nor
   * before {@code due} ({@code null}: no onset delay or easing is pending), when one falls due at its instant.
   */
  void done(Instant now, Instant until, Instant due) {
    at = nanos(now);
    fallsDue = Long.MAX_VALUE;
    unchangedUntil = nanos(until);
    dueBy(due);
  }

  /**
   * An onset delay or easing falls due at {@code due} ({@code null}: none): the next reassessment is due then at the
   * latest, and a frame received from then on sees it elapsed first.
   */
  void dueBy(Instant due) {
    if (due != null && nanos(due) < fallsDue) {
      fallsDue = nanos(due);
      unchangedUntil = Math.min(unchangedUntil, fallsDue - 1);
    }
  }

  /** Makes the next reassessment due whatever the time: the rules it was made under changed. */
  void forget() {
    at = NEVER;
  }

  /** {@code instant} in nanoseconds since the epoch, saturated beyond the years 1677 to 2262. */
  private static long nanos(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds >= Long.MAX_VALUE / 1_000_000_000L) {
      return Long.MAX_VALUE;
    }
    if (seconds <= Long.MIN_VALUE / 1_000_000_000L) {
      return NEVER + 1;
    }
    return seconds * 1_000_000_000L + instant.getNano();
  }
}
