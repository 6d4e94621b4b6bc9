package org.wardwatch.clinical;

import java.time.Instant;

/**
 * When one patient's time-driven conditions (parameters gone silent, NEWS2 values gone stale) were last reassessed,
 * and the last moment until which the passing of time alone changes none of them: the engine's tick reassesses a
 * patient only once that moment has passed, not every second. Owned by the patient's {@link PatientRecord}; set by
 * {@link PatientConditions}. Not thread-safe.
 */
final class Reassessment {

  /** {@code null} until the first reassessment, and after {@link #forget}. */
  private Instant at;
  private Instant unchangedUntil;

  /** True when time alone may have changed something since the last reassessment (or the clock went back). */
  boolean dueAt(Instant now) {
    return at == null || now.isBefore(at) || now.isAfter(unchangedUntil);
  }

  /** Notes a reassessment at {@code now}, after which time alone changes nothing until {@code until}, inclusive. */
  void done(Instant now, Instant until) {
    at = now;
    unchangedUntil = until;
  }

  /** Makes the next reassessment due whatever the time: the rules it was made under changed. */
  void forget() {
    at = null;
  }
}
