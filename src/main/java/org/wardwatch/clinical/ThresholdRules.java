package org.wardwatch.clinical;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wardwatch.bus.Addresses;
import org.wardwatch.config.ConfigException;
import org.wardwatch.model.BloodPressure;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.Priority;

/**
 * The threshold rules in force, read from the rules file ({@code conf/rules.json}):
 * <pre>{"thresholds": [{"parameter": "PULSE", "above": 150, "priority": "HIGH", "delaySeconds": 10,
 *                  "hysteresis": 5}, ...],
 *  "wards": {"icu": {"thresholds": [...]}}}</pre>
 * Top-level {@code thresholds} are the defaults of every ward. A ward that lists rules for a parameter uses those
 * instead of the defaults for that parameter, and the defaults for the others. Where the defaults give no rules for an
 * arterial line's pressure ({@code ART_SYSTOLIC}, ...), the cuff's ({@code BP_SYSTOLIC}, ...) judge it, so that a rules
 * file written before the line was charted apart keeps guarding it; that, and a ward that sets a cuff's limits but not
 * the line's, is said in {@link #cautions()}. Each rule names exactly one of {@code above} / {@code below};
 * {@code delaySeconds} (onset delay) and {@code hysteresis} (in the parameter's unit) default to 0. Immutable.
 */
public final class ThresholdRules {

  private final Map<Parameter, List<ThresholdRule>> defaults;
  private final Map<String, Map<Parameter, List<ThresholdRule>>> wards;
  private final List<String> cautions;

  private ThresholdRules(Map<Parameter, List<ThresholdRule>> defaults,
      Map<String, Map<Parameter, List<ThresholdRule>>> wards, List<String> cautions) {
    this.defaults = defaults;
    this.wards = wards;
    this.cautions = List.copyOf(cautions);
  }

  /** Parses and validates a rules document; a problem is reported with the rule's position and key. */
  public static ThresholdRules fromJson(JsonObject document) {
    Map<String, Map<Parameter, List<ThresholdRule>>> wards = new LinkedHashMap<>(); // in the file's order
    Object wardSection = document.getValue("wards");
    if (wardSection != null && !(wardSection instanceof JsonObject)) {
      throw new ConfigException("rules: 'wards' must be an object of ward ids");
    }
    if (wardSection instanceof JsonObject wardRules) {
      for (String ward : wardRules.fieldNames()) {
        if (!ward.matches(Addresses.WARD_PATTERN)) {
          throw new ConfigException("wards." + ward + ": not a valid ward id");
        }
        if (!(wardRules.getValue(ward) instanceof JsonObject wardDocument)) {
          throw new ConfigException("wards." + ward + ": must be an object with 'thresholds'");
        }
        wards.put(ward, parseList(wardDocument, "wards." + ward + "."));
      }
    }
    List<String> cautions = new ArrayList<>();
    Map<Parameter, List<ThresholdRule>> defaults = withLineLimits(parseList(document, ""), cautions);
    wards.forEach((ward, rules) -> cautions.addAll(wardCautions(ward, rules, defaults)));
    return new ThresholdRules(defaults, wards, cautions);
  }

  /**
   * {@code defaults} with the cuff's rules judging the arterial line's pressure where none are given for it, each such
   * said in {@code cautions}.
   */
  private static Map<Parameter, List<ThresholdRule>> withLineLimits(Map<Parameter, List<ThresholdRule>> defaults,
      List<String> cautions) {
    for (Parameter cuff : BloodPressure.NON_INVASIVE.parameters()) {
      Parameter line = BloodPressure.lineCounterpart(cuff);
      if (defaults.containsKey(cuff) && !defaults.containsKey(line)) {
        defaults.put(line, defaults.get(cuff).stream().map(rule -> rule.judging(line)).toList());
        cautions.add("no " + line + " limits: the " + cuff + " limits judge the arterial line's pressure, without the"
            + " onset delays a line needs (flushing it reads falsely for seconds); give it limits of its own");
      }
    }
    return defaults;
  }

  /** The ward's cuff limits ({@code rules}) that the arterial line there does not share, each said with what it has. */
  private static List<String> wardCautions(String ward, Map<Parameter, List<ThresholdRule>> rules,
      Map<Parameter, List<ThresholdRule>> defaults) {
    List<String> cautions = new ArrayList<>();
    for (Parameter cuff : BloodPressure.NON_INVASIVE.parameters()) {
      Parameter line = BloodPressure.lineCounterpart(cuff);
      if (rules.containsKey(cuff) && !rules.containsKey(line)) {
        cautions.add("wards." + ward + " sets " + cuff + " limits but none for " + line + ": an arterial line there "
            + (defaults.containsKey(line) ? "is judged by the default " + line + " limits" : "has no " + line
                + " limits"));
      }
    }
    return cautions;
  }

