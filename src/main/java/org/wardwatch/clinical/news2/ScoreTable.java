package org.wardwatch.clinical.news2;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the NEWS2 chart as a list of inclusive upper bounds, each with the points scored up to it, and the points
 * scored above the last bound. Written the way the chart reads, lowest values first:
 * {@code ScoreTable.upTo("8", 3).upTo("11", 1).upTo("20", 0).upTo("24", 2).above(3)}.
 *
 * <p>Every value falls into exactly one step, so there are no gaps between a bound and the next charted value; values
 * are compared as decimals, so bounds such as 35.0/35.1 are exact. Immutable and thread-safe once built.
 */
final class ScoreTable {

  private record Step(BigDecimal ceiling, int points) {
  }

  /** The steps' ceilings and points, lowest first: arrays, as every vital of every frame is scored. */
  private final BigDecimal[] ceilings;
  private final int[] points;
  private final int pointsAbove;

  private ScoreTable(List<Step> steps, int pointsAbove) {
    this.ceilings = steps.stream().map(Step::ceiling).toArray(BigDecimal[]::new);
    this.points = steps.stream().mapToInt(Step::points).toArray();
    this.pointsAbove = pointsAbove;
  }

  /** Starts a table whose lowest step scores {@code points} for values up to and including {@code ceiling}. */
  static Builder upTo(String ceiling, int points) {
    return new Builder().upTo(ceiling, points);
  }

  /** The points {@code value} scores: those of the first step whose ceiling it does not exceed. */
  int score(BigDecimal value) {
    for (int i = 0; i < ceilings.length; i++) {
      if (value.compareTo(ceilings[i]) <= 0) {
        return points[i];
      }
    }
    return pointsAbove;
  }

  /** Collects steps in ascending order of ceiling. Not thread-safe; used while initialising constants. */
  static final class Builder {

    private final List<Step> steps = new ArrayList<>();

    private Builder() {
    }

    /** Adds a step scoring {@code points} above the previous ceiling and up to and including {@code ceiling}. */
    Builder upTo(String ceiling, int points) {
      BigDecimal bound = new BigDecimal(ceiling);
      if (!steps.isEmpty() && bound.compareTo(steps.get(steps.size() - 1).ceiling()) <= 0) {
        throw new IllegalArgumentException("Ceilings must increase, got " + ceiling + " after " + steps);
      }
      steps.add(new Step(bound, points));
      return this;
    }

    /** Finishes the table: values above the last ceiling score {@code points}. */
    ScoreTable above(int points) {
      return new ScoreTable(steps, points);
    }
  }
}
