package org.wardwatch.clinical.news2;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.OxygenSupport;

/**
 * Computes the National Early Warning Score 2 of one patient from their latest observations.
 *
 * <p>Each vital value is first rounded to its parameter's charted precision ({@link Parameter#chartedDecimals()}: whole
 * numbers, temperature to 0.1 °C) with {@link RoundingMode#HALF_UP}, then looked up in the chart as a decimal, so there
 * are no floating-point edges: 35.04 °C is charted 35.0 and scores 3, 35.05 °C is charted 35.1 and scores 1, a pulse of
 * 90.5 is charted 91 and scores 1.
 *
 * <p>A value older than its freshness at the time of scoring counts as missing: a value exactly that old is still
 * fresh, one nanosecond older is stale (see {@link Timed#isFreshAt}). A monitor's values have one freshness, what a
 * nurse charts (consciousness, air or oxygen) another, as a nurse charts them every few hours, when the patient is
 * observed, and a monitor sends them every few seconds or minutes. Missing components are reported,
 * never assumed normal; the total is then the sum of the present components, a lower bound, and the score is flagged
 * partial. On SpO2 scale 2 the SpO2 row depends on air or oxygen: when that is missing, a value of 93% or more, which
 * scores 0 on air but 1–3 on oxygen, is reported missing with it; one of 92% or less, which the two rows score
 * alike, is scored.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>Clinical source: Royal College of Physicians, <i>National Early Warning Score (NEWS) 2: Standardising the
 * assessment of acute-illness severity in the NHS</i>, updated report of a working party, London: RCP, 2017, chart 1
 * (the NEWS2 scoring system) and chart 2 (thresholds and triggers).
 */
public final class News2Calculator {

  private static final ScoreTable RESP_RATE =
      ScoreTable.upTo("8", 3).upTo("11", 1).upTo("20", 0).upTo("24", 2).above(3);
  private static final ScoreTable SPO2_SCALE_1 =
      ScoreTable.upTo("91", 3).upTo("93", 2).upTo("95", 1).above(0);
  private static final ScoreTable SPO2_SCALE_2_ON_AIR =
      ScoreTable.upTo("83", 3).upTo("85", 2).upTo("87", 1).above(0);
  private static final ScoreTable SPO2_SCALE_2_ON_OXYGEN =
      ScoreTable.upTo("83", 3).upTo("85", 2).upTo("87", 1).upTo("92", 0).upTo("94", 1).upTo("96", 2).above(3);
  /** Where the two scale 2 rows agree; above, where they part, the value cannot be scored. */
  private static final ScoreTable SPO2_SCALE_2_OXYGEN_UNKNOWN =
      ScoreTable.upTo("83", 3).upTo("85", 2).upTo("87", 1).upTo("92", 0).above(News2Score.MISSING_POINTS);
  private static final ScoreTable BP_SYSTOLIC =
      ScoreTable.upTo("90", 3).upTo("100", 2).upTo("110", 1).upTo("219", 0).above(3);
  private static final ScoreTable PULSE =
      ScoreTable.upTo("40", 3).upTo("50", 1).upTo("90", 0).upTo("110", 1).upTo("130", 2).above(3);
  private static final ScoreTable TEMPERATURE =
      ScoreTable.upTo("35.0", 3).upTo("36.0", 1).upTo("38.0", 0).upTo("39.0", 1).above(2);

  private static final News2Component[] COMPONENTS = News2Component.values();
  /** The points of a component that cannot be scored (no points are negative). */
  private static final int MISSING = News2Score.MISSING_POINTS;
  private static final int SUPPLEMENTAL_OXYGEN_POINTS = 2;
  private static final int NOT_ALERT_POINTS = 3;

  private final Duration measuredFreshness;
  private final Duration chartedFreshness;

  /**
   * @param measured  the oldest a vital sign may be and still count
   * @param charted   the oldest a charted level of consciousness, or air or oxygen, may be and still count
   * @throws IllegalArgumentException when either is zero or negative
   */
  public News2Calculator(Duration measured, Duration charted) {
    this.measuredFreshness = positive(measured);
    this.chartedFreshness = positive(charted);
  }

  private static Duration positive(Duration freshness) {
    Objects.requireNonNull(freshness, "freshness");
    if (freshness.isNegative() || freshness.isZero()) {
      throw new IllegalArgumentException("NEWS2 freshness must be positive, got " + freshness);
    }
    return freshness;
  }

