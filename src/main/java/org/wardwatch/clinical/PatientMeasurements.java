package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import org.wardwatch.model.BloodPressure;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.StateJson;

/**
 * What a patient's devices measure, as the clinical engine judges it: the latest value of each parameter and its
 * threshold tracker, how often each is reported ({@link ReportIntervals}), which sensors are off ({@link SensorsOff}),
 * and which measurements a clinician stopped ({@link MeasurementStop}), and when: a value or sensor-off report received
 * before the stop and applied after it (a frame in flight at a disconnection, a retried report) does not start the
 * measurement again, or its no-data alarm would come back at once; one received after it does. Owned by the patient's
 * {@link PatientRecord}; not thread-safe.
 */
final class PatientMeasurements {

  private final Map<Parameter, Observation> latest = new EnumMap<>(Parameter.class);
  private final Map<Parameter, ThresholdTracker> trackers = new EnumMap<>(Parameter.class);
  private ReportIntervals reportIntervals = new ReportIntervals();
  private SensorsOff sensorsOff = new SensorsOff();
  /** Each measurement stopped, with when (the engine's clock), until a value received after it. */
  private final Map<Parameter, Instant> stoppedAt = new EnumMap<>(Parameter.class);

  /**
   * Records a value unless older than the one held, or received before its measurement was stopped
   * ({@link SensorsOff#valued}); true when it is the one judged on.
   */
  boolean record(Observation observation) {
    if (!takes(observation)) {
      return false;
    }
    reportIntervals.note(latest.put(observation.parameter(), observation), observation);
    sensorsOff.valued(observation);
    return true;
  }

  /** True when {@link #record} would take {@code observation}: not older than the value held, nor stopped since. */
  boolean takes(Observation observation) {
    Observation held = latest.get(observation.parameter());
    return (held == null || !observation.effectiveTime().isBefore(held.effectiveTime()))
        && !predatesStop(observation.parameter(), observation.gatewayTime());
  }

  /**
   * Takes the sensors {@code report} reported off, unless a later value of theirs is held or their measurement was
   * stopped after the report was received; their onset delays start over ({@link ThresholdTracker#sensorOff}). A
   * pressure's mean that never had a value is passed over: {@code BP=OFF} names it, and a device that sends no mean
   * would leave it off for ever, with an alarm no value ends and no screen offers to stop.
   */
  void reportedOff(FrameReport report) {
    for (Parameter off : report.sensorsOff()) {
      if (!predatesStop(off, report.receivedAt()) && (latest.containsKey(off) || !BloodPressure.isMean(off))
          && sensorsOff.reportedOff(off, report.time(), report.receivedAt(), latest.get(off))) {
        tracker(off).sensorOff();
      }
    }
  }

  /** A clinician stopped measuring {@code parameter} at {@code at}: its value, tracker, interval, sensor off go. */
  void stop(Parameter parameter, Instant at) {
    latest.remove(parameter);
    trackers.remove(parameter);
    reportIntervals.forget(parameter);
    sensorsOff.forget(parameter);
    stoppedAt.put(parameter, at);
  }

  /**
   * True when a report of {@code parameter} received at {@code receivedAt} came before its measurement was stopped;
   * one received after it (or at a time not known) starts it again. Looks at nothing while none is stopped.
   */
  private boolean predatesStop(Parameter parameter, Instant receivedAt) {
    Instant stopped = stoppedAt.isEmpty() ? null : stoppedAt.get(parameter);
    if (stopped == null) {
      return false;
    }
    if (receivedAt != null && receivedAt.isBefore(stopped)) {
      return true;
    }
    stoppedAt.remove(parameter);
    return false;
  }

  ThresholdTracker tracker(Parameter parameter) {
    return trackers.computeIfAbsent(parameter, p -> new ThresholdTracker());
  }

  /** The latest value of {@code parameter}; null when there is none. */
  Observation latest(Parameter parameter) {
    return latest.get(parameter);
  }

  /** The latest value of each parameter. */
  Collection<Observation> latestValues() {
    return latest.values();
  }

  /**
   * The latest value of each parameter, by parameter: the map itself, for the NEWS2 inputs and the snapshot of every
   * frame (an {@code EnumMap}, which they copy whole), and not to be changed.
   */
  Map<Parameter, Observation> latestByParameter() {
    return latest;
  }

  /**
   * When {@code latest}, a latest value, falls silent with no value after it, in milliseconds since the epoch: its
   * receipt and the no-data time of its parameter ({@link ReportIntervals#silentAfterMillis}).
   */
  long silentFromMillis(Observation latest, ClinicalRules rules) {
    return latest.gatewayTime().toEpochMilli() + reportIntervals.silentAfterMillis(latest.parameter(), rules);
  }

  ReportIntervals reportIntervals() {
    return reportIntervals;
  }

  /** The sensors the patient's devices last reported off. */
  SensorsOff sensorsOff() {
    return sensorsOff;
  }

  /**
   * Puts these into a patient's stored state: {@code latest}, the latest observation of each parameter
   * ({@link Observation#toState()}); {@code trackers}, the threshold trackers' progress by parameter
   * ({@link ThresholdTracker#toState()}); {@code reportIntervals} ({@link ReportIntervals}); {@code sensorsOff},
   * {@code sensorsOffAt} and {@code sensorsOffReceivedAt} ({@link SensorsOff#writeTo}); {@code stoppedMeasurements}
   * (parameter name to when it was stopped).
   */
  JsonObject writeTo(JsonObject state) {
    JsonObject stopped = new JsonObject();
    stoppedAt.forEach((parameter, at) -> stopped.put(parameter.name(), at));
    return sensorsOff.writeTo(state.put("latest", StateJson.byName(latest, Observation::toState))
            .put("trackers", StateJson.byName(trackers, ThresholdTracker::toState))
            .put("reportIntervals", reportIntervals.toState()))
        .put("stoppedMeasurements", stopped);
  }

  /**
   * The measurements {@link #writeTo} wrote into {@code state}; no stops in a state written before they were kept.
   *
   * @throws IllegalArgumentException when a part is not a parameter name, instant or decimal as it should be
   */
  static PatientMeasurements fromState(JsonObject state) {
    PatientMeasurements read = new PatientMeasurements();
    StateJson.readByName(state, "latest", Parameter.class, read.latest, Observation::fromJson);
    StateJson.readByName(state, "trackers", Parameter.class, read.trackers, ThresholdTracker::fromState);
    read.reportIntervals = ReportIntervals.fromState(state.getJsonObject("reportIntervals"));
    read.sensorsOff = SensorsOff.fromState(state);
    JsonObject stopped = state.getJsonObject("stoppedMeasurements", new JsonObject());
    for (String name : stopped.fieldNames()) {
      Instant at = StateJson.optionalInstant(stopped, name);
      if (at != null) {
        read.stoppedAt.put(StateJson.named(Parameter.class, name, "stoppedMeasurements"), at);
      }
    }
    return read;
  }
}
