package org.wardwatch.clinical.news2;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The one {@link News2Score} for each combination of component points and SpO2 scale, made the first time it is needed
 * and shared after. Scoring a patient's frame then finds a score that exists already: no score is built or checked for
 * it, and the long-lived record that holds the score is not made to point to a new object. The table has a slot for
 * each of the 5<sup>7</sup> × 2 combinations (each of the seven components 0–3 or missing; two scales): 156,250
 * references, about 610 KB with compressed references. Only 56,250 of them can be filled (air or oxygen scores only
 * 0 or 2, consciousness 0 or 3), at about 160 bytes a score.
 *
 * <p>Thread-safe: a score is immutable, and when two threads make the same one at once, the first stored is the one
 * both get.
 */
final class News2Scores {

  private static final News2Component[] CHART_ORDER = News2Component.values();
  /** The values a component's entry takes: missing, or 0 to the most points. */
  private static final int OPTIONS = News2Score.MAX_COMPONENT_POINTS + 2;
  private static final AtomicReferenceArray<News2Score> SCORES =
      new AtomicReferenceArray<>(2 * (int) Math.pow(OPTIONS, CHART_ORDER.length));

  private News2Scores() {
  }

  /**
   * The score of {@code points}, one per component by ordinal ({@link News2Score#MISSING_POINTS} for a component that
   * could not be scored), on SpO2 scale 2 when {@code spo2Scale2}.
   *
   * @throws IllegalArgumentException when a component's points are out of range
   */
  static News2Score of(int[] points, boolean spo2Scale2) {
    int index = spo2Scale2 ? 1 : 0;
    for (News2Component component : CHART_ORDER) {
      int entry = points[component.ordinal()] - News2Score.MISSING_POINTS;
      if (entry < 0 || entry >= OPTIONS) {
        throw new IllegalArgumentException(component + " scores 0–" + News2Score.MAX_COMPONENT_POINTS + ", got "
            + points[component.ordinal()]);
      }
      index = index * OPTIONS + entry;
    }
    News2Score score = SCORES.get(index);
    if (score == null) {
      SCORES.compareAndSet(index, null, build(points, spo2Scale2));
      score = SCORES.get(index);
    }
    return score;
  }

  private static News2Score build(int[] points, boolean spo2Scale2) {
    Map<News2Component, Integer> components = new EnumMap<>(News2Component.class);
    for (News2Component component : CHART_ORDER) {
      if (points[component.ordinal()] != News2Score.MISSING_POINTS) {
        components.put(component, points[component.ordinal()]);
      }
    }
    return News2Score.of(components, spo2Scale2);
  }
}
