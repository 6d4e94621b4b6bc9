package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.Priority;
import org.wardwatch.model.StateJson;

/**
 * One alarm limit: {@code parameter} above (or below) {@code limit} is an alarm condition of {@code priority}. The
 * limit itself is not a breach.
 *
 * @param onsetDelay  how long the breach must hold before it alarms (alarm condition delay); zero alarms at once
 * @param hysteresis  how far back inside the limit a value must come before an active condition ends, so a value
 *                    hovering at the limit does not make the alarm flap; zero ends it as soon as the limit is not
 *                    breached
 */
public record ThresholdRule(Parameter parameter, Direction direction, BigDecimal limit, Priority priority,
    Duration onsetDelay, BigDecimal hysteresis) {

  /** Which side of the limit is abnormal. */
  public enum Direction {
    ABOVE,
    BELOW
  }

  /** A rule that alarms at once and ends as soon as the value is back inside the limit. */
  public ThresholdRule(Parameter parameter, Direction direction, BigDecimal limit, Priority priority) {
    this(parameter, direction, limit, priority, Duration.ZERO, BigDecimal.ZERO);
  }

  /** This limit for {@code other}, a parameter judged like this rule's ({@link ThresholdRules}). */
  ThresholdRule judging(Parameter other) {
    return new ThresholdRule(other, direction, limit, priority, onsetDelay, hysteresis);
  }

  /** True when {@code value} starts a breach of this limit. */
  public boolean breachedBy(BigDecimal value) {
    int comparison = value.compareTo(limit);
    return direction == Direction.ABOVE ? comparison > 0 : comparison < 0;
  }

  /**
   * True when an active breach still holds at {@code value}: it ends only once the value clears the hysteresis band.
   */
  public boolean stillBreachedBy(BigDecimal value) {
    return direction == Direction.ABOVE
        ? value.compareTo(limit.subtract(hysteresis)) > 0
        : value.compareTo(limit.add(hysteresis)) < 0;
  }

  /**
   * Text for clinicians of the breach at {@code value}: {@code Pulse 190 /min above 150}; for a value back within the
   * limit that the hysteresis band holds in alarm, what ends it: {@code Pulse 148 /min (above 150 until 145 or lower)}.
   */
  public String describe(BigDecimal value) {
    String reading = parameter.label() + " " + value.toPlainString() + " " + parameter.displayUnit();
    String breach = direction.name().toLowerCase(Locale.ROOT) + " " + limit.toPlainString();
    if (breachedBy(value)) {
      return reading + " " + breach;
    }
    return reading + " (" + breach + " until " + (direction == Direction.ABOVE
        ? limit.subtract(hysteresis).toPlainString() + " or lower)"
        : limit.add(hysteresis).toPlainString() + " or higher)");
  }

  /**
   * This rule exactly, for a patient's stored state (a tracker's progress is keyed by rule, so a rule read back must
   * equal the one written): {@code {"parameter", "direction", "limit", "priority", "onsetDelay", "hysteresis"}}, enums
   * by name, limit and hysteresis as decimal strings with their scale, the delay as an ISO-8601 duration.
   */
  public JsonObject toState() {
    return new JsonObject()
        .put("parameter", parameter.name())
        .put("direction", direction.name())
        .put("limit", limit.toString())
        .put("priority", priority.name())
        .put("onsetDelay", onsetDelay.toString())
        .put("hysteresis", hysteresis.toString());
  }

  /**
   * Reads {@link #toState()} back: a rule equal to the one written.
   *
   * @throws IllegalArgumentException when a part is missing or unreadable
   */
  public static ThresholdRule fromState(JsonObject state) {
    return new ThresholdRule(StateJson.enumValue(Parameter.class, state, "parameter"),
        StateJson.enumValue(Direction.class, state, "direction"), StateJson.decimal(state, "limit"),
        StateJson.enumValue(Priority.class, state, "priority"), StateJson.duration(state, "onsetDelay"),
        StateJson.decimal(state, "hysteresis"));
  }

  /**
   * This rule as in the rules file, without its parameter: {@code {"above"|"below": limit, "priority"}}, with
   * {@code delaySeconds} and {@code hysteresis} when they are not zero.
   */
  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put(direction == Direction.ABOVE ? "above" : "below", limit)
        .put("priority", priority.name());
    if (!onsetDelay.isZero()) {
      json.put("delaySeconds", onsetDelay.toSeconds());
    }
    if (hysteresis.signum() != 0) {
      json.put("hysteresis", hysteresis);
    }
    return json;
  }
}
