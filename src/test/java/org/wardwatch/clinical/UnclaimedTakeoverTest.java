package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A patient taken over while the store could not be reached (so without a claim, afresh): once the store answers, its
 * first save is fenced; the patient, still owned here, is claimed then and what was evaluated here stored, rather than
 * the older stored state readopted (which would forget the alarms raised here), and the update is published as stored.
 */
class UnclaimedTakeoverTest {

  /** Every patient asked after is in the store: taken over as before. */
  private static final Function<String, Future<Boolean>> STORED = key -> Future.succeededFuture(true);

  @RegisterExtension
  static final StoreCluster CLUSTER = new StoreCluster();

  private static final ClinicalRules RULES = ClinicalRules.fromJson(new JsonObject(HandOver.THRESHOLD_RULES));

  @Test
  void givenATakeoverWithoutAClaim_whenItsSaveIsFenced_thenItIsClaimedAndWhatWasEvaluatedHereIsStored()
      throws Exception {
    WardState previousOwner = new WardState(RULES);
    HandOver.frame(HandOver.at(0), "PULSE=170").apply(previousOwner);
    long stored = CLUSTER.await(() -> CLUSTER.store.claim(HandOver.PATIENT)).epoch();
    CLUSTER.await(() -> CLUSTER.store.save(HandOver.PATIENT, stored, previousOwner.state(HandOver.PATIENT)
        .orElseThrow(), previousOwner.view().snapshot(HandOver.PATIENT).orElseThrow()));

    WardState engine = new WardState(RULES);
    AtomicInteger claims = new AtomicInteger();
    PatientTakeover takeover = new PatientTakeover(engine, unrecorded -> { }, key -> claims.getAndIncrement() == 0
        ? Future.failedFuture("store out of reach") : CLUSTER.store.claim(key), STORED, key -> true, CLUSTER.vertx, 0);
    PatientStoreWriter writer = new PatientStoreWriter(engine, CLUSTER.store, true, takeover::epochOf,
        takeover::fenced, new AuditTrail(CLUSTER.vertx)::record);
    CLUSTER.await(() -> {
      Promise<Void> taken = Promise.promise();
      takeover.withPatient(HandOver.PATIENT, taken::complete);
      return taken.future();
    });
    assertEquals(PatientTakeover.UNCLAIMED, takeover.epochOf(HandOver.PATIENT), "afresh, without a claim");

    WardUpdate raised = HandOver.frame(HandOver.at(1), "SPO2=85").apply(engine);

    assertTrue(CLUSTER.await(() -> writer.write(raised)).all(), "claimed again and stored: the update is published");
    List<String> conditions = CLUSTER.await(() -> CLUSTER.store.snapshot(HandOver.PATIENT)).orElseThrow()
        .getJsonArray("alarms").stream().map(alarm -> ((JsonObject) alarm).getString("condition")).toList();
    assertEquals(List.of("THRESHOLD:SPO2"), conditions, "what this member evaluated, stored");
    assertEquals(stored + 1, takeover.epochOf(HandOver.PATIENT));
    assertTrue(takeover.has(HandOver.PATIENT), "still held here");
  }
}
