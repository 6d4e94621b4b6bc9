package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.wardwatch.clinical.ActionRefused.UnknownTarget;
import org.wardwatch.clinical.alarm.Alarm;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Parameter;

/**
 * The clinical engine of a node: its patients, their NEWS2 scores and their alarms. Every input (a frame, a clinician's
 * action, a device event, the passing of time) goes in with its time and comes out as a {@link WardUpdate}: the alarm
 * transitions to publish and audit, and the patient snapshots that changed. Each patient's accepted observations and
 * alarm transitions also go to the {@link VitalsHistory} behind the trend view.
 *
 * <p>Pure, with time passed in (tests never sleep); not thread-safe: the clinical engine verticle owns it. (Longer
 * than most: the engine's one entry point, a short method per input handing the work to the class that owns it.)
 */
public final class WardState {

  private final Map<String, PatientRecord> patients = new LinkedHashMap<>();
  /** The patients by tick slice; null when the patients changed since it was made. */
  private TickSlices tickSlices;
  private final VitalsHistory vitalsHistory = new VitalsHistory();
  private final PatientConditions conditions;
  private final WardView view;
  private final PatientUpdates patientUpdates;
  private final EndedConnections endedNotHeld = new EndedConnections();

  public WardState(ClinicalRules rules) {
    this(rules, PatientAlarms.AlarmIds.RANDOM);
  }

  /** An engine that names new alarms with {@code alarmIds} (tests make ids that two engines agree on). */
  WardState(ClinicalRules rules, PatientAlarms.AlarmIds alarmIds) {
    this.conditions = new PatientConditions(rules, alarmIds);
    this.view = new WardView(patients, conditions, vitalsHistory);
    this.patientUpdates = new PatientUpdates(vitalsHistory, conditions);
  }

  /** Puts new rules in force; an active alarm stays until decided under them: a reload never silently clears one. */
  public void replaceRules(ClinicalRules newRules) {
    conditions.replaceRules(newRules);
    patients.values().forEach(patient -> patient.reassessment().forget());
  }

  /** True when {@code report}'s frame was applied already (resent, its ACK lost): to acknowledge, not apply. */
  public boolean isResend(FrameReport report) {
    PatientRecord patient = patients.get(report.source().patientKey());
    return patient != null && patient.alreadyApplied(report);
  }

  /** A resend ({@link #isResend}) came, not applied again ({@link DeviceAlarms#resent}); stored when it changed. */
  public WardUpdate heardResend(FrameReport report, Instant now) {
    PatientRecord patient = patients.get(report.source().patientKey());
    if (patient == null) {
      return WardUpdate.NOTHING;
    }
    boolean takesOver = patient.devices().wouldTakeOver(report.source().device(), report.connection());
    return patientUpdates.changed(patient, conditions.devices().resent(patient, report, now), takesOver, now);
  }

  /** Applies one accepted frame (see {@link #isResend}). */
  public WardUpdate apply(FrameReport report, Instant now) {
    return apply(report, true, now);
  }

  /**
   * Applies one accepted frame of a batch whose changes are shown once per patient when it has been applied
   * ({@link #show}): its update has no snapshot, unless the frame moved the patient to another ward, which is shown
   * at once, with the notice to the ward they left.
   */
  public WardUpdate applyUnshown(FrameReport report, Instant now) {
    return apply(report, false, now);
  }

  /**
   * The snapshot of the patient, when held here and changed since its last published snapshot ({@link #applyUnshown}):
   * it shows every change since, from its {@code fromSeq} to its {@code seq}, so that a screen does not take the
   * numbers between for missed updates.
   */
  public WardUpdate show(String patientKey) {
    PatientRecord patient = patients.get(patientKey);
    return patient == null || !patient.hasUnshownChanges() ? WardUpdate.NOTHING
        : new WardUpdate(List.of(), List.of(patient.snapshotToPublish(conditions.rules())), List.of());
  }

  private WardUpdate apply(FrameReport report, boolean shown, Instant now) {
    PatientRecord patient = admitted(report.source());
    vitalsHistory.record(patient.key(), report.observations(), now);
    return patientUpdates.changed(patient, FrameConditions.apply(conditions, patient, report, now), true, shown, now);
  }

  /**
   * The patient's snapshot as it is, for its ward to be shown again (one taken over: its previous owner may have stored
   * its last change and died before publishing it); nothing when not held here.
   */
  public WardUpdate shownAgain(String patientKey) {
    return view.snapshot(patientKey).map(snapshot -> new WardUpdate(List.of(), List.of(snapshot), List.of()))
        .orElse(WardUpdate.NOTHING);
  }

