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
 * <p>Both sources are checked alike, by the line-frame decoder and the HL7 report assembler: a diastolic value must be
 * below its systolic one. A mean is not checked against them: monitors work it out in ways of their own (a line's over
 * each beat's curve, a cuff's from its oscillations).
 */
public enum BloodPressure {
  /** The cuff's, MDC_PRESS_BLD_NONINV; {@code BP=120/80} in a line frame. */
  NON_INVASIVE("Blood pressure", Parameter.BP_SYSTOLIC, Parameter.BP_DIASTOLIC, Parameter.BP_MEAN),
  /** The arterial line's, MDC_PRESS_BLD_ART; {@code ABP=120/80} in a line frame. */
  ARTERIAL("Arterial blood pressure", Parameter.ART_SYSTOLIC, Parameter.ART_DIASTOLIC, Parameter.ART_MEAN);

  private final String label;
  private final Parameter systolic;
  private final Parameter diastolic;
  private final Parameter mean;
  private final Set<Parameter> parameters;

  BloodPressure(String label, Parameter systolic, Parameter diastolic, Parameter mean) {
    this.label = label;
    this.systolic = systolic;
    this.diastolic = diastolic;
    this.mean = mean;
    this.parameters = Collections.unmodifiableSet(EnumSet.of(systolic, diastolic, mean));
  }

  /** The pressure's name in messages people read. */
  public String label() {
    return label;
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
   * The arterial line's parameter of the same part as {@code parameter}, a cuff's ({@code ART_SYSTOLIC} for
   * {@code BP_SYSTOLIC}): the rules file's defaults judge it with the cuff's limits where they give it none, and its
   * cautions name it ({@code ThresholdRules}); null for any other parameter.
   */
  public static Parameter lineCounterpart(Parameter parameter) {
    return parameter == NON_INVASIVE.systolic ? ARTERIAL.systolic : parameter == NON_INVASIVE.diastolic
        ? ARTERIAL.diastolic : parameter == NON_INVASIVE.mean ? ARTERIAL.mean : null;
  }

  /** True for a pressure's mean, which a device may or may not send with its systolic and diastolic. */
  public static boolean isMean(Parameter parameter) {
    return parameter == NON_INVASIVE.mean || parameter == ARTERIAL.mean;
  }

  /**
   * The mean of the pressure whose systolic is {@code parameter}, or null for any other: a pressure measured again
   * with no mean sent has its mean back on as well ({@code BP=OFF} names the mean, which a device may stop sending).
   */
  public static Parameter meanMeasuredWith(Parameter parameter) {
    return parameter == NON_INVASIVE.systolic ? NON_INVASIVE.mean : parameter == ARTERIAL.systolic ? ARTERIAL.mean
        : null;
  }

  /** The pressure's three parameters: systolic, diastolic and mean. */
  public Set<Parameter> parameters() {
    return parameters;
  }
}