  /**
   * Reads {@code inputs} as they stand at {@code now}: their score, the one shared score of its points
   * ({@link News2Scores}), so a patient's usual frame gets back the score it had; whether a part is stale; and until
   * when the score holds. Each part is read and its freshness decided once, as the clinical engine reads them on every
   * frame.
   */
  public News2Reading read(News2Inputs inputs, Instant now) {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(now, "now");
    FreshParts parts = new FreshParts(now);
    OxygenSupport oxygen = parts.charted(inputs.oxygen());
    Consciousness consciousness = parts.charted(inputs.consciousness());
    int[] points = new int[COMPONENTS.length];
    for (News2Component component : COMPONENTS) {
      points[component.ordinal()] = switch (component) {
        case RESP_RATE -> vital(parts, inputs, Parameter.RESP_RATE, RESP_RATE);
        case SPO2 -> vital(parts, inputs, Parameter.SPO2, spo2Table(inputs.spo2Scale2(), oxygen));
        case AIR_OR_OXYGEN -> oxygen == null ? MISSING : oxygen.onOxygen() ? SUPPLEMENTAL_OXYGEN_POINTS : 0;
        case BP_SYSTOLIC -> score(parts, inputs.systolic(), Parameter.BP_SYSTOLIC, BP_SYSTOLIC);
        case PULSE -> vital(parts, inputs, Parameter.PULSE, PULSE);
        case CONSCIOUSNESS -> consciousness == null ? MISSING : consciousness.isAlert() ? 0 : NOT_ALERT_POINTS;
        case TEMPERATURE -> vital(parts, inputs, Parameter.TEMPERATURE, TEMPERATURE);
      };
    }
    return new News2Reading(News2Scores.of(points, inputs.spo2Scale2()), parts.stale, parts.holdsUntil());
  }

  /** The parts of one reading: which are fresh, whether one is stale, and the oldest fresh one's time of each kind. */
  private final class FreshParts {

    private final Instant now;
    private boolean stale;
    /** The first fresh vital sign to go stale; the freshness is added once, to it alone. */
    private Instant oldestMeasured;
    private Instant oldestCharted;

    FreshParts(Instant now) {
      this.now = now;
    }

    /** The vital sign {@code part}'s value when fresh at {@code now}, else {@code null} (never given, or stale). */
    <T> T measured(Timed<T> part) {
      T value = fresh(part, measuredFreshness);
      oldestMeasured = value == null ? oldestMeasured : earlier(oldestMeasured, part.time());
      return value;
    }

    /** {@link #measured}, for a part a nurse charts. */
    <T> T charted(Timed<T> part) {
      T value = fresh(part, chartedFreshness);
      oldestCharted = value == null ? oldestCharted : earlier(oldestCharted, part.time());
      return value;
    }

    private <T> T fresh(Timed<T> part, Duration freshness) {
      if (part == null) {
        return null;
      }
      if (!part.isFreshAt(now, freshness)) {
        stale = true;
        return null;
      }
      return part.value();
    }

    /** When the first fresh part goes stale, or {@link Instant#MAX} when none is fresh. */
    Instant holdsUntil() {
      return earlier(oldestMeasured == null ? Instant.MAX : oldestMeasured.plus(measuredFreshness),
          oldestCharted == null ? Instant.MAX : oldestCharted.plus(chartedFreshness));
    }
  }

  /** The earlier of {@code held} (null: none yet) and {@code time}. */
  private static Instant earlier(Instant held, Instant time) {
    return held == null || time.isBefore(held) ? time : held;
  }

  /**
   * Scale 1 ignores oxygen (it scores on its own row); scale 2 uses its upper half only on oxygen, and cannot score it
   * when air or oxygen is not known.
   */
  private static ScoreTable spo2Table(boolean scale2, OxygenSupport oxygen) {
    if (!scale2) {
      return SPO2_SCALE_1;
    }
    if (oxygen == null) {
      return SPO2_SCALE_2_OXYGEN_UNKNOWN;
    }
    return oxygen.onOxygen() ? SPO2_SCALE_2_ON_OXYGEN : SPO2_SCALE_2_ON_AIR;
  }

  /** The points of {@code parameter}'s fresh value, or {@link #MISSING}. */
  private static int vital(FreshParts parts, News2Inputs inputs, Parameter parameter, ScoreTable table) {
    return score(parts, inputs.vital(parameter), parameter, table);
  }

  /** The points of {@code part}, a value of {@code parameter} when fresh, or {@link #MISSING}. */
  private static int score(FreshParts parts, Timed<BigDecimal> part, Parameter parameter, ScoreTable table) {
    BigDecimal value = parts.measured(part);
    if (value == null) {
      return MISSING;
    }
    return table.score(value.setScale(parameter.chartedDecimals(), RoundingMode.HALF_UP));
  }
}
