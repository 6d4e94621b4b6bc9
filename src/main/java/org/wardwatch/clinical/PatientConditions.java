package org.wardwatch.clinical;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.wardwatch.clinical.alarm.AlarmKind;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.news2.News2Reading;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

/**
 * The rules in force applied to one patient: which threshold rules hold for a parameter (the patient's override,
 * else the ward's), and the reconciliation of the patient's alarm conditions with them — thresholds and their onset
 * delays, NEWS2 bands ({@link News2Alarm}), and the technical conditions of the data ({@link DataAlarms}: sensors off,
 * parameters gone silent) and of the devices ({@link DeviceAlarms}). Owned by {@link WardState}, which decides when
 * each check runs.
 *
 * <p>Pure, with time passed in; not thread-safe: lives with its {@code WardState} on the clinical engine's event loop.
 */
final class PatientConditions {

  /** Condition keys of threshold alarms begin with this, followed by the parameter ({@link #thresholdKey}). */
  private static final String THRESHOLD = "THRESHOLD:";
  private static final Map<Parameter, String> THRESHOLD_KEYS = Arrays.stream(Parameter.values())
      .collect(Collectors.toMap(parameter -> parameter, parameter -> THRESHOLD + parameter.name(), (a, b) -> a,
          () -> new EnumMap<>(Parameter.class)));
  /** The condition key of the NEWS2 alarm. */
  static final String NEWS2 = News2Alarm.KEY;

  private final PatientAlarms.AlarmIds alarmIds;
  private ClinicalRules rules;
  private News2Alarm news2;
  private DeviceAlarms devices;
  private MonitoringDevices monitoring;
  private DataAlarms data;

  PatientConditions(ClinicalRules rules, PatientAlarms.AlarmIds alarmIds) {
    this.alarmIds = alarmIds;
    replaceRules(rules);
  }

  void replaceRules(ClinicalRules newRules) {
    rules = newRules;
    news2 = new News2Alarm(newRules, alarmIds);
    monitoring = new MonitoringDevices(newRules);
    devices = new DeviceAlarms(newRules, monitoring, alarmIds);
    data = new DataAlarms(newRules, alarmIds);
  }

  /** The condition key of {@code parameter}'s threshold alarm: {@value #THRESHOLD} and the parameter's name. */
  static String thresholdKey(Parameter parameter) {
    return THRESHOLD_KEYS.get(parameter);
  }

  ClinicalRules rules() {
    return rules;
  }

  /** The alarms of the patient's devices as connections: disconnected, invalid signal. */
  DeviceAlarms devices() {
    return devices;
  }

  /** The alarms of the patient's data: sensor off, no data. */
  DataAlarms data() {
    return data;
  }

  /** The patient's own limits for {@code parameter} while an override is in force, else the ward's. */
  List<ThresholdRule> rulesFor(PatientRecord patient, Parameter parameter, Instant now) {
    LimitOverride override = patient.overrides().get(parameter);
    return override != null && !override.expiredAt(now)
        ? override.rules()
        : rules.thresholds().forWard(patient.ward(), parameter);
  }

  /**
   * {@code parameters} are no longer measured ({@link PatientMeasurements#stop}): their threshold conditions end,
   * and the devices' conditions ({@link DeviceAlarms#measurementsStopped}), sensors off, parameters gone silent and
   * NEWS2 are reconciled without them.
   */
  List<AlarmTransition> measurementsStopped(PatientRecord patient, Set<Parameter> parameters, Instant now) {
    List<AlarmTransition> transitions = new ArrayList<>();
    for (Parameter parameter : parameters) {
      transitions.addAll(reconcile(patient, thresholdKey(parameter), AlarmKind.PHYSIOLOGICAL, null, now));
    }
    transitions.addAll(devices.measurementsStopped(patient, now));
    transitions.addAll(data.sensorsOff(patient, now));
    transitions.addAll(reassess(patient, now));
    return transitions;
  }

