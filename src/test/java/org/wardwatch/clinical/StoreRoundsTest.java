package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which patients' changes each store round makes due, and how a mark moves with the changes and stores. */
class StoreRoundsTest {

  private final StoreRounds rounds = new StoreRounds(3);

  @Test
  void givenAPatientMarked_thenItIsDueThatManyRoundsLaterAndOnce() {
    rounds.mark("P1");

    assertEquals(List.of(), rounds.endRound());
    assertEquals(List.of(), rounds.endRound());
    assertEquals(List.of("P1"), rounds.endRound());
    assertEquals(List.of(), rounds.endRound(), "its mark was taken away");
  }

  @Test
  void givenAPatientChangingAgain_thenItIsDueByItsFirstUnstoredChange() {
    rounds.mark("P1");
    rounds.endRound();
    rounds.mark("P1");
    rounds.endRound();
    rounds.mark("P1");

    assertEquals(List.of("P1"), rounds.endRound());
  }

  @Test
  void givenPatientsMarkedInTurn_thenEachRoundMakesDueOnlyThoseMarkedLongEnoughAgoOldestFirst() {
    rounds.mark("P2");
    rounds.mark("P1");
    rounds.endRound();
    rounds.mark("P3");
    rounds.endRound();

    assertEquals(List.of("P2", "P1"), rounds.endRound());
    assertEquals(List.of("P3"), rounds.endRound());
  }

  @Test
  void givenAPatientUnmarked_thenItIsNotDueAndAMarkAfterwardsStartsAgain() {
    rounds.mark("P1");
    rounds.mark("P2");
    rounds.endRound();

    assertTrue(rounds.unmark("P1"), "stored before its round");
    assertFalse(rounds.unmark("P1"));
    rounds.mark("P1");
    assertEquals(List.of("P2", "P1"), rounds.marked());
    rounds.endRound();

    assertEquals(List.of("P2"), rounds.endRound());
    assertEquals(List.of("P1"), rounds.endRound());
  }
}
