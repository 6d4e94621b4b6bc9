package org.wardwatch.clinical;

import java.time.Instant;
import java.util.function.Predicate;
import org.wardwatch.clinical.ClinicalRules.TechnicalAlarm;
import org.wardwatch.model.Observation;

/**
 * Which devices a patient is monitored through, and whether a device sent their latest values. A patient is monitored
 * through the device that sent their latest frame and each device that sent one of their latest values not yet silent
 * (past its no-data time, as the no-data alarm decides; a value whose sensor is off is not silent). What decides when
 * the devices' technical alarms are raised and end ({@link DeviceAlarms}), whether a patient whose every such device
 * has disconnected is still monitored ({@link PatientConditions#stillSending}), and whether a latest value's data is
 * stale because its device disconnected ({@link #senderDisconnected}).
 *
 * <p>Pure, with time passed in; made for the rules in force by {@link PatientConditions}, which hands it to its
 * {@link DeviceAlarms}, on the clinical engine's event loop.
 */
record MonitoringDevices(ClinicalRules rules) {

  /** True when {@code device} sent the patient's latest frame or a latest value of theirs not yet silent. */
  boolean monitoredThrough(PatientRecord patient, String device, Instant now) {
    long nowMillis = now.toEpochMilli();
    return sent(patient, device, latest -> !silent(patient, latest, nowMillis));
  }

  /** True while every device the patient is monitored through at {@code now} is disconnected. */
  boolean allDisconnected(PatientRecord patient, Instant now) {
    DeviceProblems disconnected = patient.devices().problems(TechnicalAlarm.DISCONNECTED);
    if (disconnected.isEmpty() || !disconnected.contains(patient.source().device())) {
      return false;
    }
    long nowMillis = now.toEpochMilli();
    for (Observation latest : patient.measurements().latestValues()) {
      if (!silent(patient, latest, nowMillis) && !disconnected.contains(latest.source().device())) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when {@code latest} has gone silent at {@code nowMillis}, as the no-data alarm decides (sensor not off;
   * {@link PatientConditions#reassess}).
   */
  private boolean silent(PatientRecord patient, Observation latest, long nowMillis) {
    PatientMeasurements measurements = patient.measurements();
    return !measurements.sensorsOff().contains(latest.parameter())
        && nowMillis > measurements.silentFromMillis(latest, rules);
  }

  /** True when {@code device} sent the patient's latest frame or one of their latest values, silent or not. */
  static boolean sends(PatientRecord patient, String device) {
    return sent(patient, device, latest -> true);
  }

  /** True when {@code device} sent the patient's latest frame or a latest value of theirs that {@code counts}. */
  private static boolean sent(PatientRecord patient, String device, Predicate<Observation> counts) {
    if (device.equals(patient.source().device())) {
      return true;
    }
    for (Observation latest : patient.measurements().latestValues()) {
      if (device.equals(latest.source().device()) && counts.test(latest)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when one of the patient's latest values came from {@code device} in a frame received after
   * {@code receivedAt} (null: not known), by the clocks of the nodes that read them.
   */
  static boolean sentLater(PatientRecord patient, String device, Instant receivedAt) {
    if (receivedAt != null) {
      for (Observation latest : patient.measurements().latestValues()) {
        if (device.equals(latest.source().device()) && latest.gatewayTime().isAfter(receivedAt)) {
          return true;
        }
      }
    }
    return false;
  }

  /** True when the device that sent {@code latest}, one of the patient's latest values, has disconnected. */
  static boolean senderDisconnected(PatientRecord patient, Observation latest) {
    return patient.devices().problems(TechnicalAlarm.DISCONNECTED).contains(latest.source().device());
  }
}
