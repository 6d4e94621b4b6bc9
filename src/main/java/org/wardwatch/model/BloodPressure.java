package org.wardwatch.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The two blood pressures a monitor measures, each a systolic and a diastolic {@link Parameter} sent as a pair, and
 * perhaps its mean: the cuff's (non-invasive) and the arterial line's (invasive). They are charted apart, as a bedside
 * monitor shows them: a cuff reads every few minutes and an arterial line beat by beat, and the two differ by several
 * mmHg in the same patient.
 *
 * <p>Both sources are checked alike: a diastolic value must be below its systolic one. A mean is not checked against
 * them: monitors work it out in ways of their own (a line's over each beat's curve, a cuff's from its oscillations).
 */
public enum BloodPressure {
  /** The cuff's, MDC_PRESS_BLD_NONINV; {@code BP=120/80} in a line frame. */
  NON_INVASIVE("Blood pressure", "BP", Parameter.BP_SYSTOLIC, Parameter.BP_DIASTOLIC, Parameter.BP_MEAN),
  /** The arterial line's, MDC_PRESS_BLD_ART; {@code ABP=120/80} in a line frame. */
  ARTERIAL("Arterial blood pressure", "ABP", Parameter.ART_SYSTOLIC, Parameter.ART_DIASTOLIC, Parameter.ART_MEAN);

  private final String label;
  private final String frameKey;
  private final Parameter systolic;
  private final Parameter diastolic;
  private final Parameter mean;
  private final Set<Parameter> parameters;

  BloodPressure(String label, String frameKey, Parameter systolic, Parameter diastolic, Parameter mean) {
    this.label = label;
    this.frameKey = frameKey;
    this.systolic = systolic;
    this.diastolic = diastolic;
    this.mean = mean;
    this.parameters = Collections.unmodifiableSet(EnumSet.of(systolic, diastolic, mean));
  }

  /** The pressure's name in messages people read. */
  public String label() {
    return label;
  }

  /** The line frame's key for the pressure, as messages to a device name it ({@code BP}, {@code ABP}). */
  public String frameKey() {
    return frameKey;
  }

  public Parameter systolic() {
    return systolic;
  }

  public Parameter diastolic() {
    return diastolic;
  }

  public Parameter mean() {
    return mean;
  }

  /**
   * The cuff's parameter whose limits judge {@code parameter}, an arterial line's, where none are set for the line
   * itself (a ward's, or a patient's, limit on the systolic pressure is meant for it however it is measured); {@code
   * null} for every other parameter.
   */
  public static Parameter cuffCounterpart(Parameter parameter) {
    return counterpart(parameter, ARTERIAL, NON_INVASIVE);
  }

  /** The arterial line's parameter that {@code parameter}, a cuff's, stands for ({@link #cuffCounterpart}), or null. */
  public static Parameter lineCounterpart(Parameter parameter) {
    return counterpart(parameter, NON_INVASIVE, ARTERIAL);
  }

  private static Parameter counterpart(Parameter parameter, BloodPressure from, BloodPressure to) {
    return parameter == from.systolic ? to.systolic : parameter == from.diastolic ? to.diastolic
        : parameter == from.mean ? to.mean : null;
  }

  /** The pressure's three parameters: systolic, diastolic and mean. */
  public Set<Parameter> parameters() {
    return parameters;
  }
}
