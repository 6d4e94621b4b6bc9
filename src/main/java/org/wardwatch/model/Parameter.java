package org.wardwatch.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The vital-sign parameters WardWatch understands, each with its IEEE 11073-10101 (MDC) code, UCUM unit, charted
 * precision and the plausibility ranges of the clinical reference.
 *
 * <p>A value outside the hard range is physically impossible or a sensor fault: it is rejected and never passed on. A
 * value outside the soft range is kept but marked questionable. The enum name is the parameter's identifier on the
 * wire (JSON) and in rule files.
 */
public enum Parameter {
  /** Heart or pulse rate; MDC_PULS_RATE (generic) when the source does not say which sensor measured it. */
  PULSE("Pulse", 149514, "/min", "/min", 0, range(15, 300), range(20, 250)),
  /** Peripheral oxygen saturation, MDC_PULS_OXIM_SAT_O2. */
  SPO2("SpO2", 150456, "%", "%", 0, range(0, 100), range(50, 100)),
  /** Respiration rate, MDC_RESP_RATE; 0 is apnoea and must alarm, so it is plausible. */
  RESP_RATE("Respiration rate", 151562, "/min", "/min", 0, range(0, 200), range(0, 60)),
  /** Non-invasive systolic blood pressure, MDC_PRESS_BLD_NONINV_SYS. */
  BP_SYSTOLIC("Systolic BP", 150021, "mm[Hg]", "mmHg", 0, range(25, 300), range(50, 250)),
  /** Non-invasive diastolic blood pressure, MDC_PRESS_BLD_NONINV_DIA. */
  BP_DIASTOLIC("Diastolic BP", 150022, "mm[Hg]", "mmHg", 0, range(10, 250), range(20, 150)),
  /**
   * Non-invasive mean blood pressure, MDC_PRESS_BLD_NONINV_MEAN, as the monitor measured or worked it out; accepted
   * across the diastolic's and systolic's hard ranges together.
   */
  BP_MEAN("Mean BP", 150023, "mm[Hg]", "mmHg", 0, range(10, 300), range(30, 200)),
  /**
   * Invasive (arterial line) systolic blood pressure, MDC_PRESS_BLD_ART_SYS: charted apart from the cuff's, as a
   * bedside monitor shows it, with the same plausibility ranges.
   */
  ART_SYSTOLIC("Arterial systolic BP", 150033, "mm[Hg]", "mmHg", 0, range(25, 300), range(50, 250)),
  /** Invasive (arterial line) diastolic blood pressure, MDC_PRESS_BLD_ART_DIA. */
  ART_DIASTOLIC("Arterial diastolic BP", 150034, "mm[Hg]", "mmHg", 0, range(10, 250), range(20, 150)),
  /** Invasive (arterial line) mean blood pressure, MDC_PRESS_BLD_ART_MEAN: the pressure intensive care treats to. */
  ART_MEAN("Arterial mean BP", 150035, "mm[Hg]", "mmHg", 0, range(10, 300), range(30, 200)),
  /** Body temperature, MDC_TEMP_BODY, charted to 0.1 degC. */
  TEMPERATURE("Temperature", 150364, "Cel", "°C", 1, range(0, 50), range(30, 43));

  private final String label;
  private final int mdcCode;
  private final String unit;
  private final String displayUnit;
  private final int chartedDecimals;
  private final ValueRange hard;
  private final ValueRange soft;

  Parameter(String label, int mdcCode, String unit, String displayUnit, int chartedDecimals, ValueRange hard,
      ValueRange soft) {
    this.label = label;
    this.mdcCode = mdcCode;
    this.unit = unit;
    this.displayUnit = displayUnit;
    this.chartedDecimals = chartedDecimals;
    this.hard = hard.withDecimals(chartedDecimals);
    this.soft = soft.withDecimals(chartedDecimals);
  }

  /** Human-readable name for messages and the dashboard. */
  public String label() {
    return label;
  }

  /** The MDC numeric code used when the source gives none. */
  public int mdcCode() {
    return mdcCode;
  }

  /** The UCUM unit every value of this parameter is expressed in. */
  public String unit() {
    return unit;
  }

  /** The unit as clinicians write it, for messages people read ({@code mmHg}, {@code °C}). */
  public String displayUnit() {
    return displayUnit;
  }

  /** Decimal places the value is charted to (clinical rounding is applied before any rule). */
  public int chartedDecimals() {
    return chartedDecimals;
  }

  /** Outside this range a reading is rejected. */
  public ValueRange hardRange() {
    return hard;
  }

  /**
   * {@code measured} as charted, rounded to {@link #chartedDecimals()} (half up), or {@code null} when implausible:
   * outside the hard range once charted, or negative (no vital sign is, and rounding would make a small negative
   * reading 0: a respiration rate of -0.4 charted as apnoea), which includes a reading its sender wrote with a minus
   * sign ({@code signed}) that a zero's {@link BigDecimal} does not keep: -0.0, a small negative reading printed
   * rounded.
   */
  public BigDecimal chartedIfPlausible(BigDecimal measured, boolean signed) {
    BigDecimal charted = measured.setScale(chartedDecimals, RoundingMode.HALF_UP);
    return signed || measured.signum() < 0 || !hard.contains(charted) ? null : charted;
  }

  /** Outside this range (but inside the hard range) a reading is kept and marked questionable. */
  public ValueRange softRange() {
    return soft;
  }

  private static ValueRange range(int low, int high) {
    return new ValueRange(BigDecimal.valueOf(low), BigDecimal.valueOf(high));
  }
}
