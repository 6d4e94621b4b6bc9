package org.wardwatch.clinical;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

/**
 * What one accepted frame does to its patient. First, when an onset delay ran out (or a NEWS2 alarm's easing fell due)
 * between the patient's last reassessment and the frame's receipt, before the patient's tick came, the patient is
 * reassessed as at the receipt, so that a value back inside the limit does not end a breach that had alarmed by then
 * (not for a patient not reassessed yet, nor a frame that does not show its device back); no no-data alarm is raised
 * then for the parameters the frame reports, as the frame ends their silence, and a parameter merely gone silent
 * meanwhile is left to the reassessment after the frame. Then the frame's connection may take over carrying its device
 * ({@link PatientDevices#delivered}), and the patient hears the frame ({@link PatientRecord#heard}); each value not
 * older than the patient's latest becomes it and is judged against its threshold rules (its data no longer stale,
 * unless the frame does not show its device back: {@link PatientDevices#cannotShowBack}); the disconnection of the
 * frame's device ends, and its invalid signal ends, or is raised or kept when some of its values were refused
 * ({@link DeviceAlarms#heard}); the sensors the frame reports off or back are reconciled; and the patient is reassessed
 * (silent parameters, onset delays, NEWS2). Pure, with time passed in.
 */
final class FrameConditions {

  private FrameConditions() {
  }

  /** Applies {@code report}'s frame to {@code patient} at {@code now}: the alarm transitions it causes, in order. */
  static List<AlarmTransition> apply(PatientConditions conditions, PatientRecord patient, FrameReport report,
      Instant now) {
    List<AlarmTransition> transitions = new ArrayList<>();
    String device = report.source().device();
    Instant received = report.receivedAt();
    Instant receivedOrNow = received != null ? received : now;
    boolean notBack = patient.devices().cannotShowBack(device, report.connection(), receivedOrNow);
    if (received != null && !notBack && patient.reassessment().fellDueBefore(received)) {
      transitions.addAll(conditions.reassess(patient, received, reported(patient.measurements(), report)));
    }
    if (!notBack) {
      patient.devices().delivered(device, report.connection(), receivedOrNow);
    }
    patient.heard(report, now);
    PatientMeasurements measurements = patient.measurements();
    List<Observation> observations = report.observations();
    for (int i = 0; i < observations.size(); i++) { // by index: the JIT kept an iterator per frame
      Observation observation = observations.get(i);
      if (measurements.record(observation)) {
        Parameter parameter = observation.parameter();
        Optional<ThresholdRule> breached = measurements.tracker(parameter)
            .observe(conditions.rulesFor(patient, parameter, now), observation.value(), now);
        String key = PatientConditions.thresholdKey(parameter);
        if (!notBack) {
          transitions.addAll(patient.alarms().markData(key, false, now));
        }
        transitions.addAll(conditions.judge(patient, observation, breached, now));
        if (notBack) { // also an alarm it raised
          transitions.addAll(patient.alarms().markData(key, true, now));
        }
      }
    }
    transitions.addAll(conditions.devices().heard(patient, report, notBack, now));
    transitions.addAll(conditions.data().sensorsReported(patient, report.sensorsOff(), now));
    transitions.addAll(conditions.reassess(patient, now));
    return transitions;
  }

  /** The parameters {@code report} brings a value of that {@code measurements} take, or reports the sensor of off. */
  private static Set<Parameter> reported(PatientMeasurements measurements, FrameReport report) {
    Set<Parameter> reported = EnumSet.noneOf(Parameter.class);
    report.observations().stream().filter(measurements::takes).forEach(value -> reported.add(value.parameter()));
    reported.addAll(report.sensorsOff());
    return reported;
  }
}
