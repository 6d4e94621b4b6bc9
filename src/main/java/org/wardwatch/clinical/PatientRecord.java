package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import org.wardwatch.bus.PatientSnapshot;
import org.wardwatch.clinical.alarm.AlarmKind;
import org.wardwatch.clinical.news2.News2Inputs;
import org.wardwatch.clinical.news2.News2Score;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.StateJson;

/**
 * What the gateway knows of one patient: where they are, the latest value of each parameter, the latest assessment
 * (consciousness, air or oxygen, SpO2 scale, whether NEWS2 applies), the NEWS2 score, the threshold trackers and the
 * live alarms. Its {@link #snapshot} is what browsers receive and what {@code GET /api/patients/{id}} returns;
 * {@code seq} increases by one per change so a client can detect a gap.
 *
 * <p>Not thread-safe: owned by the clinical engine. (Longer than most classes: it holds each part of a patient's
 * state, whose logic is in the part's own class, and writes and reads them as one stored state.)
 */
final class PatientRecord {

  private final String key;
  private DeviceIdentity source;
  /** Where the patient was shown before a frame moved them to another ward, until {@link #takeLeftWard}; else null. */
  private DeviceIdentity leftWard;
  private long seq;
  /** The {@link #seq} of the last snapshot made to be published; the next one shows the changes after it. */
  private long shownSeq;
  private Instant updated;
  /** When the gateway last heard a frame of this patient (values, sensors off or an assessment); null before. */
  private Instant heardAt;
  private PatientMeasurements measurements = new PatientMeasurements();
  private PatientAssessment assessment = new PatientAssessment();
  private News2Score news2;
  private final PatientAlarms alarms;
  private LimitOverrides overrides = new LimitOverrides();
  private PatientDevices devices = new PatientDevices();
  private RecentFrames recentFrames = new RecentFrames();
  private AuditOutbox auditOutbox = new AuditOutbox();
  private final Reassessment reassessment = new Reassessment();

  PatientRecord(String key, DeviceIdentity source) {
    this(key, source, new PatientAlarms());
  }

  private PatientRecord(String key, DeviceIdentity source, PatientAlarms alarms) {
    this.key = key;
    this.source = source;
    this.alarms = alarms;
  }

  /**
   * Everything this patient's alarms are judged on, for another node to carry on exactly where this one is
   * ({@link #fromState}): the body of the versioned state {@link PatientStateCodec} writes. {@code patient},
   * {@code source} (device identity), {@code seq}, {@code updated}, {@code heardAt}; the measurements
   * ({@link PatientMeasurements#writeTo}: latest values, trackers, report intervals, sensors off, stops); the
   * assessment ({@link PatientAssessment#writeTo}); {@code news2} as {@link News2Score#toJson()};
   * {@code limitOverrides} ({@link LimitOverrides#toState()}); {@code deviceConnections}, {@code disconnectedDevices},
   * {@code invalidSignals} and {@code sendingRefused} ({@link PatientDevices#writeTo}); {@code alarms}, the live alarms
   * ({@link org.wardwatch.clinical.alarm.Alarm#toState()}); {@code recentFrames}, the frames applied lately
   * ({@link RecentFrames#toState()}); {@code auditOutbox}, the audit entries not known to be recorded
   * ({@link AuditOutbox#toState()}). Not the trend history.
   */
  JsonObject toState() {
    JsonObject state = new JsonObject()
        .put("patient", key)
        .put("source", source.toJson())
        .put("seq", seq)
        .put("updated", updated)
        .put("heardAt", heardAt);
    assessment.writeTo(measurements.writeTo(state))
        .put("news2", news2 == null ? null : news2.toJson())
        .put("limitOverrides", overrides.toState());
    return devices.writeTo(state)
        .put("alarms", alarms.toState())
        .put("recentFrames", recentFrames.toState())
        .put("auditOutbox", auditOutbox.toState());
  }

