package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.wardwatch.clinical.news2.Timed;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.OxygenSupport;
import org.wardwatch.model.StateJson;

/**
 * What was last charted of one patient's assessment, by a device's frame or a clinician: the level of consciousness
 * and air or oxygen, each with its time ({@code null} until charted), whether SpO2 is scored on scale 2, and whether
 * NEWS2 applies to the patient (until a clinician says it does not). Owned by the patient's {@link PatientRecord}; not
 * thread-safe.
 */
final class PatientAssessment {

  private Timed<Consciousness> consciousness;
  private Timed<OxygenSupport> oxygen;
  private boolean spo2Scale2;
  private boolean news2Applies = true;

  Timed<Consciousness> consciousness() {
    return consciousness;
  }

  Timed<OxygenSupport> oxygen() {
    return oxygen;
  }

  boolean spo2Scale2() {
    return spo2Scale2;
  }

  boolean news2Applies() {
    return news2Applies;
  }

  /** Takes what a device's frame charted, unless a later one is held. */
  void charted(FrameReport report) {
    if (report.consciousness() != null && Timed.mayReplace(consciousness, report.time())) {
      consciousness = Timed.of(report.consciousness(), report.time());
    }
    if (report.oxygen() != null && Timed.mayReplace(oxygen, report.time())) {
      oxygen = Timed.of(report.oxygen(), report.time());
    }
  }

  /** A clinician's assessment at {@code at}; {@code null} parts stay as they were. */
  void assess(Assessment assessment, Instant at) {
    if (assessment.consciousness() != null) {
      consciousness = Timed.of(assessment.consciousness(), at);
    }
    if (assessment.oxygen() != null) {
      oxygen = Timed.of(assessment.oxygen(), at);
    }
    if (assessment.spo2Scale2() != null) {
      spo2Scale2 = assessment.spo2Scale2();
    }
    if (assessment.news2() != null) {
      news2Applies = assessment.news2().applies();
    }
  }

  /**
   * Puts the assessment in the patient's stored {@code state}: {@code consciousness} and {@code oxygen} as
   * {@link Timed#toState} ({@code null} when never charted), {@code spo2Scale2} and {@code news2Applies}.
   */
  JsonObject writeTo(JsonObject state) {
    return state.put("consciousness", consciousness == null ? null : consciousness.toState(Consciousness::name))
        .put("oxygen", oxygen == null ? null : oxygen.toState(OxygenSupport::toText))
        .put("spo2Scale2", spo2Scale2).put("news2Applies", news2Applies);
  }

  /** The assessment {@link #writeTo} put in {@code state}. */
  static PatientAssessment fromState(JsonObject state) {
    PatientAssessment assessment = new PatientAssessment();
    JsonObject charted = state.getJsonObject("consciousness");
    assessment.consciousness = charted == null ? null : Timed.fromState(charted,
        level -> StateJson.named(Consciousness.class, level, "consciousness"));
    JsonObject oxygen = state.getJsonObject("oxygen");
    assessment.oxygen = oxygen == null ? null : Timed.fromState(oxygen, OxygenSupport::parse);
    assessment.spo2Scale2 = StateJson.bool(state, "spo2Scale2");
    // absent from a state written before NEWS2 could be stopped: it applied
    assessment.news2Applies = !state.containsKey("news2Applies") || StateJson.bool(state, "news2Applies");
    return assessment;
  }
}
