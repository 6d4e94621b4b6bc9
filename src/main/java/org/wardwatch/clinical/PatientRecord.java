package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.wardwatch.clinical.alarm.AlarmKind;
import org.wardwatch.clinical.news2.News2Inputs;
import org.wardwatch.clinical.news2.News2Score;
import org.wardwatch.clinical.news2.Timed;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;
import org.wardwatch.model.OxygenSupport;
import org.wardwatch.model.Parameter;

/**
 * What the gateway knows of one patient: where they are, the latest value of each parameter, the latest assessment
 * (consciousness, air or oxygen, SpO2 scale), the NEWS2 score, the threshold trackers and the live alarms. Its JSON
 * snapshot is what browsers receive and what {@code GET /api/patients/{id}} returns; {@code seq} increases by one per
 * change so a client can detect a gap.
 *
 * <p>Not thread-safe: owned by the clinical engine.
 */
final class PatientRecord {

  private final String key;
  private DeviceIdentity source;
  private long seq;
  private Instant updated;
  private final Map<Parameter, Observation> latest = new EnumMap<>(Parameter.class);
  private final Map<Parameter, ThresholdTracker> trackers = new EnumMap<>(Parameter.class);
  private Timed<Consciousness> consciousness;
  private Timed<OxygenSupport> oxygen;
  private boolean spo2Scale2;
  private News2Score news2;
  private final PatientAlarms alarms = new PatientAlarms();
  private final Map<Parameter, LimitOverride> overrides = new EnumMap<>(Parameter.class);
  private final Set<Parameter> sensorsOff = EnumSet.noneOf(Parameter.class);

  PatientRecord(String key, DeviceIdentity source) {
    this.key = key;
    this.source = source;
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

  PatientAlarms alarms() {
    return alarms;
  }

  /**
   * Takes the identity of the latest frame (bed or ward may have changed), any assessment it carried, and which
   * sensors it reported off (a value for a parameter means its sensor is back).
   */
  void heard(FrameReport report) {
    source = report.source();
    report.observations().forEach(observation -> sensorsOff.remove(observation.parameter()));
    sensorsOff.addAll(report.sensorsOff());
    if (report.consciousness() != null) {
      consciousness = Timed.of(report.consciousness(), report.time());
    }
    if (report.oxygen() != null) {
      oxygen = Timed.of(report.oxygen(), report.time());
    }
  }

  /**
   * Records a value unless it is older than the one already held.
   *
   * @return true when it became the parameter's latest value (and so the one alarms are judged on)
   */
  boolean record(Observation observation) {
    Observation held = latest.get(observation.parameter());
    if (held != null && observation.effectiveTime().isBefore(held.effectiveTime())) {
      return false;
    }
    latest.put(observation.parameter(), observation);
    return true;
  }

  ThresholdTracker tracker(Parameter parameter) {
    return trackers.computeIfAbsent(parameter, p -> new ThresholdTracker());
  }

  /** Parameters whose sensor the device last reported off. */
  Set<Parameter> sensorsOff() {
    return Set.copyOf(sensorsOff);
  }

  /** The override in force for {@code parameter}, or {@code null}. */
  LimitOverride override(Parameter parameter) {
    return overrides.get(parameter);
  }

  void putOverride(LimitOverride override) {
    overrides.put(override.parameter(), override);
  }

  /** Removes and returns the overrides that have expired at {@code now}. */
  List<LimitOverride> expireOverrides(Instant now) {
    List<LimitOverride> expired = overrides.values().stream().filter(o -> o.expiredAt(now)).toList();
    expired.forEach(o -> overrides.remove(o.parameter()));
    return expired;
  }

  /** A clinician's assessment; {@code null} parts stay as they were. */
  void assess(Consciousness newConsciousness, OxygenSupport newOxygen, Boolean scale2, Instant at) {
    if (newConsciousness != null) {
      consciousness = Timed.of(newConsciousness, at);
    }
    if (newOxygen != null) {
      oxygen = Timed.of(newOxygen, at);
    }
    if (scale2 != null) {
      spo2Scale2 = scale2;
    }
  }

  /** Parameters that had data but none arrived at the gateway since {@code cutoff}. */
  Set<Parameter> silentSince(Instant cutoff) {
    return latest.values().stream()
        .filter(observation -> observation.gatewayTime().isBefore(cutoff))
        .map(Observation::parameter)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Parameter.class)));
  }

  News2Inputs news2Inputs() {
    Map<Parameter, Timed<BigDecimal>> vitals = new EnumMap<>(Parameter.class);
    latest.forEach((parameter, observation) -> {
      if (News2Inputs.SCORED_PARAMETERS.contains(parameter)) {
        vitals.put(parameter, Timed.of(observation.value(), observation.effectiveTime()));
      }
    });
    return new News2Inputs(vitals, consciousness, oxygen, spo2Scale2);
  }

  void scored(News2Score score) {
    news2 = score;
  }

  /** The latest NEWS2 score, or {@code null} before the first. */
  News2Score news2() {
    return news2;
  }

  /** Marks the end of one update: bumps the sequence number browsers use to detect gaps. */
  void touch(Instant now) {
    seq++;
    updated = now;
  }

  JsonObject toJson() {
    JsonObject vitals = new JsonObject();
    latest.forEach((parameter, observation) -> vitals.put(parameter.name(), new JsonObject()
        .put("value", observation.value())
        .put("unit", observation.unit())
        .put("time", observation.effectiveTime())
        .put("questionable", observation.questionable())));
    return new JsonObject()
        .put("patient", key)
        .put("device", source.device())
        .put("bed", source.bed())
        .put("ward", source.wardOrDefault())
        .put("seq", seq)
        .put("updated", updated)
        .put("vitals", vitals)
        .put("consciousness", consciousness == null ? null
            : new JsonObject().put("value", consciousness.value().name()).put("time", consciousness.time()))
        .put("oxygen", oxygen == null ? null
            : FrameReport.oxygenJson(oxygen.value()).put("time", oxygen.time()))
        .put("spo2Scale2", spo2Scale2)
        .put("news2", news2 == null ? null : news2.toJson())
        .put("limitOverrides", new JsonArray(overrides.values().stream().map(LimitOverride::toJson).toList()))
        .put("alarms", alarms.toJson(AlarmKind.PHYSIOLOGICAL))
        .put("technicalAlarms", alarms.toJson(AlarmKind.TECHNICAL));
  }
}