  /**
   * The patient {@link #toState()} wrote, to carry on from: the same alarms (ids, states, acknowledgements, timers),
   * tracker progress, latest values, assessment, overrides, sensors off, devices heard, disconnected and refused, seq,
   * NEWS2 score, the frames applied lately and the audit entries not known to be recorded (none of either when the
   * state predates them; a state that predates the devices has the device of each of their alarms).
   *
   * @throws IllegalArgumentException when a required part is missing or not an enum name, instant, duration or
   *                                  decimal as it should be; a part of another JSON type throws Vert.x's
   *                                  {@link ClassCastException} ({@link PatientStateCodec#decode} turns every one into
   *                                  a refusal)
   */
  static PatientRecord fromState(JsonObject state) {
    PatientRecord patient = new PatientRecord(StateJson.string(state, "patient"),
        DeviceIdentity.fromJson(StateJson.object(state, "source")),
        PatientAlarms.fromState(StateJson.objects(state, "alarms")));
    patient.seq = StateJson.required(state.getLong("seq"), "seq");
    patient.shownSeq = patient.seq; // the previous owner published its changes (one that died first leaves a gap)
    patient.updated = StateJson.optionalInstant(state, "updated");
    patient.heardAt = StateJson.optionalInstant(state, "heardAt");
    patient.measurements = PatientMeasurements.fromState(state);
    patient.assessment = PatientAssessment.fromState(state);
    JsonObject news2 = state.getJsonObject("news2");
    patient.news2 = news2 == null ? null : News2Score.fromJson(news2);
    patient.overrides = LimitOverrides.fromState(StateJson.objects(state, "limitOverrides"));
    patient.devices = PatientDevices.fromState(state, patient.alarms);
    patient.recentFrames = RecentFrames.fromState(state.getJsonObject("recentFrames"));
    patient.auditOutbox = AuditOutbox.fromState(state.getJsonObject("auditOutbox"));
    return patient;
  }

  String key() {
    return key;
  }

  DeviceIdentity source() {
    return source;
  }

  String ward() {
    return source.wardOrDefault();
  }

  /**
   * Where the patient was before a frame moved them to another ward (its screens are to be told that they left), or
   * null when none did; forgotten once taken, as the update of the frame is made (or, when that frame failed, of the
   * patient's next change).
   */
  DeviceIdentity takeLeftWard() {
    DeviceIdentity left = leftWard;
    leftWard = null;
    return left;
  }

  /**
   * When the gateway last heard a frame of this patient, accepted or refused; null for a patient taken over from an
   * older state.
   */
  Instant heardAt() {
    return heardAt;
  }

  /**
   * The patient's device sent a frame or message received at {@code receivedAt} that the gateway refused: the patient
   * was heard, and is monitored still (a discharge now would see the patient admitted again by the next refusal).
   */
  void heardRefused(Instant receivedAt) {
    if (heardAt == null || receivedAt.isAfter(heardAt)) {
      heardAt = receivedAt;
    }
  }

  PatientAlarms alarms() {
    return alarms;
  }

  /** True when the report's frame was applied to this patient already (see {@link RecentFrames}). */
  boolean alreadyApplied(FrameReport report) {
    return report.stamp() != null && recentFrames.isResend(report.stamp());
  }

  /**
   * Takes the identity of the latest frame (bed or ward may have changed; one it does not name stays as it was: the
   * patient's alarms go where the patient goes, and a ward left is remembered, {@link #takeLeftWard}), its
   * assessment unless a later one is held, and which sensors it reported off unless a later value of theirs is held
   * (their onset delays start over: {@link ThresholdTracker#sensorOff}); remembers the frame, and that it was heard
   * {@code now}.
   */
  void heard(FrameReport report, Instant now) {
    heardAt = now;
    if (report.stamp() != null) {
      recentFrames.record(report.stamp());
    }
    DeviceIdentity placed = report.source().placedAs(source);
    if (placed != source && !placed.equals(source)) { // the usual frame: no new object pointed to (see #scored)
      if (!placed.wardOrDefault().equals(source.wardOrDefault()) && leftWard == null) {
        leftWard = source;
      }
      source = placed;
      alarms.placedAt(placed); // shown, and announced, where the patient is
    }
    measurements.reportedOff(report);
    assessment.charted(report);
  }

