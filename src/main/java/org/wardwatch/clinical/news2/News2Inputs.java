package org.wardwatch.clinical.news2;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.Observation;
import org.wardwatch.model.OxygenSupport;
import org.wardwatch.model.Parameter;

/**
 * Everything a NEWS2 score is computed from for one patient: the latest timed value of each scored vital sign, the
 * charted level of consciousness, air or oxygen, and which SpO2 scale applies.
 *
 * <p>Any part may be absent (not in {@code vitals}, or {@code null}); the calculator then reports it as missing and
 * never assumes it normal. Vital values are in the parameter's UCUM unit and may carry more decimals than are charted:
 * the calculator rounds them.
 *
 * <p>Immutable and thread-safe: the vitals map is copied. Only the scored parameters ({@link #SCORED_PARAMETERS}) are
 * kept, so a caller may hand over all the latest vitals it holds (diastolic BP, which NEWS2 does not score, is
 * dropped). The systolic pressure scored is the later measured of the cuff's and the arterial line's
 * ({@link #systolic()}).
 *
 * <p>Clinical source: Royal College of Physicians, <i>National Early Warning Score (NEWS) 2</i>, London: RCP, 2017,
 * chart 1. SpO2 scale 2 is for patients with confirmed hypercapnic respiratory failure only, on the decision of a
 * competent clinical decision-maker, and is recorded per patient; everyone else is on scale 1.
 *
 * @param vitals         latest value of each of {@link #SCORED_PARAMETERS}, by parameter
 * @param consciousness  latest ACVPU level, or {@code null}
 * @param oxygen         latest air or oxygen, or {@code null}
 * @param spo2Scale2     true when the patient's SpO2 is scored on scale 2
 */
public record News2Inputs(Map<Parameter, Timed<BigDecimal>> vitals, Timed<Consciousness> consciousness,
    Timed<OxygenSupport> oxygen, boolean spo2Scale2) {

  /** The vital-sign parameters NEWS2 scores: both systolic pressures, one at a time ({@link #systolic()}). */
  public static final Set<Parameter> SCORED_PARAMETERS = Collections.unmodifiableSet(EnumSet.of(Parameter.RESP_RATE,
      Parameter.SPO2, Parameter.BP_SYSTOLIC, Parameter.ART_SYSTOLIC, Parameter.PULSE, Parameter.TEMPERATURE));
  /** {@link #SCORED_PARAMETERS} as an array, and the other parameters: looped over without an iterator. */
  static final Parameter[] SCORED = SCORED_PARAMETERS.toArray(new Parameter[0]);
  private static final Parameter[] UNSCORED =
      EnumSet.complementOf(EnumSet.copyOf(SCORED_PARAMETERS)).toArray(new Parameter[0]);

  /** Copies {@code vitals} ({@code null} means none), keeping only the scored parameters. */
  public News2Inputs {
    // An EnumMap (a patient's, on every frame) is copied whole, without an entry object per vital; a null key fails.
    Map<Parameter, Timed<BigDecimal>> kept = vitals == null || vitals.isEmpty()
        ? new EnumMap<>(Parameter.class) : new EnumMap<>(vitals);
    if (kept.containsValue(null)) { // a caller's mistake: named in the message
      kept.forEach((parameter, timed) -> Objects.requireNonNull(timed, () -> "value of " + parameter));
    }
    for (Parameter unscored : UNSCORED) {
      kept.remove(unscored);
    }
    vitals = Collections.unmodifiableMap(kept);
  }

  /**
   * The inputs of a patient whose latest observation of each parameter is in {@code latest} (those NEWS2 does not
   * score are left out), each timed by when it was measured.
   */
  public static News2Inputs ofLatest(Map<Parameter, Observation> latest, Timed<Consciousness> consciousness,
      Timed<OxygenSupport> oxygen, boolean spo2Scale2) {
    Map<Parameter, Timed<BigDecimal>> vitals = new EnumMap<>(Parameter.class);
    for (Parameter parameter : SCORED) { // an array: no iterator, nor an entry object per vital
      Observation observation = latest.get(parameter);
      if (observation != null) {
        vitals.put(parameter, Timed.of(observation.value(), observation.effectiveTime()));
      }
    }
    return new News2Inputs(vitals, consciousness, oxygen, spo2Scale2);
  }

  /** The latest value of {@code parameter}, or {@code null} when there is none. */
  public Timed<BigDecimal> vital(Parameter parameter) {
    return vitals.get(parameter);
  }

  /**
   * The systolic pressure NEWS2 scores: the later measured of the cuff's and the arterial line's, the cuff's when both
   * were measured at once (the chart was validated on it), or {@code null} when there is neither. The later one is the
   * patient's pressure now: a line taken out, or a cuff left on a patient with a line, leaves an older value behind.
   */
  public Timed<BigDecimal> systolic() {
    Timed<BigDecimal> cuff = vitals.get(Parameter.BP_SYSTOLIC);
    Timed<BigDecimal> line = vitals.get(Parameter.ART_SYSTOLIC);
    return line == null || cuff != null && !line.time().isAfter(cuff.time()) ? cuff : line;
  }
}
