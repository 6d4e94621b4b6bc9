package org.wardwatch.clinical.news2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class News2ScoresTest {

  private static final int M = News2Score.MISSING_POINTS;
  private static final News2Component[] COMPONENTS = News2Component.values();

  @Test
  void givenPoints_whenLookedUp_thenTheScoreOfThemSharedAndMissingComponentsListed() {
    News2Score score = News2Scores.of(new int[] {3, M, 2, 0, 1, M, 2}, true);

    assertSame(score, News2Scores.of(new int[] {3, M, 2, 0, 1, M, 2}, true));
    assertEquals(News2Score.of(Map.of(News2Component.RESP_RATE, 3, News2Component.AIR_OR_OXYGEN, 2,
        News2Component.BP_SYSTOLIC, 0, News2Component.PULSE, 1, News2Component.TEMPERATURE, 2), true), score);
    assertEquals(List.of(News2Component.SPO2, News2Component.CONSCIOUSNESS), score.missing());
    assertTrue(score.partial());
    assertEquals(8, score.total());
  }

  @Test
  void givenTheOtherScaleOrOtherPoints_whenLookedUp_thenAnotherScore() {
    News2Score scale1 = News2Scores.of(new int[] {0, 0, 0, 0, 0, 0, 0}, false);

    assertNotEquals(scale1, News2Scores.of(new int[] {0, 0, 0, 0, 0, 0, 0}, true));
    assertNotEquals(scale1, News2Scores.of(new int[] {0, 0, 0, 0, 0, 0, M}, false));
    assertEquals(News2Band.LOW, scale1.band());
  }

  @Test
  void givenEveryCombinationThatCanOccur_whenLookedUp_thenItsOwnScoreMadeOfExactlyThosePoints() {
    Set<News2Score> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    int[] points = new int[COMPONENTS.length];
    int combinations = 2;
    for (News2Component component : COMPONENTS) {
      combinations *= options(component).length;
    }
    for (int combination = 0; combination < combinations; combination++) {
      int rest = combination;
      for (News2Component component : COMPONENTS) {
        int[] options = options(component);
        points[component.ordinal()] = options[rest % options.length];
        rest /= options.length;
      }
      boolean scale2 = rest == 1;
      News2Score score = News2Scores.of(points, scale2);

      assertTrue(seen.add(score), "a score of its own");
      assertEquals(scale2, score.spo2Scale2());
      for (News2Component component : COMPONENTS) {
        int expected = points[component.ordinal()];
        assertEquals(expected == M ? null : expected, score.components().get(component), component.name());
        assertEquals(expected == M, score.missing().contains(component), component.name());
      }
    }
    assertEquals(56_250, seen.size());
  }

  /** The points a component can score, or missing. */
  private static int[] options(News2Component component) {
    return switch (component) {
      case AIR_OR_OXYGEN -> new int[] {M, 0, 2};
      case CONSCIOUSNESS -> new int[] {M, 0, 3};
      default -> new int[] {M, 0, 1, 2, 3};
    };
  }

  @Test
  void givenPointsOutOfRange_whenLookedUp_thenRefusedNamingTheComponent() {
    IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
        () -> News2Scores.of(new int[] {0, 0, 0, 4, 0, 0, 0}, false));
    assertEquals("BP_SYSTOLIC scores 0–3, got 4", tooMany.getMessage());
    assertThrows(IllegalArgumentException.class, () -> News2Scores.of(new int[] {0, 0, 0, 0, 0, 0, -2}, false));
  }
}
