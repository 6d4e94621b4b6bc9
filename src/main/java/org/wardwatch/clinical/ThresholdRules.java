package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.wardwatch.config.ConfigException;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.Priority;

/**
 * The threshold rules in force, read from the rules file ({@code conf/rules.json}):
 * <pre>{"thresholds": [{"parameter": "PULSE", "above": 150, "priority": "HIGH"}, ...]}</pre>
 * Each rule names exactly one of {@code above} / {@code below}. Immutable.
 */
public final class ThresholdRules {

  private final Map<Parameter, List<ThresholdRule>> byParameter;

  private ThresholdRules(Map<Parameter, List<ThresholdRule>> byParameter) {
    this.byParameter = byParameter;
  }

  /** Parses and validates a rules document; a problem is reported with the rule's position and key. */
  public static ThresholdRules fromJson(JsonObject document) {
    if (!(document.getValue("thresholds") instanceof JsonArray thresholds)) {
      throw new ConfigException("rules: 'thresholds' must be a list of rules");
    }
    Map<Parameter, List<ThresholdRule>> byParameter = new EnumMap<>(Parameter.class);
    for (int i = 0; i < thresholds.size(); i++) {
      ThresholdRule rule = parseRule(thresholds.getValue(i), "thresholds[" + i + "]");
      byParameter.computeIfAbsent(rule.parameter(), p -> new ArrayList<>()).add(rule);
    }
    byParameter.replaceAll((parameter, rules) -> rules.stream()
        .sorted(Comparator.comparing(ThresholdRule::priority).reversed())
        .toList());
    return new ThresholdRules(byParameter);
  }

  /** The rules for {@code parameter}, most urgent first. */
  public List<ThresholdRule> forParameter(Parameter parameter) {
    return byParameter.getOrDefault(parameter, List.of());
  }

  private static ThresholdRule parseRule(Object value, String where) {
    if (!(value instanceof JsonObject json)) {
      throw new ConfigException(where + ": must be an object");
    }
    Parameter parameter = enumValue(Parameter.class, json.getValue("parameter"), where + ".parameter");
    Priority priority = enumValue(Priority.class, json.getValue("priority"), where + ".priority");
    boolean above = json.containsKey("above");
    if (above == json.containsKey("below")) {
      throw new ConfigException(where + ": give exactly one of 'above' or 'below'");
    }
    String key = above ? "above" : "below";
    if (!(json.getValue(key) instanceof Number number)) {
      throw new ConfigException(where + "." + key + ": must be a number, got " + json.getValue(key));
    }
    BigDecimal limit = new BigDecimal(number.toString());
    if (!parameter.hardRange().contains(limit)) {
      throw new ConfigException(where + "." + key + ": " + limit + " is outside the plausible range "
          + parameter.hardRange() + " of " + parameter.name());
    }
    return new ThresholdRule(parameter, above ? ThresholdRule.Direction.ABOVE : ThresholdRule.Direction.BELOW, limit,
        priority);
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, Object value, String where) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    throw new ConfigException(where + ": must be one of " + List.of(type.getEnumConstants()) + ", got " + value);
  }
}