  /**
   * Reconciles the conditions that the passing of time changes on its own, parameters gone silent, onset delays and
   * NEWS2 (whose values go stale), and notes on the patient until when time alone changes none of them.
   */
  List<AlarmTransition> reassess(PatientRecord patient, Instant now) {
    return reassess(patient, now, Set.of());
  }

  /**
   * {@link #reassess}, as at the receipt of a frame that brings {@code arriving}: no no-data alarm is raised for them
   * only to be cleared by the frame, nor does their silence mark NEWS2's data stale; their onset delays are still not
   * elapsed while they are silent.
   */
  List<AlarmTransition> reassess(PatientRecord patient, Instant now, Set<Parameter> arriving) {
    long nowMillis = now.toEpochMilli();
    Set<Parameter> silent = Set.of(); // runs on every frame: nothing is allocated while no parameter is silent
    long quietUntil = Long.MAX_VALUE; // of the parameters not silent yet: when the first falls silent
    PatientMeasurements measurements = patient.measurements();
    for (Observation observation : measurements.latestValues()) {
      if (measurements.sensorsOff().contains(observation.parameter())) {
        continue;
      }
      long silentFrom = measurements.silentFromMillis(observation, rules);
      if (nowMillis > silentFrom) {
        silent = silent.isEmpty() ? EnumSet.noneOf(Parameter.class) : silent;
        silent.add(observation.parameter());
      } else {
        quietUntil = Math.min(quietUntil, silentFrom);
      }
    }
    Set<Parameter> unheard = arriving.isEmpty() || silent.isEmpty() ? silent
        : silent.stream().filter(parameter -> !arriving.contains(parameter)).collect(Collectors.toSet());
    List<AlarmTransition> transitions = data.silent(patient, unheard, now);
    Instant onsetDue = elapseOnsets(patient, silent, now, transitions);
    News2Reading reading = news2.read(patient, now);
    transitions.addAll(news2.rescore(patient, reading, unheard.isEmpty(), now));
    Instant scoreHolds = reading == null ? Instant.MAX : reading.holdsUntil();
    Instant quiet = quietUntil == Long.MAX_VALUE ? Instant.MAX : Instant.ofEpochMilli(quietUntil);
    Instant until = scoreHolds.isBefore(quiet) ? scoreHolds : quiet;
    Instant due = earlier(onsetDue, news2.endsAt(patient).orElse(null));
    patient.reassessment().done(now, until, due);
    return transitions;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a == null || b != null && b.isBefore(a) ? b : a;
  }

  /**
   * Reconciles the threshold alarm of {@code observation}'s parameter with {@code breached}, the most urgent rule in
   * alarm after that value (none: the condition is over).
   */
  List<AlarmTransition> judge(PatientRecord patient, Observation observation, Optional<ThresholdRule> breached,
      Instant now) {
    AlarmCondition condition = breached.map(rule -> new AlarmCondition(rule.priority(),
        rule.describe(observation.value()) + (observation.questionable() ? " (questionable reading)" : ""),
        Set.of(rule.direction().name()))) // above and below are two conditions
        .orElse(null);
    return reconcile(patient, thresholdKey(observation.parameter()), AlarmKind.PHYSIOLOGICAL, condition, now);
  }

  /**
   * The limits of {@code parameter} changed for the patient (a clinician's override set or expired): its latest value
   * is judged against them now, not at its next value (a cuff measuring every half hour), unless its sensor is off or
   * it has gone silent (no longer the patient's); a breach's delay still counts from when it began.
   */
  List<AlarmTransition> rejudge(PatientRecord patient, Parameter parameter, Instant now) {
    Observation latest = patient.measurements().latest(parameter);
    if (latest == null || patient.measurements().sensorsOff().contains(parameter) || now.isAfter(latest.gatewayTime()
        .plusMillis(patient.measurements().reportIntervals().silentAfterMillis(parameter, rules)))) {
      return List.of();
    }
    Optional<ThresholdRule> breached = patient.measurements().tracker(parameter)
        .observe(rulesFor(patient, parameter, now), latest.value(), now);
    patient.reassessment().dueBy(patient.measurements().tracker(parameter).nextOnset()); // a delay it started
    List<AlarmTransition> transitions = new ArrayList<>(judge(patient, latest, breached, now));
    transitions.addAll(staleIfDisconnected(patient, latest, now));
    return transitions;
  }

