package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of the work waiting for a patient's takeover runs, and in what order, as the store answers. */
class WaitingWorkTest {

  private final List<String> done = new ArrayList<>();

  @Test
  void givenAPatientNotStored_thenTheWorkFirstInLineRunsWithoutItUpToAFrameThatTakesItOver() {
    WaitingWork waiting = new WaitingWork(query("query"));
    waiting.add(storedOnly("frame not admitted"));
    waiting.add(frame("frame"));
    waiting.add(query("later query"));

    assertTrue(waiting.storeHasNone(), "a frame came meanwhile: the patient is taken over for it");
    assertEquals(List.of("query", "refused: frame not admitted"), done);
    waiting.runAll();
    assertEquals(List.of("query", "refused: frame not admitted", "frame", "later query"), done, "in order");
  }

  @Test
  void givenAPatientNotStoredAndNoFrame_thenEveryWorkRunsAndNothingIsTakenOver() {
    WaitingWork waiting = new WaitingWork(query("device event"));
    waiting.add(storedOnly("frame not admitted"));

    assertFalse(waiting.storeHasNone());
    assertEquals(List.of("device event", "refused: frame not admitted"), done);
  }

  @Test
  void givenAFrameQueuedWhileTheWorkBeforeItRuns_thenThePatientIsTakenOverForIt() {
    WaitingWork waiting = new WaitingWork(query("query"));
    waiting.add(new WaitingWork.Work(() -> done.add("never"), false, () -> {
      done.add("refused, a frame queued meanwhile");
      waiting.add(frame("frame"));
    }));

    assertTrue(waiting.storeHasNone(), "the frame queued meanwhile takes the patient over");
    waiting.runAll();
    assertEquals(List.of("query", "refused, a frame queued meanwhile", "frame"), done);
  }

  @Test
  void givenAStoreThatCannotSay_thenOnlyWorkThatMayTakeOverAStoredPatientIsRefusedWhereverItWaits() {
    WaitingWork waiting = new WaitingWork(query("query"));
    waiting.add(storedOnly("frame not admitted"));
    waiting.add(frame("frame"));

    assertTrue(waiting.storeCannotSay(), "taken over for the rest");
    assertEquals(List.of("refused: frame not admitted"), done);
    waiting.runAll();
    assertEquals(List.of("refused: frame not admitted", "query", "frame"), done);
  }

  @Test
  void givenAStoreThatCannotSayAndOnlyWorkForAStoredPatient_thenNothingIsTakenOver() {
    WaitingWork waiting = new WaitingWork(storedOnly("frame not admitted"));

    assertFalse(waiting.storeCannotSay());
    assertEquals(List.of("refused: frame not admitted"), done);
  }

  private WaitingWork.Work frame(String name) {
    return new WaitingWork.Work(() -> done.add(name), true, null);
  }

  private WaitingWork.Work query(String name) {
    return new WaitingWork.Work(() -> done.add(name), false, null);
  }

  private WaitingWork.Work storedOnly(String name) {
    return new WaitingWork.Work(() -> done.add(name), false, () -> done.add("refused: " + name));
  }
}
