package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.wardwatch.bus.ReportsApplied;

/**
 * A batch's frames are published once per patient at the end of the engine's turn, with every transition and the
 * latest snapshot, and its sender is answered once all of them are; a resend publishes its patient's earlier frames
 * first, and an update made after the turn (a patient taken over later) is published at once.
 */
class BatchUpdatesTest {

  private static final ClinicalRules RULES = ClinicalRules.fromJson(new JsonObject(HandOver.THRESHOLD_RULES));

  private final WardState engine = new WardState(RULES);
  private final List<WardUpdate> published = new ArrayList<>();
  private final AtomicReference<ReportsApplied> answer = new AtomicReference<>();
  private final BatchReceipt receipt = new BatchReceipt(4, answer::set, error -> { });
  private final BatchUpdates updates = new BatchUpdates(update -> {
    published.add(update);
    return Future.succeededFuture();
  }, receipt);

  @Test
  void givenSeveralFramesOfAPatient_thenItIsPublishedOnceWithEveryTransitionAndItsLatestSnapshot() {
    updates.add(HandOver.PATIENT, HandOver.frame(HandOver.at(0), "PULSE=80").apply(engine));
    updates.add(HandOver.PATIENT, HandOver.frame(HandOver.at(1), "PULSE=170").apply(engine)); // raised
    updates.add(HandOver.PATIENT, HandOver.frame(HandOver.at(2), "PULSE=90").apply(engine)); // its condition ended
    updates.add(HandOver.PATIENT, HandOver.frame(HandOver.at(3), "PULSE=91").apply(engine));
    assertEquals(List.of(), published, "nothing before the end of the turn");
    assertNull(answer.get());

    updates.publishAll();

    WardUpdate only = published.get(0);
    assertEquals(1, published.size());
    assertEquals(List.of("RAISED", "CONDITION_ENDED"), only.transitions().stream().map(t -> t.type().name()).toList());
    assertEquals(only.transitions().size(), only.audit().size());
    assertEquals(engine.snapshot(HandOver.PATIENT).orElseThrow().toJson(), only.snapshots().get(0).toJson());
    assertEquals(ReportsApplied.ALL_NEW, answer.get(), "all four frames counted");
  }

  @Test
  void givenAResend_thenThePatientsEarlierFramesArePublishedBeforeItIsCounted() {
    updates.add(HandOver.PATIENT, HandOver.frame(HandOver.at(0), "PULSE=170").apply(engine));
    List<Integer> publishedWhenStored = new ArrayList<>();

    updates.resent(HandOver.PATIENT, "mon-1/7", () -> {
      publishedWhenStored.add(published.size());
      return Future.succeededFuture();
    });

    assertEquals(List.of(1), publishedWhenStored);
  }

  @Test
  void givenAnUpdateAfterTheTurn_thenItIsPublishedAtOnce() {
    updates.publishAll();

    updates.add(HandOver.PATIENT, HandOver.frame(HandOver.at(0), "PULSE=170").apply(engine));

    assertEquals(1, published.size());
  }
}
