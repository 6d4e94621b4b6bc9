package org.wardwatch.clinical;

import java.util.Set;
import org.wardwatch.model.Priority;

/**
 * An alarm condition that holds now: how urgent it is, what a clinician should read, and its {@code parts}: what it is
 * made of where one condition key covers several conditions (a threshold's direction, the parameters a sensor-off or
 * no-data alarm names). A condition with a part its alarm's condition did not have when last reported is a new
 * condition, and alarms again as a new episode ({@link PatientAlarms#reconcile}), also when the alarm was acknowledged:
 * a pulse that falls below 40 while "above 150" is acknowledged, or a second sensor off.
 */
public record AlarmCondition(Priority priority, String message, Set<String> parts) {

  public AlarmCondition {
    parts = Set.copyOf(parts);
  }

  /** A condition of one part only, such as NEWS2 (whose priority alone varies) or a device disconnected. */
  public AlarmCondition(Priority priority, String message) {
    this(priority, message, Set.of());
  }
}