  /** Marks the threshold alarm of {@code latest}'s parameter stale when the device that sent it has disconnected. */
  private static List<AlarmTransition> staleIfDisconnected(PatientRecord patient, Observation latest, Instant now) {
    return MonitoringDevices.senderDisconnected(patient, latest)
        ? patient.alarms().markData(thresholdKey(latest.parameter()), true, now) : List.of();
  }

  /**
   * Onset delays run out with time: a parameter whose latest value still breaches a rule when the rule's delay has
   * run alarms then, not at its next value (a monitor reporting once a minute), its data stale when the device that
   * sent the value has disconnected since. Not a parameter whose sensor is off or that has gone {@code silent}: its
   * latest value is no longer the patient's. Adds the transitions to
   * {@code transitions}; returns when the first delay still running runs out, or {@code null}.
   */
  private Instant elapseOnsets(PatientRecord patient, Set<Parameter> silent, Instant now,
      List<AlarmTransition> transitions) {
    Instant next = null;
    for (Observation latest : patient.measurements().latestValues()) {
      ThresholdTracker tracker = patient.measurements().tracker(latest.parameter()); // a parameter with a value has one
      if (tracker.nextOnset() == null || patient.measurements().sensorsOff().contains(latest.parameter())
          || silent.contains(latest.parameter())) {
        continue;
      }
      Optional<ThresholdRule> breached = tracker.elapse(rulesFor(patient, latest.parameter(), now), latest.value(),
          now);
      if (breached.isPresent()) {
        transitions.addAll(judge(patient, latest, breached, now));
        transitions.addAll(staleIfDisconnected(patient, latest, now));
      }
      Instant onset = tracker.nextOnset();
      next = onset != null && (next == null || onset.isBefore(next)) ? onset : next;
    }
    return next;
  }

  /** {@link #reassess} when time alone may have changed something since the last reassessment; else nothing. */
  List<AlarmTransition> reassessIfDue(PatientRecord patient, Instant now) {
    return patient.reassessment().dueAt(now) ? reassess(patient, now) : List.of();
  }

  /**
   * The device that keeps the patient monitored at {@code now}, whose next frame would admit a discharged patient
   * again; null when none does. One whose invalid-signal condition stands and that still sends refused frames,
   * whatever the others do; else, unless every device the patient is monitored through has disconnected
   * ({@link MonitoringDevices#allDisconnected}), the device of the patient's latest frame when a frame of it (values,
   * sensors off, an assessment or a refusal) was heard within the no-data time, or within three of a latest value's
   * report intervals when that is longer. (For a patient taken over from a state without the time heard: the latest
   * values'.)
   */
  String stillSending(PatientRecord patient, Instant now) {
    String refusing = patient.devices().sendingRefused(now, rules);
    if (refusing != null) {
      return refusing;
    }
    return !monitoring.allDisconnected(patient, now) && heardWithin(patient, now) ? patient.source().device() : null;
  }

  /** {@link #stillSending}'s test of the time the patient was heard. */
  private boolean heardWithin(PatientRecord patient, Instant now) {
    long window = rules.noDataAfter().toMillis();
    PatientMeasurements measurements = patient.measurements();
    for (Observation latest : measurements.latestValues()) { // a monitor reporting once a minute is monitored between
      window = Math.max(window, measurements.reportIntervals().silentAfterMillis(latest.parameter(), rules));
    }
    Instant cutoff = now.minusMillis(window);
    Instant heardAt = patient.heardAt();
    return heardAt != null ? !heardAt.isBefore(cutoff)
        : measurements.latestValues().stream().anyMatch(observation -> !observation.gatewayTime().isBefore(cutoff));
  }

  List<AlarmTransition> reconcile(PatientRecord patient, String key, AlarmKind kind, AlarmCondition condition,
      Instant now) {
    return patient.alarms().reconcile(key, kind, condition, patient.source(), rules.policy(), alarmIds, now);
  }
}
