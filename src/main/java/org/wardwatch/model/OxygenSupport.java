package org.wardwatch.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whether the patient breathes room air or receives supplemental oxygen, and at what flow.
 *
 * <p>In NEWS2 supplemental oxygen scores 2 on its own row ("Air or oxygen"), whichever SpO2 scale applies; on SpO2
 * scale 2 it also decides which half of the SpO2 row is used. Any flow above 0 L/min counts as oxygen; a flow of 0 is
 * air.
 *
 * <p>Invariant: on air the flow is {@code null}; on oxygen it is above 0. Immutable and thread-safe.
 *
 * <p>Clinical source: Royal College of Physicians, <i>National Early Warning Score (NEWS) 2</i>, London: RCP, 2017,
 * chart 1 ("Air or oxygen?").
 *
 * @param onOxygen             true when supplemental oxygen is given
 * @param flowLitresPerMinute  the oxygen flow in L/min, or {@code null} on air
 */
public record OxygenSupport(boolean onOxygen, BigDecimal flowLitresPerMinute) {

  private static final OxygenSupport AIR = new OxygenSupport(false, null);
  private static final Pattern PLAIN_DECIMAL = Pattern.compile("\\d{1,6}(\\.\\d{1,6})?");
  /** The most characters of a refused text quoted back. */
  private static final int QUOTED = 32;

  /**
   * @throws IllegalArgumentException when the flow does not match {@code onOxygen} (a flow on air, or a missing, zero
   *                                  or negative flow on oxygen)
   */
  public OxygenSupport {
    if (onOxygen && (flowLitresPerMinute == null || flowLitresPerMinute.signum() <= 0)) {
      throw new IllegalArgumentException("Oxygen needs a flow above 0 L/min, got " + describe(flowLitresPerMinute));
    }
    if (!onOxygen && flowLitresPerMinute != null) {
      throw new IllegalArgumentException(
          "Room air has no oxygen flow, got " + flowLitresPerMinute.toPlainString() + " L/min");
    }
  }

  /** The highest plausible oxygen flow in L/min (high-flow nasal cannula reaches 60-80). */
  public static final BigDecimal MAX_FLOW = BigDecimal.valueOf(80);

  /** Room air. */
  public static OxygenSupport air() {
    return AIR;
  }

  /**
   * Oxygen at {@code litresPerMinute}; a flow of 0 is room air.
   *
   * @throws IllegalArgumentException when the flow is negative or above {@link #MAX_FLOW} (no real delivery device
   *     gives more: such a number is a typing or unit error)
   */
  public static OxygenSupport flow(BigDecimal litresPerMinute) {
    Objects.requireNonNull(litresPerMinute, "oxygen flow");
    if (litresPerMinute.signum() < 0 || litresPerMinute.compareTo(MAX_FLOW) > 0) {
      throw new IllegalArgumentException("Oxygen flow must be from 0 to " + MAX_FLOW + " L/min, got "
          + litresPerMinute.toPlainString() + " L/min");
    }
    return litresPerMinute.signum() == 0 ? AIR : new OxygenSupport(true, litresPerMinute);
  }

  /**
   * Reads {@code "air"} (case-insensitive) or a flow in L/min written as a plain decimal of up to six digits each side
   * of the point ({@code "0"} is air, {@code "2"} or {@code "0.5"} is oxygen), from 0 to {@link #MAX_FLOW}. Surrounding
   * blanks are ignored. An exponent is refused before it is expanded: {@code 1e999999999} would be a billion digits.
   *
   * @throws IllegalArgumentException for anything else, quoting at most the first 32 characters given
   */
  public static OxygenSupport parse(String text) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.equalsIgnoreCase("air")) {
      return AIR;
    }
    if (!PLAIN_DECIMAL.matcher(trimmed).matches()) {
      throw new IllegalArgumentException(invalid(text));
    }
    return flow(new BigDecimal(trimmed));
  }

  /**
   * The text {@link #parse} reads back as exactly this value: {@code "air"}, or the flow in L/min with its scale
   * ({@code "2.50"}).
   */
  public String toText() {
    return onOxygen ? flowLitresPerMinute.toPlainString() : "air";
  }

  private static String invalid(String text) {
    String given = text == null ? "nothing"
        : "'" + (text.length() > QUOTED ? text.substring(0, QUOTED) + "…" : text) + "'";
    return "Air or oxygen must be \"air\" or an oxygen flow in L/min (a decimal from 0 to " + MAX_FLOW + "), got "
        + given;
  }

  private static String describe(BigDecimal flow) {
    return flow == null ? "no flow" : flow.toPlainString() + " L/min";
  }
}
