package org.wardwatch.clinical.alarm;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.wardwatch.model.Priority;
import org.wardwatch.model.StateJson;

/**
 * The course of an alarm's condition itself, apart from the alarm's priority (which escalation raises): the priority
 * the condition was last at, since when it has been reported lower (an easing that counts once held for
 * {@link #EASING_HOLDS}), since when it has not been reported at all (an end that counts once held as long, for a
 * condition whose end must hold), and the parts of the condition as last reported ({@link #standsFor}). Owned by its
 * {@link Alarm}; not thread-safe.
 */
final class ConditionCourse {

  /**
   * How long a condition must stay at a lower priority, or gone, for its easing to count: a rise after it alarms again,
   * while a condition wavering at a boundary (a NEWS2 total of 6 and 7 in turn, which no hysteresis damps) does not.
   */
  static final Duration EASING_HOLDS = Duration.ofSeconds(60);

  private Priority priority;
  /** Since when the condition has been reported below {@link #priority}, not long enough yet; or null. */
  private Instant easingSince;
  /** The priority the condition was last reported at while easing; null when not easing, or in an older state. */
  private Priority easedTo;
  /** Since when the condition has not been reported at all, not long enough yet; or null. */
  private Instant goneSince;
  /** The parts of the condition as last reported; null in a state written before they were kept. */
  private Set<String> parts;

  ConditionCourse(Priority priority, Set<String> parts) {
    this.priority = priority;
    this.parts = parts == null ? null : Set.copyOf(parts);
  }

  /** The priority the condition was last at (held, or eased to). */
  Priority priority() {
    return priority;
  }

  /**
   * The condition is reported at {@code reported}, made of {@code reportedParts} (which the alarm now stands for). When
   * that is above its priority, which it becomes: the priority it rose from; else null. A lower priority becomes the
   * condition's once it has held for {@link #EASING_HOLDS}, so that rising from there alarms again while wavering at a
   * boundary does not; it has held too when the next report, a rise, comes only after that time (a parameter reported
   * every few minutes, whose lower value nothing contradicted meanwhile).
   */
  Priority risesFrom(Priority reported, Set<String> reportedParts, Instant now) {
    goneSince = null;
    parts = Set.copyOf(reportedParts);
    boolean easingHeld = easingSince != null && !now.isBefore(easingSince.plus(EASING_HOLDS));
    if (reported.compareTo(priority) < 0) {
      if (easingHeld) {
        priority = reported;
        easingSince = null;
      } else {
        easingSince = easingSince != null ? easingSince : now;
      }
      easedTo = easingSince != null ? reported : null;
      return null;
    }
    Priority from = easingHeld && easedTo != null ? easedTo : priority;
    easingSince = null;
    easedTo = null;
    priority = reported;
    return reported != from ? from : null;
  }

  /**
   * The condition is not reported: true once it has not been for {@link #EASING_HOLDS}. Gone is below any priority, so
   * its priority's easing runs too.
   */
  boolean gone(Instant now) {
    easingSince = easingSince != null ? easingSince : now;
    goneSince = goneSince != null ? goneSince : now;
    return !now.isBefore(goneSince.plus(EASING_HOLDS));
  }

  /** Its end is not shown after all (a part of what decides it is stale): an end under way starts over. */
  void endUnshown() {
    goneSince = null;
  }

  /** When the end under way ({@link #gone}) will count, or empty when none is. */
  Optional<Instant> endCountsAt() {
    return Optional.ofNullable(goneSince).map(since -> since.plus(EASING_HOLDS));
  }

  /**
   * True when the condition as last reported had every one of {@code conditionParts}; one from an older state stands
   * for any.
   */
  boolean standsFor(Set<String> conditionParts) {
    return parts == null || parts.containsAll(conditionParts);
  }

  /**
   * Writes {@code conditionPriority}, {@code easingSince}, {@code goneSince}, {@code easedTo} and {@code parts}
   * (sorted; absent when unknown).
   */
  JsonObject writeTo(JsonObject state) {
    state.put("conditionPriority", priority.name()).put("easingSince", easingSince).put("goneSince", goneSince)
        .put("easedTo", easedTo == null ? null : easedTo.name());
    return parts == null ? state : state.put("parts", new JsonArray(List.copyOf(new TreeSet<>(parts))));
  }

  /** What {@link #writeTo} wrote; an older state's condition is at {@code alarmPriority} with its parts unknown. */
  static ConditionCourse fromState(JsonObject state, Priority alarmPriority) {
    JsonArray parts = state.getJsonArray("parts");
    ConditionCourse course = new ConditionCourse(state.containsKey("conditionPriority")
        ? StateJson.enumValue(Priority.class, state, "conditionPriority") : alarmPriority,
        parts == null ? null : Set.copyOf(parts.stream().map(part -> (String) part).toList()));
    course.easingSince = StateJson.optionalInstant(state, "easingSince");
    course.easedTo = state.getString("easedTo") == null ? null : StateJson.enumValue(Priority.class, state, "easedTo");
    course.goneSince = StateJson.optionalInstant(state, "goneSince");
    return course;
  }
}
