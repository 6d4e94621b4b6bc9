package org.wardwatch.clinical;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.wardwatch.model.Observation;

/**
 * Decides what a new observation does to its parameter's alarm: raise it, change its priority, clear it, or nothing,
 * using the ward's rules with their onset delays and hysteresis. Pure: the caller owns the current alarm and the
 * tracker, and applies the returned change.
 */
public final class ThresholdEvaluator {

  private final ThresholdRules rules;

  public ThresholdEvaluator(ThresholdRules rules) {
    this.rules = rules;
  }

  /**
   * @param observation  the new value
   * @param current      the parameter's active alarm for this patient, or {@code null}
   * @param tracker      the patient's onset-delay and hysteresis state for this parameter
   * @param now          gateway time of the decision
   * @return the alarm change, if any
   */
  public Optional<AlarmEvent> evaluate(Observation observation, AlarmEvent current, ThresholdTracker tracker,
      Instant now) {
    List<ThresholdRule> inForce = rules.forWard(observation.source().wardOrDefault(), observation.parameter());
    Optional<ThresholdRule> breached = tracker.observe(inForce, observation.value(), now);
    if (breached.isEmpty()) {
      return Optional.ofNullable(current).map(active -> cleared(active, observation, now));
    }
    ThresholdRule rule = breached.get();
    if (current != null && current.priority() == rule.priority() && current.limit().compareTo(rule.limit()) == 0) {
      return Optional.empty();
    }
    String id = current != null ? current.id()
        : observation.source().patientKey() + "/" + observation.parameter().name() + "/" + now.toEpochMilli();
    Instant raisedAt = current != null ? current.raisedAt() : now;
    String message = rule.describe(observation.value()) + (observation.questionable() ? " (questionable reading)" : "");
    return Optional.of(new AlarmEvent(id, observation.source(), observation.parameter(), rule.priority(),
        AlarmEvent.State.ACTIVE, message, observation.value(), rule.limit(), raisedAt, now));
  }

  private static AlarmEvent cleared(AlarmEvent active, Observation observation, Instant now) {
    String message = observation.parameter().label() + " back to " + observation.value().toPlainString() + " "
        + observation.parameter().displayUnit();
    return new AlarmEvent(active.id(), observation.source(), active.parameter(), active.priority(),
        AlarmEvent.State.CLEARED, message, observation.value(), active.limit(), active.raisedAt(), now);
  }
}