  /** What the patient's devices measure: latest values, trackers, report intervals, sensors off, stops. */
  PatientMeasurements measurements() {
    return measurements;
  }

  /** What the record knows of its devices: the connections that carry them, which are disconnected, refused. */
  PatientDevices devices() {
    return devices;
  }

  /** The limits clinicians have set for the patient. */
  LimitOverrides overrides() {
    return overrides;
  }

  /** The latest assessment: consciousness, air or oxygen, SpO2 scale, whether NEWS2 applies. */
  PatientAssessment assessment() {
    return assessment;
  }

  /** The patient's audit entries not known to be in the audit trail yet. */
  AuditOutbox auditOutbox() {
    return auditOutbox;
  }

  /** When the patient's silence and NEWS2 were last reassessed (see {@link PatientConditions#reassess}). */
  Reassessment reassessment() {
    return reassessment;
  }

  News2Inputs news2Inputs() {
    return News2Inputs.ofLatest(measurements.latestByParameter(), assessment.consciousness(), assessment.oxygen(),
        assessment.spo2Scale2());
  }

  /**
   * Takes {@code score} unless it is the one held (scores are shared: the usual frame gives that back), so that the
   * long-lived record is not made to point to a new object each frame, which every young collection would scan for.
   */
  void scored(News2Score score) {
    if (score != news2) {
      news2 = score;
    }
  }

  /** The latest NEWS2 score, or {@code null} before the first and while NEWS2 does not apply. */
  News2Score news2() {
    return news2;
  }

  /** The number of the patient's latest change, as its snapshots give it. */
  long seq() {
    return seq;
  }

  /** When the patient last changed ({@link #touch}); null before. */
  Instant updated() {
    return updated;
  }

  /** Marks the end of one update: bumps the sequence number browsers use to detect gaps. */
  void touch(Instant now) {
    seq++;
    updated = now;
  }

  /**
   * What browsers see of this patient now ({@link SnapshotDocument}), encoded when first needed; the same document,
   * decoded (so its decimals as Vert.x decodes them: {@code 2.50} as {@code 2.5}), is what
   * {@code GET /api/patients/{id}} returns.
   */
  PatientSnapshot snapshot(ClinicalRules rules) {
    return snapshot(rules, seq);
  }

  /**
   * The {@link #snapshot} to publish now: it shows every change since the last one published, from {@code fromSeq}
   * (several when the frames of a batch are shown at once, {@link WardState#show}).
   */
  PatientSnapshot snapshotToPublish(ClinicalRules rules) {
    long fromSeq = shownSeq + 1;
    shownSeq = seq;
    return snapshot(rules, fromSeq);
  }

  /** True when a change of the patient has not been shown in a published snapshot yet. */
  boolean hasUnshownChanges() {
    return shownSeq < seq;
  }

  private PatientSnapshot snapshot(ClinicalRules rules, long fromSeq) {
    Map<Parameter, Observation> latest = measurements.latestByParameter();
    return PatientSnapshot.of(key, ward(), new SnapshotDocument(key, source, seq, fromSeq, updated, latest,
        measurements.reportIntervals().seldomSeconds(latest, rules), assessment.consciousness(), assessment.oxygen(),
        assessment.spo2Scale2(), assessment.news2Applies(), news2, overrides.inForce(),
        alarms.toJson(AlarmKind.PHYSIOLOGICAL), alarms.toJson(AlarmKind.TECHNICAL)));
  }
}
