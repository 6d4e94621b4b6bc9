package org.wardwatch.clinical.news2;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One charted or measured value together with the time it describes (for an observation, its
 * {@code effectiveTime()}: the device's own time when it gave one, else the gateway's).
 *
 * <p>Freshness rule: a value is fresh while its age is at most the allowed age, bounds included. A value exactly
 * {@code maxAge} old is still fresh; one nanosecond older is stale. A value timed after {@code now} (a device clock
 * running ahead) has a negative age and counts as fresh.
 *
 * <p>Immutable, and thread-safe when {@code T} is (all NEWS2 value types are).
 *
 * <p>Clinical source: the NEWS2 score is only meaningful on a current set of observations (Royal College of Physicians,
 * <i>National Early Warning Score (NEWS) 2</i>, London: RCP, 2017); how old is too old is the caller's policy.
 *
 * @param value  the value, never {@code null}
 * @param time   when the value was measured or charted, never {@code null}
 * @param <T>    the value's type
 */
public record Timed<T>(T value, Instant time) {

  public Timed {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(time, "time");
  }

  /** Shorthand for the canonical constructor. */
  public static <T> Timed<T> of(T value, Instant time) {
    return new Timed<>(value, time);
  }

  /** How old the value is at {@code now}; negative when it is timed after {@code now}. */
  public Duration ageAt(Instant now) {
    return Duration.between(time, now);
  }

  /**
   * True when the value is at most {@code maxAge} old at {@code now}: exactly {@code maxAge} old is still fresh, and a
   * value timed after {@code now} is fresh.
   */
  public boolean isFreshAt(Instant now, Duration maxAge) {
    return ageAt(now).compareTo(maxAge) <= 0;
  }
}
