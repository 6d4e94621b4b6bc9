package org.wardwatch.clinical;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wardwatch.clinical.ClinicalRules.TechnicalAlarm;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.news2.News2Inputs;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.Observation;

/**
 * The technical alarms of a patient's devices as connections: the disconnection alarm, while a device the patient is
 * monitored through has lost its connection, and the invalid-signal alarm for a frame a device's connection refused.
 *
 * <p>A patient is monitored through the device that sent their latest frame and each device that sent one of their
 * latest values: a patient on a monitor and a separate oximeter has two, and hears of either's disconnection; a patient
 * moved to another monitor that now reports everything the old one did has one, and ignores the old one's. The alarm
 * names every disconnected device (each a part of its condition, so a second device's disconnection alarms again, also
 * after an acknowledgement) and marks the data those devices sent stale. A device's disconnection ends with its next
 * frame, or once the patient is no longer monitored through it (another device reports what it did).
 *
 * <p>Pure, with time passed in; made by {@link PatientConditions}, whose rules it alarms by.
 */
final class DeviceAlarms {

  private final PatientConditions conditions;

  DeviceAlarms(PatientConditions conditions) {
    this.conditions = conditions;
  }

  /**
   * A device connection event from the device side: {@code disconnected} raises the disconnection alarm;
   * {@code rejected} (with a reason) raises the invalid-signal alarm. Events from a device the patient is not monitored
   * through are ignored, and so is the disconnection of a connection whose frames were last answered
   * ({@code lastAnsweredAt}, or {@code null}) more than {@link PatientConditions#CLOCKS_APART} before the device was
   * last heard for the patient: it carried on through another (a half-open connection closed late).
   */
  List<AlarmTransition> event(PatientRecord patient, String event, DeviceIdentity source, String reason,
      Instant lastAnsweredAt, Instant now) {
    String device = source.device();
    if (device == null || !monitoredThrough(patient, device)) {
      return List.of();
    }
    if ("disconnected".equals(event)) {
      Instant heard = lastHeard(patient, device);
      boolean carriedOn = lastAnsweredAt != null && heard != null
          && heard.isAfter(lastAnsweredAt.plus(PatientConditions.CLOCKS_APART));
      return carriedOn ? List.of() : disconnected(patient, device, now);
    }
    if ("rejected".equals(event)) {
      return conditions.reconcile(patient, TechnicalAlarm.INVALID_SIGNAL,
          "Invalid data from " + device + ": " + reason, now);
    }
    return List.of();
  }

  /**
   * The patient heard a frame from {@code device} (null: a frame naming none): its disconnection ends, and so does
   * that of each device the patient is no longer monitored through. Looks at nothing while no device is disconnected.
   */
  List<AlarmTransition> heard(PatientRecord patient, String device, Instant now) {
    DisconnectedDevices disconnected = patient.disconnectedDevices();
    if (disconnected.isEmpty()) {
      return List.of();
    }
    boolean changed = disconnected.remove(device);
    for (String other : List.copyOf(disconnected.ids())) {
      if (!monitoredThrough(patient, other)) {
        changed |= disconnected.remove(other);
      }
    }
    return changed ? reconcile(patient, now) : List.of();
  }

  /** True while every device the patient is monitored through is disconnected. */
  static boolean allDisconnected(PatientRecord patient) {
    DisconnectedDevices disconnected = patient.disconnectedDevices();
    if (disconnected.isEmpty() || !disconnected.contains(patient.source().device())) {
      return false;
    }
    for (Observation latest : patient.latestValues()) {
      if (!disconnected.contains(latest.source().device())) {
        return false;
      }
    }
    return true;
  }

  /** Notes {@code device} disconnected, reconciles the alarm, and marks the data it sent stale. */
  private List<AlarmTransition> disconnected(PatientRecord patient, String device, Instant now) {
    patient.disconnectedDevices().add(device);
    List<AlarmTransition> transitions = new ArrayList<>(reconcile(patient, now));
    boolean scored = false;
    for (Observation latest : patient.latestValues()) {
      if (device.equals(latest.source().device())) {
        transitions.addAll(patient.alarms().markData(PatientConditions.thresholdKey(latest.parameter()), true, now));
        scored |= News2Inputs.SCORED_PARAMETERS.contains(latest.parameter());
      }
    }
    if (scored) {
      transitions.addAll(patient.alarms().markData(PatientConditions.NEWS2, true, now));
    }
    return transitions;
  }

  private List<AlarmTransition> reconcile(PatientRecord patient, Instant now) {
    DisconnectedDevices disconnected = patient.disconnectedDevices();
    return conditions.reconcile(patient, TechnicalAlarm.DISCONNECTED, disconnected.describe(), disconnected.ids(),
        now);
  }

  /** True when {@code device} sent the patient's latest frame or one of their latest values. */
  private static boolean monitoredThrough(PatientRecord patient, String device) {
    if (device.equals(patient.source().device())) {
      return true;
    }
    for (Observation latest : patient.latestValues()) {
      if (device.equals(latest.source().device())) {
        return true;
      }
    }
    return false;
  }

  /**
   * When the patient last heard {@code device}: the latest frame's time when it sent that frame, else when its latest
   * value that is still the patient's arrived; {@code null} when unknown.
   */
  private static Instant lastHeard(PatientRecord patient, String device) {
    if (device.equals(patient.source().device()) && patient.heardAt() != null) {
      return patient.heardAt();
    }
    Instant heard = null;
    for (Observation latest : patient.latestValues()) {
      if (device.equals(latest.source().device())
          && (heard == null || latest.gatewayTime().isAfter(heard))) {
        heard = latest.gatewayTime();
      }
    }
    return heard;
  }
}
