package org.wardwatch.testing;

import java.time.Instant;

/**
 * The plain tests' clock: one time zero, {@link #T0}, and later times as seconds after it. Shared by the packages'
 * fixtures (the clinical engine's and the alarm state machine's), so their tests count from the same origin.
 */
public final class TestClock {

  /** The fixtures' time zero; later times are {@link #at(long)}. */
  public static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  private TestClock() {
  }

  /** The time {@code seconds} after {@link #T0}. */
  public static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }
}
