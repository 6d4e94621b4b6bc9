package org.wardwatch.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The two blood pressures a monitor measures, each a systolic and a diastolic {@link Parameter} sent as a pair: the
 * cuff's (non-invasive) and the arterial line's (invasive). They are charted apart, as a bedside monitor shows them:
 * a cuff reads every few minutes and an arterial line beat by beat, and the two differ by several mmHg in the same
 * patient.
 *
 * <p>Both sources of a pair are checked alike: a diastolic value must be below its systolic one.
 */
public enum BloodPressure {
  /** The cuff's, MDC_PRESS_BLD_NONINV; {@code BP=120/80} in a line frame. */
  NON_INVASIVE("Blood pressure", "BP", Parameter.BP_SYSTOLIC, Parameter.BP_DIASTOLIC),
  /** The arterial line's, MDC_PRESS_BLD_ART; {@code ABP=120/80} in a line frame. */
  ARTERIAL("Arterial blood pressure", "ABP", Parameter.ART_SYSTOLIC, Parameter.ART_DIASTOLIC);

  private final String label;
  private final String frameKey;
  private final Parameter systolic;
  private final Parameter diastolic;
  private final Set<Parameter> both;

  BloodPressure(String label, String frameKey, Parameter systolic, Parameter diastolic) {
    this.label = label;
    this.frameKey = frameKey;
    this.systolic = systolic;
    this.diastolic = diastolic;
    this.both = Collections.unmodifiableSet(EnumSet.of(systolic, diastolic));
  }

  /** The pair's name in messages people read. */
  public String label() {
    return label;
  }

  /** The line frame's key for the pair, as messages to a device name it ({@code BP}, {@code ABP}). */
  public String frameKey() {
    return frameKey;
  }

  public Parameter systolic() {
    return systolic;
  }

  public Parameter diastolic() {
    return diastolic;
  }

  /** The pair's two parameters. */
  public Set<Parameter> both() {
    return both;
  }
}
