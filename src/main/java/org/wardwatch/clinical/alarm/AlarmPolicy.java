package org.wardwatch.clinical.alarm;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.wardwatch.model.Priority;
import org.wardwatch.model.StateJson;

/**
 * The timing rules every alarm of a ward follows: when an unacknowledged alarm escalates, how often an acknowledged
 * one is announced again, and how long its audio may be paused.
 *
 * <p>Immutable and validated on construction, so an alarm never meets a zero or missing duration; safe to share
 * between threads. Built once by the owner of the alarms (from configuration, or {@link #defaults()}) and handed to
 * each {@link Alarm} it raises.
 *
 * @param escalateAfter     how long an alarm of each priority may stay active and unacknowledged before it escalates;
 *                          one positive duration for every {@link Priority}
 * @param reminderInterval  how often an acknowledged alarm whose condition persists is announced again
 * @param maxAudioPause     the longest one audio-pause request may silence an alarm; longer requests are capped
 */
public record AlarmPolicy(Map<Priority, Duration> escalateAfter, Duration reminderInterval, Duration maxAudioPause) {

  /**
   * Validates and copies the policy.
   *
   * @throws IllegalArgumentException naming the field, when a duration is missing, zero or negative
   */
  public AlarmPolicy {
    if (escalateAfter == null) {
      throw new IllegalArgumentException("escalateAfter is required");
    }
    EnumMap<Priority, Duration> copy = new EnumMap<>(Priority.class);
    for (Priority priority : Priority.values()) {
      String field = "escalateAfter." + priority;
      Duration after = escalateAfter.get(priority);
      if (after == null) {
        throw new IllegalArgumentException(field + " is required: every priority needs an escalation time");
      }
      copy.put(priority, requirePositive(field, after));
    }
    escalateAfter = Collections.unmodifiableMap(copy);
    requirePositive("reminderInterval", reminderInterval);
    requirePositive("maxAudioPause", maxAudioPause);
  }

  /**
   * The ward defaults: escalation after 5 min at LOW, 2 min at MEDIUM and 1 min at HIGH; reminders every 5 min; audio
   * pauses of at most 2 min.
   */
  public static AlarmPolicy defaults() {
    return new AlarmPolicy(
        Map.of(Priority.LOW, Duration.ofMinutes(5), Priority.MEDIUM, Duration.ofMinutes(2),
            Priority.HIGH, Duration.ofMinutes(1)),
        Duration.ofMinutes(5),
        Duration.ofMinutes(2));
  }

  /**
   * This policy for an alarm's stored state, durations as ISO-8601: {@code {"escalateAfter": {"LOW": "PT5M", ...},
   * "reminderInterval": "PT5M", "maxAudioPause": "PT2M"}}.
   */
  public JsonObject toState() {
    JsonObject escalate = new JsonObject();
    escalateAfter.forEach((priority, after) -> escalate.put(priority.name(), after.toString()));
    return new JsonObject()
        .put("escalateAfter", escalate)
        .put("reminderInterval", reminderInterval.toString())
        .put("maxAudioPause", maxAudioPause.toString());
  }

  /**
   * Reads {@link #toState()} back, validated like any policy.
   *
   * @throws IllegalArgumentException when a duration is missing, not ISO-8601, zero or negative
   */
  public static AlarmPolicy fromState(JsonObject state) {
    JsonObject escalate = StateJson.object(state, "escalateAfter");
    Map<Priority, Duration> escalateAfter = new EnumMap<>(Priority.class);
    for (Priority priority : Priority.values()) {
      if (escalate.containsKey(priority.name())) {
        escalateAfter.put(priority, StateJson.duration(escalate, priority.name()));
      }
    }
    return new AlarmPolicy(escalateAfter, StateJson.duration(state, "reminderInterval"),
        StateJson.duration(state, "maxAudioPause"));
  }

  /** How long an alarm at {@code priority} may stay active and unacknowledged before it escalates. */
  public Duration escalateAfter(Priority priority) {
    return escalateAfter.get(priority);
  }

  /** The pause a user gets for {@code requested}: the request, capped at {@link #maxAudioPause()}. */
  public Duration audioPauseFor(Duration requested) {
    return requested.compareTo(maxAudioPause) > 0 ? maxAudioPause : requested;
  }

  private static Duration requirePositive(String field, Duration duration) {
    if (duration == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException(field + " must be positive, was " + duration);
    }
    return duration;
  }
}
