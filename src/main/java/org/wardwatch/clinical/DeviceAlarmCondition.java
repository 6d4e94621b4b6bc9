package org.wardwatch.clinical;

import java.util.stream.Collectors;
import org.wardwatch.clinical.ClinicalRules.TechnicalAlarm;
import org.wardwatch.model.DeviceIdentity;

/**
 * What a technical alarm of a patient's devices says ({@link DeviceAlarms}): its condition, made from the devices it
 * holds for, with the priority the rules give it, and whom it is raised for. Pure.
 */
final class DeviceAlarmCondition {

  private DeviceAlarmCondition() {
  }

  /** {@code alarm}'s condition while {@code devices} have it; null when none does (the alarm ends). */
  static AlarmCondition of(TechnicalAlarm alarm, DeviceProblems devices, ClinicalRules rules) {
    return devices.isEmpty() ? null
        : new AlarmCondition(rules.technicalPriorities().get(alarm), message(alarm, devices), devices.ids());
  }

  /** The patient's place with {@code device}: whom an alarm about the device is for (its bed, ward and patient). */
  static DeviceIdentity raisedFor(PatientRecord patient, String device) {
    DeviceIdentity placed = patient.source();
    return placed.patient() == null || device == null
        ? placed // a patient known by its device (and bed) has only that one
        : new DeviceIdentity(device, placed.patient(), placed.bed(), placed.ward());
  }

  /** "Device mon-1 disconnected", "Devices mon-1, ox-7 disconnected"; "Invalid data from ox-7: reason; ...". */
  private static String message(TechnicalAlarm alarm, DeviceProblems devices) {
    if (alarm == TechnicalAlarm.DISCONNECTED) {
      return (devices.ids().size() == 1 ? "Device " : "Devices ") + String.join(", ", devices.ids()) + " disconnected";
    }
    return "Invalid data from " + devices.details().entrySet().stream()
        .map(refused -> refused.getKey() + (refused.getValue().isEmpty() ? "" : ": " + refused.getValue()))
        .collect(Collectors.joining("; "));
  }
}
