package org.wardwatch.clinical;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.wardwatch.clinical.ClinicalRules.TechnicalAlarm;
import org.wardwatch.clinical.alarm.AlarmKind;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.model.Parameter;

/**
 * The technical alarms of a patient's data: sensor off, while a device reports a parameter's sensor detached, and no
 * data, while a parameter that had values has gone silent (past its no-data time); each names its parameters (each a
 * part of its condition, so a second one alarms again, also after an acknowledgement), and the data behind those
 * parameters' threshold alarms is marked stale. The alarms of the devices as connections are {@link DeviceAlarms}'.
 *
 * <p>Pure, with time passed in; made by {@link PatientConditions} for the rules in force, on the clinical engine's
 * event loop.
 */
record DataAlarms(ClinicalRules rules, PatientAlarms.AlarmIds alarmIds) {

  /**
   * A frame reported the sensors of {@code reportedOff} off: the data behind their threshold alarms goes stale, and
   * the sensor-off alarm is reconciled with every sensor off.
   */
  List<AlarmTransition> sensorsReported(PatientRecord patient, Set<Parameter> reportedOff, Instant now) {
    List<AlarmTransition> transitions = markStale(patient, reportedOff, now);
    transitions.addAll(sensorsOff(patient, now));
    return transitions;
  }

  /** Reconciles the sensor-off alarm with the patient's sensors off ({@link PatientMeasurements#sensorsOff}). */
  List<AlarmTransition> sensorsOff(PatientRecord patient, Instant now) {
    Set<Parameter> off = patient.measurements().sensorsOff().parameters();
    String message = off.isEmpty() ? null
        : "Sensor off: " + off.stream().map(Parameter::label).sorted().collect(Collectors.joining(", "));
    return reconcile(patient, TechnicalAlarm.SENSOR_OFF, message, off, now);
  }

  /**
   * Reconciles the no-data alarm with the parameters {@code silentParameters} now (none: it ends), grouped in its
   * message by their no-data time; the data behind their threshold alarms goes stale.
   */
  List<AlarmTransition> silent(PatientRecord patient, Set<Parameter> silentParameters, Instant now) {
    List<AlarmTransition> transitions = markStale(patient, silentParameters, now);
    String message = silentParameters.isEmpty() ? null : "No data for " + silentParameters.stream()
        .collect(Collectors.groupingBy(
            p -> patient.measurements().reportIntervals().silentAfterMillis(p, rules) / 1000, TreeMap::new,
            Collectors.mapping(Parameter::label, Collectors.joining(", "))))
        .entrySet().stream().map(window -> window.getValue() + " for over " + window.getKey() + " s")
        .collect(Collectors.joining("; "));
    transitions.addAll(reconcile(patient, TechnicalAlarm.NO_DATA, message, silentParameters, now));
    return transitions;
  }

  /**
   * Marks the data behind the threshold alarms of {@code parameters} stale. Looks at no alarm, and makes no iterator,
   * for none: a frame's usual case.
   */
  private static List<AlarmTransition> markStale(PatientRecord patient, Set<Parameter> parameters, Instant now) {
    List<AlarmTransition> transitions = new ArrayList<>();
    if (!parameters.isEmpty()) {
      for (Parameter parameter : parameters) {
        transitions.addAll(patient.alarms().markData(PatientConditions.thresholdKey(parameter), true, now));
      }
    }
    return transitions;
  }

  /** Reconciles {@code alarm}, whose condition names {@code parameters} (each one alarms anew); none: it ends. */
  private List<AlarmTransition> reconcile(PatientRecord patient, TechnicalAlarm alarm, String message,
      Set<Parameter> parameters, Instant now) {
    AlarmCondition condition = message == null ? null : new AlarmCondition(rules.technicalPriorities().get(alarm),
        message, parameters.stream().map(Parameter::name).collect(Collectors.toSet()));
    return patient.alarms().reconcile(alarm.conditionKey(), AlarmKind.TECHNICAL, condition, patient.source(),
        rules.policy(), alarmIds, now);
  }
}
