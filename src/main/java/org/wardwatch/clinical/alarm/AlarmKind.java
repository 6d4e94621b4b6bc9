package org.wardwatch.clinical.alarm;

import org.wardwatch.model.Priority;

/**
 * What an alarm is about, after IEC 60601-1-8: the patient or the equipment. The kind decides whether an alarm latches.
 *
 * <p>An immutable value, safe on any thread.
 */
public enum AlarmKind {
  /**
   * A patient variable crossed a limit or a NEWS2 band (pulse above 150 /min, SpO2 below 90 %). High-priority
   * physiological alarms latch, so that a short, dangerous episode is still seen after the value has recovered.
   */
  PHYSIOLOGICAL,
  /**
   * The equipment cannot monitor the patient: device disconnected, no data, invalid signal, sensor off. Technical
   * alarms never latch: once the device works again there is nothing left for a clinician to see.
   */
  TECHNICAL;

  /**
   * Whether an alarm of this kind latches at the given priority: when its condition ends before anyone acknowledged
   * it, it goes to {@link AlarmState#CLEARED_UNACKNOWLEDGED} and keeps signalling instead of clearing.
   *
   * @param priority  the alarm's priority when its condition ends (escalation may have raised it since it was raised)
   * @return true for physiological alarms of {@link Priority#HIGH} priority only
   */
  public boolean latches(Priority priority) {
    return this == PHYSIOLOGICAL && priority == Priority.HIGH;
  }
}
