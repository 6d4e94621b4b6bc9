package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReassessmentTest {

  private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

  private final Reassessment reassessment = new Reassessment();

  @Test
  void givenNoReassessmentYet_thenDue() {
    assertTrue(reassessment.dueAt(T0));
  }

  @Test
  void givenReassessed_thenNotDueUntilTheLastUnchangedNanosecondHasPassed() {
    reassessment.done(T0, T0.plusSeconds(60), null);

    assertFalse(reassessment.dueAt(T0));
    assertFalse(reassessment.dueAt(T0.plusSeconds(60)));
    assertTrue(reassessment.dueAt(T0.plusSeconds(60).plusNanos(1)));
    assertTrue(reassessment.dueAt(T0.minusNanos(1)), "the clock went back");
  }

  @Test
  void givenNothingCanChangeWithTime_thenNeverDueUntilForgotten() {
    reassessment.done(T0, Instant.MAX, null);

    assertFalse(reassessment.dueAt(Instant.parse("9999-12-31T23:59:59Z")));
    reassessment.forget();
    assertTrue(reassessment.dueAt(T0));
  }

  @Test
  void givenAnOnsetDueBeforeTheEnd_thenDueAtItsInstantAndAFrameReceivedThenSeesItElapsedFirst() {
    reassessment.done(T0, T0.plusSeconds(60), T0.plusSeconds(10));

    assertFalse(reassessment.dueAt(T0.plusSeconds(10).minusNanos(1)));
    assertTrue(reassessment.dueAt(T0.plusSeconds(10)));
    assertFalse(reassessment.fellDueBefore(T0.plusSeconds(10).minusNanos(1)));
    assertTrue(reassessment.fellDueBefore(T0.plusSeconds(10)));
  }

  @Test
  void givenOnlySilenceOrStalenessAhead_thenDueForTheTickButNothingFallsDueBeforeAFrame() {
    reassessment.done(T0, T0.plusSeconds(30), null);

    assertTrue(reassessment.dueAt(T0.plusSeconds(31)));
    assertFalse(reassessment.fellDueBefore(T0.plusSeconds(31)), "the frame may bring the silent value itself");
  }

  @Test
  void givenNoReassessmentYet_thenNothingFellDueBeforeAFrame() {
    assertFalse(reassessment.fellDueBefore(T0), "a patient just admitted or taken over: its tick decides");
  }
}
