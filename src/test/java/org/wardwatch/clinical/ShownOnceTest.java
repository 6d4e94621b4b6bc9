package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which patients of a batch are shown once, at the end of the turn that received it, and when that is done. */
class ShownOnceTest {

  private final List<String> shown = new ArrayList<>();

  @Test
  void givenABatchOfOne_thenItsFrameIsShownWithItAndTheEndShowsNothing() {
    ShownOnce once = new ShownOnce(1);

    assertFalse(once.defers("P1"), "a device's usual batch: shown at once");
    Future<Void> end = once.end(this::show);

    assertTrue(end.succeeded());
    assertEquals(List.of(), shown);
  }

  @Test
  void givenABatchOfSeveral_thenEachPatientIsShownOnceAtTheEndInOrderAndALaterFrameAtOnce() {
    ShownOnce once = new ShownOnce(3);

    assertTrue(once.defers("P2"));
    assertTrue(once.defers("P1"));
    assertTrue(once.defers("P2"));
    once.end(this::show);

    assertEquals(List.of("P2", "P1"), shown);
    assertFalse(once.defers("P3"), "applied after the turn (its patient was being taken over): shown at once");
  }

  @Test
  void givenAPatientWaitingForItsStoreWrite_thenTheEndCompletesOnlyOnceEveryPatientIsShown() {
    ShownOnce once = new ShownOnce(2);
    once.defers("P1");
    once.defers("P2");
    Promise<Void> waiting = Promise.promise();

    Future<Void> end = once.end(patient -> patient.equals("P1") ? waiting.future() : show(patient));

    assertFalse(end.isComplete(), "the sender is answered once the batch's snapshots are published");
    waiting.complete();
    assertTrue(end.succeeded());
  }

  private Future<Void> show(String patient) {
    shown.add(patient);
    return Future.succeededFuture();
  }
}
