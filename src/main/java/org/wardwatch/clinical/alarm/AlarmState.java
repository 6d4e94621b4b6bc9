package org.wardwatch.clinical.alarm;

/**
 * Where an alarm is in its lifecycle: the alarm states of IHE PCD-04 (ACM) with the acknowledgement and latching rules
 * of IEC 60601-1-8.
 *
 * <pre>
 *   ACTIVE_UNACKNOWLEDGED  --acknowledge-------------------&gt; ACTIVE_ACKNOWLEDGED
 *   ACTIVE_ACKNOWLEDGED    --priority rises----------------&gt; ACTIVE_UNACKNOWLEDGED
 *   ACTIVE_UNACKNOWLEDGED  --condition ends, latching------&gt; CLEARED_UNACKNOWLEDGED
 *   ACTIVE_UNACKNOWLEDGED  --condition ends, non-latching--&gt; CLEARED
 *   ACTIVE_ACKNOWLEDGED    --condition ends----------------&gt; CLEARED
 *   CLEARED_UNACKNOWLEDGED --acknowledge-------------------&gt; CLEARED
 * </pre>
 *
 * <p>An immutable value, safe on any thread; {@link Alarm} is the only class that moves an alarm between states.
 */
public enum AlarmState {
  /** The condition is present and nobody has acknowledged it: the alarm signals unless its audio is paused. */
  ACTIVE_UNACKNOWLEDGED,
  /** The condition is present and a clinician has acknowledged it: shown, silent, announced again as a reminder. */
  ACTIVE_ACKNOWLEDGED,
  /** A latching alarm whose condition ended before anyone acknowledged it: it keeps signalling until acknowledged. */
  CLEARED_UNACKNOWLEDGED,
  /** Over: the condition has ended and nothing is left to acknowledge. Terminal; no operation leaves it. */
  CLEARED;

  /** True while the alarm condition is present (acknowledged or not). */
  public boolean isConditionPresent() {
    return this == ACTIVE_UNACKNOWLEDGED || this == ACTIVE_ACKNOWLEDGED;
  }

  /** True while the alarm waits for an acknowledgement and therefore signals: active or latched, unacknowledged. */
  public boolean isAwaitingAcknowledgement() {
    return this == ACTIVE_UNACKNOWLEDGED || this == CLEARED_UNACKNOWLEDGED;
  }

  /** True for {@link #CLEARED}, the state an alarm episode ends in. */
  public boolean isTerminal() {
    return this == CLEARED;
  }
}