  /**
   * {@code user}'s assessment of a patient ({@link Assessment#applyTo}), audited ({@link Assessment#auditEntry});
   * {@code null} parts unchanged.
   *
   * @throws ActionRefused.AlarmsUnacknowledged when it stops NEWS2 while the NEWS2 alarm awaits acknowledgement
   */
  public WardUpdate assess(String patientKey, Assessment assessment, String user, Instant now) {
    PatientRecord patient = patient(patientKey);
    List<AlarmTransition> transitions = new ArrayList<>(assessment.applyTo(patient, user, now));
    transitions.addAll(conditions.reassess(patient, now));
    return patientUpdates.changed(patient, transitions, true, now)
        .audited(patient.auditOutbox().add(assessment.auditEntry(patientKey, user, now), false));
  }

  /**
   * Puts a clinician's own limits for one parameter of a patient in force until the override expires, judging the
   * patient's latest value of that parameter against them at once ({@link PatientConditions#rejudge}), as the ward's
   * limits are judged again when it expires.
   */
  public WardUpdate overrideLimits(LimitOverride override, Instant now) {
    PatientRecord patient = patient(override.patient());
    patient.overrides().put(override);
    return patientUpdates.changed(patient, conditions.rejudge(patient, override.parameter(), now), true, now)
        .audited(patient.auditOutbox().add(override.auditEntry("LIMIT_OVERRIDE", override.user(), now), false));
  }

  /** Stops measuring {@code parameters} of a patient, by {@code user}, unless {@link MeasurementStop} refuses it. */
  public WardUpdate stopMeasuring(String patientKey, Set<Parameter> parameters, String user, Instant now) {
    PatientRecord patient = patient(patientKey);
    MeasurementStop.requireAllowed(patient, parameters, conditions.rules(), now);
    parameters.forEach(parameter -> patient.measurements().stop(parameter, now));
    return patientUpdates.changed(patient, conditions.measurementsStopped(patient, parameters, now), true, now)
        .audited(patient.auditOutbox().add(MeasurementStop.auditEntry(patient, parameters, user, now), false));
  }

  /** Applies a user action (acknowledge, audio pause) to alarm {@code alarmId}. */
  public WardUpdate act(String alarmId, Function<Alarm, List<AlarmTransition>> action, Instant now) {
    for (PatientRecord patient : patients.values()) {
      Optional<List<AlarmTransition>> transitions = patient.alarms().act(alarmId, action);
      if (transitions.isPresent()) {
        return patientUpdates.changed(patient, transitions.get(), false, now);
      }
    }
    throw new UnknownTarget("no live alarm " + alarmId);
  }

  /**
   * Ends a patient's monitoring, discharged by {@code user}: its alarms are cleared by that user, and the patient and
   * its trends forgotten ({@link PatientDischarge}); a later frame admits it afresh, but one still in flight on a
   * connection of its devices known ended admits it alarmed disconnected ({@link EndedConnections#discharged}).
   *
   * @throws ActionRefused while its device sends, or a HIGH alarm of it awaits acknowledgement
   */
  public WardUpdate discharge(String patientKey, String user, Instant now) {
    PatientRecord patient = patient(patientKey);
    PatientDischarge.requireAllowed(patient, conditions.stillSending(patient, now));
    List<AlarmTransition> cleared = patient.alarms().discharge(user, now);
    endedNotHeld.discharged(patient); // a frame still in flight on them admits the patient alarmed again
    release(patientKey);
    return PatientDischarge.of(patient, cleared, user, now);
  }

  /**
   * A device connection event from the device side ({@link DeviceAlarms#event}). A refusal about a patient not held
   * here admits it, placed where its device put it, when the event may ({@link DeviceEvent#admits}): a monitor whose
   * first frames are all refused raises its invalid-signal alarm on a tile of its own, rather than leaving its bed
   * unmonitored and silent.
   */
  public WardUpdate deviceEvent(DeviceEvent event, Instant now) {
    DeviceIdentity source = event.source();
    boolean held = holds(source.patientKey());
    PatientRecord patient = held || !event.admits() ? patients.get(source.patientKey()) : admitted(source);
    if (patient == null) {
      endedNotHeld.notHeld(event);
      return WardUpdate.NOTHING;
    }
    boolean stored = !held || patient.devices().mayChangeConnections(event); // admitted, or its connections may change
    return patientUpdates.changed(patient, conditions.devices().event(patient, event, now), stored, now);
  }

