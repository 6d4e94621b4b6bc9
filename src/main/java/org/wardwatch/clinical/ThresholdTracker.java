package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.wardwatch.clinical.ThresholdRule.Direction;
import org.wardwatch.model.StateJson;

/**
 * Tracks one patient's parameter against its threshold rules over time: each rule's breach must hold for the rule's
 * onset delay before it becomes active, and an active breach ends only when the value clears the rule's hysteresis
 * band. The parameter's alarm condition is the most urgent active rule.
 *
 * <p>A breach "holds" when every value seen since it began breached the limit; a value back inside the limit
 * restarts the delay. The delay counts from when the gateway received the first breaching value (a device's clock
 * could otherwise cut it short), and runs out with time ({@link #elapse}), not only at the next value: a monitor that
 * reports once a minute is alarmed at the delay. Pure, with time passed in; not thread-safe: owned with its patient's
 * state.
 */
public final class ThresholdTracker {

  // insertion-ordered, so that the stored state of equal trackers is the same text
  private final Map<ThresholdRule, Instant> breachingSince = new LinkedHashMap<>();
  private final Set<ThresholdRule> active = new LinkedHashSet<>();

  /**
   * Applies a new value of the parameter. A lesser rule takes over at once, its delay waived, when a more urgent rule
   * of the same direction was active until this value and the value has not cleared the lesser rule's hysteresis
   * band: its condition has held all along (a pulse from 160 down to 140, or to 128 under "above 130" with a
   * hysteresis of 5, stays in alarm rather than ending the alarm and raising a new one once that rule's delay has
   * run), as it would have had the pulse come down through it.
   *
   * @param rules  the rules in force for this patient and parameter, most urgent first
   * @param value  the value
   * @param at     when it was received
   * @return the most urgent active rule after this value, or empty when the parameter is not in alarm
   */
  public Optional<ThresholdRule> observe(List<ThresholdRule> rules, BigDecimal value, Instant at) {
    if (!breachingSince.isEmpty() && !rules.containsAll(breachingSince.keySet())) { // the usual case: same rules
      carryOver(rules);
    }
    ThresholdRule mostUrgent = null;
    boolean heldAbove = false; // a more urgent rule of that direction was active before this value
    boolean heldBelow = false;
    for (ThresholdRule rule : rules) {
      boolean wasActive = !active.isEmpty() && active.contains(rule);
      boolean inAlarm = update(rule, value, at);
      if (!inAlarm && (rule.direction() == Direction.ABOVE ? heldAbove : heldBelow) && rule.stillBreachedBy(value)) {
        breachingSince.putIfAbsent(rule, at); // a value inside its limit but not its band: update forgot it
        active.add(rule);
        inAlarm = true;
      }
      heldAbove |= wasActive && rule.direction() == Direction.ABOVE;
      heldBelow |= wasActive && rule.direction() == Direction.BELOW;
      if (inAlarm && mostUrgent == null) {
        mostUrgent = rule;
      }
    }
    return Optional.ofNullable(mostUrgent);
  }

  /**
   * Time passing without a new value: each breach whose onset delay has run out by {@code now} becomes active, when
   * {@code latest}, the parameter's latest value, breaches its rule (a breach handed to a new limit by a change of
   * rules may not).
   *
   * @param rules  the rules in force for this patient and parameter, most urgent first
   * @return the most urgent active rule when a breach became active now; empty when nothing changed
   */
  public Optional<ThresholdRule> elapse(List<ThresholdRule> rules, BigDecimal latest, Instant now) {
    if (breachingSince.size() == active.size()) { // nothing pending: every breach is active
      return Optional.empty();
    }
    if (!rules.containsAll(breachingSince.keySet())) {
      carryOver(rules);
    }
    boolean activated = false;
    for (ThresholdRule rule : rules) {
      Instant since = breachingSince.get(rule);
      if (since != null && !active.contains(rule) && !now.isBefore(since.plus(rule.onsetDelay()))
          && rule.breachedBy(latest)) {
        active.add(rule);
        activated = true;
      }
    }
    return activated ? rules.stream().filter(active::contains).findFirst() : Optional.empty();
  }

  /**
   * The parameter's sensor was reported off: the onset delays still running start over with its next value, so that a
   * value read as the probe is put back is judged by the delay meant for such artefacts. Active rules stay active.
   */
  public void sensorOff() {
    if (breachingSince.size() != active.size()) {
      breachingSince.keySet().retainAll(active);
    }
  }

