package org.wardwatch.clinical.news2;

/**
 * The seven scored rows of the NEWS2 chart, in the chart's order (which is also the order of {@code missing} lists and
 * of the {@code components} object in JSON).
 *
 * <p>The enum name is the component's identifier on the wire; {@link #label()} is what clinicians read. Immutable and
 * thread-safe.
 *
 * <p>Clinical source: Royal College of Physicians, <i>National Early Warning Score (NEWS) 2</i>, London: RCP, 2017,
 * chart 1 (the NEWS2 scoring system).
 */
public enum News2Component {
  /** Respiration rate per minute, scored 0–3. */
  RESP_RATE("Respiration rate"),
  /** Peripheral oxygen saturation on scale 1 or scale 2, scored 0–3. */
  SPO2("SpO2"),
  /** Air or supplemental oxygen, scored 0 or 2. */
  AIR_OR_OXYGEN("Air or oxygen"),
  /** Systolic blood pressure, scored 0–3. */
  BP_SYSTOLIC("Systolic BP"),
  /** Pulse per minute, scored 0–3. */
  PULSE("Pulse"),
  /** Level of consciousness (ACVPU), scored 0 or 3. */
  CONSCIOUSNESS("Consciousness"),
  /** Temperature, scored 0–3. */
  TEMPERATURE("Temperature");

  private final String label;

  News2Component(String label) {
    this.label = label;
  }

  /** The row's name as clinicians write it on the chart. */
  public String label() {
    return label;
  }
}