  /** The passing of time for every patient: alarm timers, parameters gone silent, NEWS2 inputs going stale. */
  public WardUpdate tick(Instant now) {
    return tick(now, 0, 1, null);
  }

  /**
   * The passing of time for one share of the patients: those whose key falls in {@code slice} of {@code slices}
   * (by its hash). Ticking the slices in turn spreads the work over the tick's period, so a ward of thousands of
   * patients does not hold the event loop for tens of milliseconds at once. A device on a connection whose origin is
   * none of the {@code presentOrigins} (null: not known) went with its member ({@link DeviceAlarms#membersGone}).
   */
  public WardUpdate tick(Instant now, int slice, int slices, Set<Long> presentOrigins) {
    if (slices < 1 || slice < 0 || slice >= slices) {
      throw new IllegalArgumentException("slice " + slice + " of " + slices);
    }
    if (tickSlices == null || tickSlices.count() != slices) {
      tickSlices = TickSlices.of(patients.values(), slices);
    }
    List<WardUpdate> updates = new ArrayList<>();
    for (PatientRecord patient : tickSlices.slice(slice)) {
      updates.add(PatientTick.of(conditions, patientUpdates, patient, presentOrigins, now));
    }
    return WardUpdate.merged(updates);
  }

  /** True when the patient is held here. */
  public boolean holds(String patientKey) {
    return patients.containsKey(patientKey);
  }

  /** What the engine answers when asked about its patients: snapshots, the ward summary, the trend history. */
  public WardView view() {
    return view;
  }

  /**
   * The patient's complete state, for the node that takes the patient over to {@link #adopt} (see
   * {@link PatientStateCodec}): plain JSON, format version {@code "v": 1} first. Write it again after every
   * {@link WardUpdate} that lists the patient in {@link WardUpdate#changedPatients()}.
   *
   * @return empty when no such patient is held here
   */
  public Optional<JsonObject> state(String patientKey) {
    return Optional.ofNullable(patients.get(patientKey)).map(PatientStateCodec::encode);
  }

  /**
   * Takes a patient over from its {@link #state}, replacing any patient of that key held here, and carries on exactly
   * where the state's writer was: same alarms, timers, onset delays, assessment, overrides and seq. Nothing is
   * published and seq does not move; the trend history starts empty (it is not part of the state).
   *
   * @return the audit records the state holds as maybe not recorded ({@link AuditOutbox}): to record, then to tell
   *         {@link #recorded}
   * @throws IllegalArgumentException when the state is of another format version or malformed; nothing changes then
   */
  public List<AuditRecord> adopt(JsonObject state) {
    PatientRecord patient = PatientStateCodec.decode(state);
    patients.put(patient.key(), patient);
    tickSlices = null;
    return patient.auditOutbox().pending();
  }

  /** {@code record} is in the audit trail: its patient, when held here, stops keeping it for its next owner. */
  public void recorded(AuditRecord record) {
    Optional.ofNullable(patients.get(record.patient())).ifPresent(held -> held.auditOutbox().recorded(record.key()));
  }

  /**
   * {@code update}, made by a clinician's action from {@code origin}: its audit records carry the origin
   * ({@link WardUpdate#from}), and so do those its patients keep for their next owner.
   */
  public WardUpdate attributed(WardUpdate update, String origin) {
    WardUpdate attributed = update.from(origin);
    hold(attributed.audit());
    return attributed;
  }

  /** Has each of {@code records} held by its patient, when held here, in place of one of its key, until recorded. */
  void hold(List<AuditRecord> records) {
    records.forEach(record -> Optional.ofNullable(patients.get(record.patient()))
        .ifPresent(held -> held.auditOutbox().replace(record)));
  }

  /**
   * Gives a patient up (another node owns it now): forgets the patient and its trend history.
   *
   * @return true when the patient was held here
   */
  public boolean release(String patientKey) {
    vitalsHistory.forget(patientKey);
    tickSlices = null;
    return patients.remove(patientKey) != null;
  }

  /** The patient {@code source} reports for, admitted when not held here. */
  private PatientRecord admitted(DeviceIdentity source) {
    return patients.computeIfAbsent(source.patientKey(), key -> {
      tickSlices = null;
      PatientRecord patient = new PatientRecord(key, source);
      endedNotHeld.admitted(key, patient.devices());
      return patient;
    });
  }

  private PatientRecord patient(String key) {
    return Optional.ofNullable(patients.get(key)).orElseThrow(() -> new UnknownTarget("no patient " + key));
  }
}