  /**
   * What an operator should know about these rules that is not wrong enough to refuse them: an arterial line judged
   * by a cuff's limits, or by the defaults in a ward that sets the cuff's.
   */
  public List<String> cautions() {
    return cautions;
  }

  /** The default rules for {@code parameter}, most urgent first. */
  public List<ThresholdRule> forParameter(Parameter parameter) {
    return defaults.getOrDefault(parameter, List.of());
  }

  /** The rules for {@code parameter} in {@code ward}, most urgent first. */
  public List<ThresholdRule> forWard(String ward, Parameter parameter) {
    Map<Parameter, List<ThresholdRule>> wardRules = wards.get(ward);
    if (wardRules != null && wardRules.containsKey(parameter)) {
      return wardRules.get(parameter);
    }
    return forParameter(parameter);
  }

  /** Sorts {@code rules} most urgent first: the order every consumer of rules expects. */
  static List<ThresholdRule> mostUrgentFirst(List<ThresholdRule> rules) {
    return rules.stream().sorted(Comparator.comparing(ThresholdRule::priority).reversed()).toList();
  }

  private static Map<Parameter, List<ThresholdRule>> parseList(JsonObject document, String where) {
    if (!(document.getValue("thresholds") instanceof JsonArray thresholds)) {
      throw new ConfigException(where.isEmpty()
          ? "rules: 'thresholds' must be a list of rules"
          : where + "thresholds: must be a list of rules");
    }
    Map<Parameter, List<ThresholdRule>> byParameter = new EnumMap<>(Parameter.class);
    for (int i = 0; i < thresholds.size(); i++) {
      ThresholdRule rule = parseRule(thresholds.getValue(i), where + "thresholds[" + i + "]");
      byParameter.computeIfAbsent(rule.parameter(), p -> new ArrayList<>()).add(rule);
    }
    byParameter.replaceAll((parameter, rules) -> mostUrgentFirst(rules));
    return byParameter;
  }

  /** Parses one rule object; {@code where} names it in error messages. */
  static ThresholdRule parseRule(Object value, String where) {
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
    BigDecimal limit = number(json, key, where);
    if (limit == null) {
      throw new ConfigException(where + "." + key + ": must be a number, got null");
    }
    if (!parameter.hardRange().contains(limit)) {
      throw new ConfigException(where + "." + key + ": " + limit + " is outside the plausible range "
          + parameter.hardRange() + " of " + parameter.name());
    }
    BigDecimal delay = number(json, "delaySeconds", where);
    BigDecimal hysteresis = number(json, "hysteresis", where);
    if (delay != null && (delay.signum() < 0 || delay.compareTo(BigDecimal.valueOf(3600)) > 0)) {
      throw new ConfigException(where + ".delaySeconds: must be from 0 to 3600, got " + delay);
    }
    if (hysteresis != null && hysteresis.signum() < 0) {
      throw new ConfigException(where + ".hysteresis: must not be negative, got " + hysteresis);
    }
    BigDecimal clearsAt = hysteresis == null ? limit : above ? limit.subtract(hysteresis) : limit.add(hysteresis);
    if (!parameter.hardRange().contains(clearsAt)) { // an alarm that no plausible value could end
      throw new ConfigException(where + ".hysteresis: " + hysteresis + " puts the end of the alarm at " + clearsAt
          + ", outside the plausible range " + parameter.hardRange() + " of " + parameter.name());
    }
    return new ThresholdRule(parameter, above ? ThresholdRule.Direction.ABOVE : ThresholdRule.Direction.BELOW, limit,
        priority,
        delay == null ? Duration.ZERO : Duration.ofMillis(delay.movePointRight(3).longValue()),
        hysteresis == null ? BigDecimal.ZERO : hysteresis);
  }

  /** The number under {@code key}, {@code null} when absent; anything else but a number is rejected. */
  private static BigDecimal number(JsonObject json, String key, String where) {
    Object value = json.getValue(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
      throw new ConfigException(where + "." + key + ": must be a finite number, got " + Json.encode(value));
    }
    return new BigDecimal(number.toString());
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
