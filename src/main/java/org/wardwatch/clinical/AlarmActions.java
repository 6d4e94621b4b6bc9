package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.wardwatch.bus.PatientSnapshot;
import org.wardwatch.config.ConfigException;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.OxygenSupport;
import org.wardwatch.model.Parameter;

/**
 * Reads a clinician's action, as sent by the dashboard through the bridge or by the REST API, and applies it to the
 * engine: {@code {"action": "acknowledge", "alarmId", "user"}}, {@code {"action": "pause-audio", "alarmId", "user",
 * "seconds"}}, {@code {"action": "assess", "patient", "user", "consciousness"?, "oxygen"?, "spo2Scale2"?,
 * "news2Applies"?, "news2Reason" (with "news2Applies": false)}} or
 * {@code {"action": "override-limits", "patient", "user", "parameter", "reason", "minutes", "thresholds"}},
 * {@code {"action": "stop-measurement", "patient", "user", "parameters": ["SPO2", ...]}} or
 * {@code {"action": "discharge", "patient", "user"}}.
 *
 * <p>An action made on a ward's screen carries that ward ({@code "ward"}, which the patient router sets from the
 * address it came on, {@link org.wardwatch.bus.Addresses#wardActions}): a ward's screens act on that ward's patients
 * and alarms only, and another ward's is refused as unknown.
 *
 * <p>A malformed action is an {@link IllegalArgumentException} whose message says what is wrong; an unknown alarm or
 * patient (or measurement) is a {@link ActionRefused.UnknownTarget}, a discharge while the patient is monitored (or a
 * measurement's stop while still reported) a {@link ActionRefused.StillMonitored} and one that would end alarms
 * awaiting acknowledgement (a discharge's HIGH ones, a stop's of its parameters) a
 * {@link ActionRefused.AlarmsUnacknowledged}. Every action needs the acting user, who is recorded with it.
 */
final class AlarmActions {

  /** The actions on a patient, which name it with {@code patient} only. */
  private static final Set<String> PATIENT_ACTIONS = Set.of("assess", "override-limits", "stop-measurement",
      "discharge");
  private static final long MAX_OVERRIDE_MINUTES = 24 * 60;

  private AlarmActions() {
  }

  static WardUpdate apply(WardState engine, JsonObject action, Instant now) {
    String verb = ActionText.required(action, "action");
    String user = ActionText.userName(action);
    if (PATIENT_ACTIONS.contains(verb) && action.containsKey("alarmId")) { // it would decide the ward checked
      throw new IllegalArgumentException("'alarmId' is not part of a " + verb + " action, which names its patient");
    }
    requireOnWard(engine, action);
    return switch (verb) {
      case "acknowledge" -> engine.act(ActionText.required(action, "alarmId"), alarm -> alarm.acknowledge(user, now),
          now);
      case "pause-audio" -> {
        Duration requested = Duration.ofSeconds(positive(action, "seconds", "seconds"));
        yield engine.act(ActionText.required(action, "alarmId"), alarm -> alarm.pauseAudio(user, requested, now), now);
      }
      case "assess" -> engine.assess(ActionText.required(action, "patient"), new Assessment(
          parse(action, "consciousness", Consciousness::parse),
          parse(action, "oxygen", OxygenSupport::parse),
          optionalBoolean(action, "spo2Scale2"), news2Use(action)), user, now);
      case "override-limits" -> engine.overrideLimits(limitOverride(action, user, now), now);
      case "stop-measurement" -> engine.stopMeasuring(ActionText.required(action, "patient"), parameters(action),
          user, now);
      case "discharge" -> engine.discharge(ActionText.required(action, "patient"), user, now);
      default -> throw new IllegalArgumentException("unknown action '" + action.getString("action")
          + "': use acknowledge, pause-audio, assess, override-limits, stop-measurement, discharge or sync");
    };
  }