  /** When the first onset delay still running runs out, or {@code null} when none runs. */
  public Instant nextOnset() {
    if (breachingSince.size() == active.size()) {
      return null;
    }
    Instant next = null;
    for (Map.Entry<ThresholdRule, Instant> breach : breachingSince.entrySet()) {
      Instant onset = breach.getValue().plus(breach.getKey().onsetDelay());
      if (!active.contains(breach.getKey()) && (next == null || onset.isBefore(next))) {
        next = onset;
      }
    }
    return next;
  }

  /**
   * This tracker's progress for its patient's stored state: {@code {"breaching": [{"rule", "since"}], "active":
   * [rule]}}, each rule as {@link ThresholdRule#toState()}: the breaches whose onset delay runs (or ran) and since
   * when, and the rules in alarm.
   */
  public JsonObject toState() {
    JsonArray breaching = new JsonArray();
    breachingSince.forEach((rule, since) ->
        breaching.add(new JsonObject().put("rule", rule.toState()).put("since", since)));
    return new JsonObject()
        .put("breaching", breaching)
        .put("active", new JsonArray(active.stream().map(ThresholdRule::toState).toList()));
  }

  /**
   * A tracker with the progress {@link #toState()} wrote: an onset delay half run goes on from when its breach began.
   *
   * @throws IllegalArgumentException when a part is missing or unreadable
   */
  public static ThresholdTracker fromState(JsonObject state) {
    ThresholdTracker tracker = new ThresholdTracker();
    for (JsonObject breach : StateJson.objects(state, "breaching")) {
      tracker.breachingSince.put(ThresholdRule.fromState(StateJson.object(breach, "rule")),
          StateJson.instant(breach, "since"));
    }
    StateJson.objects(state, "active").forEach(rule -> tracker.active.add(ThresholdRule.fromState(rule)));
    return tracker;
  }

  /**
   * The rules changed (a reload, a limit override set or expired): a rule no longer in force hands its progress to the
   * new rule of the same direction and priority, else to one of the same direction and limit, so a standing alarm goes
   * on (judged by the new limit and hysteresis, or at the new priority) and a running onset delay keeps its start,
   * instead of the alarm ending and its delay starting over. Progress no new rule takes is dropped.
   */
  private void carryOver(List<ThresholdRule> rules) {
    Map<ThresholdRule, Instant> before = new LinkedHashMap<>(breachingSince);
    Set<ThresholdRule> wasActive = new LinkedHashSet<>(active);
    breachingSince.clear();
    active.clear();
    before.forEach((old, since) -> successor(old, rules, before).ifPresent(successor -> {
      breachingSince.put(successor, since);
      if (wasActive.contains(old)) {
        active.add(successor);
      }
    }));
  }

  /**
   * The rule of {@code rules} that carries on {@code old}: itself when still in force, else the first of the same
   * direction and priority, else of the same direction and limit, that has no progress of its own ({@code before})
   * and has not taken another's.
   */
  private Optional<ThresholdRule> successor(ThresholdRule old, List<ThresholdRule> rules,
      Map<ThresholdRule, Instant> before) {
    if (rules.contains(old)) {
      return Optional.of(old);
    }
    Optional<ThresholdRule> samePriority = free(rules, before, rule -> rule.direction() == old.direction()
        && rule.priority() == old.priority());
    return samePriority.isPresent() ? samePriority : free(rules, before, rule -> rule.direction() == old.direction()
        && rule.limit().compareTo(old.limit()) == 0);
  }

  /** The first of {@code rules} that {@code matches}, has no progress of its own and has not taken another's. */
  private Optional<ThresholdRule> free(List<ThresholdRule> rules, Map<ThresholdRule, Instant> before,
      Predicate<ThresholdRule> matches) {
    return rules.stream().filter(matches)
        .filter(rule -> !before.containsKey(rule) && !breachingSince.containsKey(rule))
        .findFirst();
  }

  private boolean update(ThresholdRule rule, BigDecimal value, Instant at) {
    // The usual value breaches nothing: the empty checks spare it hashing the rule (a record's hash is not kept).
    if (!active.isEmpty() && active.contains(rule)) {
      if (rule.stillBreachedBy(value)) {
        return true;
      }
      active.remove(rule);
      breachingSince.remove(rule);
      return false;
    }
    if (!rule.breachedBy(value)) {
      if (!breachingSince.isEmpty()) {
        breachingSince.remove(rule);
      }
      return false;
    }
    Instant since = breachingSince.computeIfAbsent(rule, r -> at);
    if (Duration.between(since, at).compareTo(rule.onsetDelay()) >= 0) {
      active.add(rule);
      return true;
    }
    return false;
  }
}
