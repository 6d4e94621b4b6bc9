package org.wardwatch.clinical.news2;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import org.wardwatch.model.StateJson;

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

  /** Whether a value charted at {@code at} may replace {@code held} ({@code null}: none): not a later one. */
  public static boolean mayReplace(Timed<?> held, Instant at) {
    return held == null || !at.isBefore(held.time());
  }

  /**
   * This value for a patient's stored state: {@code {"value": text, "time": ISO-8601}}.
   *
   * @param text  writes the value as text that {@code parse} of {@link #fromState} reads back exactly
   */
  public JsonObject toState(Function<? super T, String> text) {
    return new JsonObject().put("value", text.apply(value)).put("time", time);
  }

  /**
   * Reads {@link #toState}.
   *
   * @param parse  reads the value's text
   * @throws IllegalArgumentException when the value or time is missing, or {@code parse} refuses the text
   */
  public static <T> Timed<T> fromState(JsonObject state, Function<String, T> parse) {
    return of(parse.apply(StateJson.string(state, "value")), StateJson.instant(state, "time"));
  }

  /**
   * True when the value is at most {@code maxAge} old at {@code now}: exactly {@code maxAge} old is still fresh, and a
   * value timed after {@code now} is fresh.
   */
  public boolean isFreshAt(Instant now, Duration maxAge) {
    // Duration.between(time, now).compareTo(maxAge) <= 0, without the Duration (every vital of every frame is checked)
    long seconds = now.getEpochSecond() - time.getEpochSecond();
    int nanos = now.getNano() - time.getNano();
    if (nanos < 0) {
      seconds--;
      nanos += 1_000_000_000;
    }
    return seconds < maxAge.getSeconds() || seconds == maxAge.getSeconds() && nanos <= maxAge.getNano();
  }
}
