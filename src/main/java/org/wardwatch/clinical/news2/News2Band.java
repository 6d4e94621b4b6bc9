package org.wardwatch.clinical.news2;

/**
 * The clinical risk band of a NEWS2 total, which sets the urgency of the clinical response.
 *
 * <ul>
 *   <li>{@link #LOW}: total 0–4 with no single parameter scoring 3 (ward-based response);</li>
 *   <li>{@link #LOW_MEDIUM}: total 0–4 with any single parameter scoring 3 (urgent ward-based response);</li>
 *   <li>{@link #MEDIUM}: total 5–6, a key threshold for urgent response;</li>
 *   <li>{@link #HIGH}: total 7 or more (urgent or emergency response).</li>
 * </ul>
 *
 * <p>A single 3 only matters below 5: at 5 or more the total decides. Immutable and thread-safe.
 *
 * <p>Clinical source: Royal College of Physicians, <i>National Early Warning Score (NEWS) 2</i>, London: RCP, 2017,
 * chart 2 (NEWS thresholds and triggers) and chart 4 (clinical response).
 */
public enum News2Band {
  /** Total 0–4 and no single 3. */
  LOW("low"),
  /** Total 0–4 with a single parameter scoring 3. */
  LOW_MEDIUM("low-medium"),
  /** Total 5–6. */
  MEDIUM("medium"),
  /** Total 7 or more. */
  HIGH("high");

  /** Lowest total in the medium band. */
  public static final int MEDIUM_FROM = 5;
  /** Lowest total in the high band. */
  public static final int HIGH_FROM = 7;

  private final String wireName;

  News2Band(String wireName) {
    this.wireName = wireName;
  }

  /** The band's name in JSON: {@code low}, {@code low-medium}, {@code medium}, {@code high}. */
  public String wireName() {
    return wireName;
  }

  /**
   * The band of a {@link #wireName()}.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static News2Band fromWireName(String name) {
    for (News2Band band : values()) {
      if (band.wireName.equals(name)) {
        return band;
      }
    }
    throw new IllegalArgumentException("A NEWS2 band is low, low-medium, medium or high, got " + name);
  }

  /**
   * The band for a total.
   *
   * @param total           the aggregate score, 0–20
   * @param anySingleThree  whether any one parameter scored 3
   * @throws IllegalArgumentException when the total is outside 0–20
   */
  public static News2Band of(int total, boolean anySingleThree) {
    if (total < 0 || total > News2Score.MAX_TOTAL) {
      throw new IllegalArgumentException("A NEWS2 total is 0–" + News2Score.MAX_TOTAL + ", got " + total);
    }
    if (total >= HIGH_FROM) {
      return HIGH;
    }
    if (total >= MEDIUM_FROM) {
      return MEDIUM;
    }
    return anySingleThree ? LOW_MEDIUM : LOW;
  }
}
