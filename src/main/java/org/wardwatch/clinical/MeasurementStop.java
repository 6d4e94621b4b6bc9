package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.wardwatch.clinical.news2.News2Inputs;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

/**
 * A clinician's stop of some of a patient's measurements (a pulse oximeter taken off for good while the monitor
 * carries on, a cuff no longer used): when it is refused, and its audit entry {@code MEASUREMENT_STOPPED}. Without it a
 * parameter no longer measured stays a no-data alarm, reminding every few minutes for ever. Once stopped
 * ({@link WardState#stopMeasuring}), a parameter's value, tracker, report interval and sensor off are forgotten
 * ({@link PatientMeasurements#stop}), so its threshold, no-data and sensor-off conditions end (their alarms
 * acknowledged, or a stop is refused) and NEWS2 is scored without it ({@link PatientConditions#measurementsStopped});
 * a later value starts its measurement again. Pure.
 */
final class MeasurementStop {

  private MeasurementStop() {
  }

  /**
   * Refuses the stop of {@code parameters} of {@code patient} at {@code now} when one of them has no measurement, or is
   * still reported: its latest value not silent yet and its device not disconnected, or its sensor reported off
   * within the no-data time (a device that reports it so on every frame), so that its next report would start it
   * again at once. Refused too while an alarm it would end or ease awaits acknowledgement: a threshold alarm of one of
   * them, or the NEWS2 alarm when one of them is scored (without it, the score drops as though the patient were
   * better). So every alarm a stop ends has been seen.
   *
   * @throws ActionRefused.UnknownTarget        when a parameter has no value and no sensor off
   * @throws ActionRefused.StillMonitored       when a parameter is still reported
   * @throws ActionRefused.AlarmsUnacknowledged when an alarm it would end awaits acknowledgement
   */
  static void requireAllowed(PatientRecord patient, Set<Parameter> parameters, ClinicalRules rules, Instant now) {
    PatientMeasurements measurements = patient.measurements();
    for (Parameter parameter : parameters) {
      Observation latest = measurements.latest(parameter);
      boolean off = measurements.sensorsOff().contains(parameter);
      if (latest == null && !off) {
        throw new ActionRefused.UnknownTarget("patient " + patient.key() + " has no " + parameter.label()
            + " measurement");
      }
      // a sensor off whose report's receipt is not known (a state or node before it was kept): the latest frame's
      Instant offReported = measurements.sensorsOff().reportedAt(parameter);
      Instant reported = off ? (offReported != null ? offReported : patient.heardAt())
          : MonitoringDevices.senderDisconnected(patient, latest) ? null : latest.gatewayTime();
      if (reported != null
          && !now.isAfter(reported.plusMillis(measurements.reportIntervals().silentAfterMillis(parameter, rules)))) {
        throw new ActionRefused.StillMonitored("Patient " + patient.key() + "'s " + parameter.label()
            + (off ? " sensor is still reported off: turn the measurement off on the device first"
                : " is still measured by " + latest.source().device() + ": take its sensor off (or stop its reports)"
                    + " first")
            + ", or its next report starts it again");
      }
    }
    Set<String> ended = new HashSet<>();
    parameters.forEach(parameter -> ended.add(PatientConditions.thresholdKey(parameter)));
    if (parameters.stream().anyMatch(News2Inputs.SCORED_PARAMETERS::contains)) {
      ended.add(PatientConditions.NEWS2);
    }
    ActionRefused.AlarmsUnacknowledged.unlessNone(patient.key(), "alarms",
        patient.alarms().unacknowledged(ended));
  }

  /** The audit entry of {@code user}'s stop of {@code parameters} of {@code patient} at {@code at}. */
  static JsonObject auditEntry(PatientRecord patient, Set<Parameter> parameters, String user, Instant at) {
    return new JsonObject().put("at", at).put("patient", patient.key()).put("type", "MEASUREMENT_STOPPED")
        .put("actor", user).put("ward", patient.ward()).put("bed", patient.source().bed())
        .put("detail", "stopped measuring " + parameters.stream().map(Parameter::label).sorted()
            .collect(Collectors.joining(", ")))
        .put("parameters", new JsonArray(parameters.stream().map(Parameter::name).sorted().toList()));
  }
}
