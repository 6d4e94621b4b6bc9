package org.wardwatch.clinical;

import java.math.BigDecimal;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.Priority;

/**
 * One alarm limit: {@code parameter} above (or below) {@code limit} is an alarm condition of {@code priority}.
 * The limit itself is not a breach.
 */
public record ThresholdRule(Parameter parameter, Direction direction, BigDecimal limit, Priority priority) {

  /** Which side of the limit is abnormal. */
  public enum Direction {
    ABOVE,
    BELOW
  }

  public boolean breachedBy(BigDecimal value) {
    int comparison = value.compareTo(limit);
    return direction == Direction.ABOVE ? comparison > 0 : comparison < 0;
  }

  /** Text for clinicians, e.g. {@code Pulse 190 /min above 150}. */
  public String describe(BigDecimal value) {
    return parameter.label() + " " + value.toPlainString() + " " + parameter.displayUnit() + " "
        + direction.name().toLowerCase() + " " + limit.toPlainString();
  }
}