  /**
   * {@code {"patient", "parameter", "reason", "minutes" (1 to 1440), "thresholds": [{"above"|"below", "priority",
   * "delaySeconds"?, "hysteresis"?}]}}; an empty list silences the parameter's threshold alarms for that time.
   */
  private static LimitOverride limitOverride(JsonObject action, String user, Instant now) {
    String patient = ActionText.required(action, "patient");
    String reason = ActionText.required(action, "reason");
    long minutes = positive(action, "minutes", "minutes");
    if (minutes > MAX_OVERRIDE_MINUTES) {
      throw new IllegalArgumentException("'minutes' must be at most " + MAX_OVERRIDE_MINUTES + " (24 hours)");
    }
    Parameter parameter;
    try {
      parameter = Parameter.valueOf(ActionText.required(action, "parameter"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'parameter' must be one of " + List.of(Parameter.values()));
    }
    if (!(action.getValue("thresholds") instanceof JsonArray thresholds)) {
      throw new IllegalArgumentException("'thresholds' must be a list (empty to silence the parameter)");
    }
    List<ThresholdRule> rules = new ArrayList<>();
    for (int i = 0; i < thresholds.size(); i++) {
      Object rule = thresholds.getValue(i) instanceof JsonObject json ? json.copy().put("parameter", parameter.name())
          : thresholds.getValue(i);
      try {
        rules.add(ThresholdRules.parseRule(rule, "thresholds[" + i + "]"));
      } catch (ConfigException e) {
        throw new IllegalArgumentException(e.getMessage());
      }
    }
    return new LimitOverride(patient, parameter, ThresholdRules.mostUrgentFirst(rules), user, reason, now,
        now.plus(Duration.ofMinutes(minutes)));
  }

  /** {@code "parameters"}: a list of one or more parameter names. */
  private static Set<Parameter> parameters(JsonObject action) {
    String expected = "'parameters' must be a list of one or more of " + List.of(Parameter.values());
    if (!(action.getValue("parameters") instanceof JsonArray names) || names.isEmpty()) {
      throw new IllegalArgumentException(expected);
    }
    Set<Parameter> parameters = EnumSet.noneOf(Parameter.class);
    for (Object name : names) {
      try {
        parameters.add(Parameter.valueOf(String.valueOf(name)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(expected + ", got " + name);
      }
    }
    return parameters;
  }

  /**
   * Refuses an action made on a ward's screen about a patient or alarm of another ward (or none): a patient's alarms
   * are on the patient's ward, where they move with the patient.
   */
  private static void requireOnWard(WardState engine, JsonObject action) {
    String ward = action.getString("ward");
    if (ward == null) {
      return; // the REST API's, which names its patient
    }
    String patient = ActionTarget.patientOf(action);
    String alarmId = action.getValue("alarmId") instanceof String id ? id : null;
    boolean onWard = patient != null && engine.view().snapshot(patient).map(PatientSnapshot::toJson)
        .map(shown -> ward.equals(shown.getString("ward"))).orElse(false);
    if (!onWard) {
      throw new ActionRefused.UnknownTarget("no " + (alarmId != null ? "alarm " + alarmId : "patient " + patient)
          + " on ward " + ward);
    }
  }

  private static long positive(JsonObject action, String key, String unit) {
    if (!(action.getValue(key) instanceof Number number) || number.longValue() <= 0
        || number.doubleValue() != number.longValue()) { // 1.5 minutes would quietly be one
      throw new IllegalArgumentException("'" + key + "' must be a positive whole number of " + unit);
    }
    return number.longValue();
  }

  /** {@code "news2Applies"} and, with {@code false}, {@code "news2Reason"}; {@code null} when neither is given. */
  private static News2Use news2Use(JsonObject action) {
    Boolean applies = optionalBoolean(action, "news2Applies");
    String reason = action.containsKey("news2Reason") ? ActionText.required(action, "news2Reason") : null;
    return applies == null && reason == null ? null : new News2Use(!Boolean.FALSE.equals(applies), reason);
  }

  private static Boolean optionalBoolean(JsonObject action, String key) {
    Object value = action.getValue(key);
    if (value != null && !(value instanceof Boolean)) {
      throw new IllegalArgumentException("'" + key + "' must be true or false");
    }
    return (Boolean) value;
  }

  private static <T> T parse(JsonObject action, String key, Function<String, T> parser) {
    Object value = action.getValue(key);
    return value == null ? null : parser.apply(String.valueOf(value));
  }
}
