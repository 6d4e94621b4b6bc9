package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Taking a patient over from the store, on the engine's context: work waits for it, and never forever. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
class PatientTakeoverTest {

  @Test
  void givenStoredStateTheEngineRefuses_thenThePatientStartsAfreshAndItsWaitingWorkRuns(Vertx vertx)
      throws Exception {
    Context context = vertx.getOrCreateContext();
    WardState engine = new WardState(ClinicalRules.fromJson(new JsonObject().put("thresholds", new JsonArray())));
    PatientTakeover takeover = new PatientTakeover(engine, unrecorded -> { },
        patient -> Future.succeededFuture(new PatientStore.Claim(3, Optional.of(new JsonObject().put("v", 2)))),
        key -> true, vertx, PatientTakeover.GIVE_UP_MS);
    List<String> done = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> both = new CompletableFuture<>();

    context.runOnContext(go -> {
      takeover.withPatient("P1", () -> done.add("first"));
      takeover.withPatient("P1", () -> {
        done.add("second");
        both.complete(null);
      });
    });

    both.get(5, TimeUnit.SECONDS);
    assertEquals(List.of("first", "second"), done, "in order, once the refused state was set aside");
    assertTrue(takeover.has("P1"));
    assertEquals(3, takeover.epochOf("P1"), "saved with its claim's epoch all the same");
  }

  @Test
  void givenAStoreNotReadableForAWhile_thenTheWorkWaitsForTheStoredStateInsteadOfStartingAfresh(Vertx vertx)
      throws Exception {
    WardState previousOwner = new WardState(ClinicalRules.fromJson(new JsonObject(HandOver.THRESHOLD_RULES)));
    HandOver.frame(HandOver.at(0), "PULSE=170").apply(previousOwner);
    JsonObject stored = previousOwner.state(HandOver.PATIENT).orElseThrow();
    AtomicInteger reads = new AtomicInteger();
    WardState engine = new WardState(ClinicalRules.fromJson(new JsonObject(HandOver.THRESHOLD_RULES)));
    PatientTakeover takeover = new PatientTakeover(engine, unrecorded -> { }, patient -> reads.incrementAndGet() <= 2
        ? Future.failedFuture(new VertxException("operation timed out: partitions migrating"))
        : Future.succeededFuture(new PatientStore.Claim(7, Optional.of(stored))), key -> true, vertx,
        PatientTakeover.GIVE_UP_MS);
    CompletableFuture<JsonObject> seen = new CompletableFuture<>();

    vertx.getOrCreateContext().runOnContext(go -> takeover.withPatient(HandOver.PATIENT,
        () -> seen.complete(engine.view().snapshot(HandOver.PATIENT).orElseThrow().toJson())));

    JsonObject snapshot = seen.get(5, TimeUnit.SECONDS);
    assertEquals(3, reads.get(), "claimed again until the store answered");
    assertEquals(7, takeover.epochOf(HandOver.PATIENT));
    assertEquals(1, snapshot.getJsonArray("alarms").size(), "the previous owner's alarm carried on: " + snapshot);
  }

  @Test
  void givenTheEngineStopping_thenWorkWaitingForATakeoverIsDroppedNotRunAfterTheFinalWrites(Vertx vertx)
      throws Exception {
    WardState engine = new WardState(ClinicalRules.fromJson(new JsonObject().put("thresholds", new JsonArray())));
    Promise<PatientStore.Claim> read = Promise.promise();
    PatientTakeover takeover = new PatientTakeover(engine, unrecorded -> { }, patient -> read.future(), key -> true,
        vertx, PatientTakeover.GIVE_UP_MS);
    List<String> done = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> settled = new CompletableFuture<>();

    vertx.getOrCreateContext().runOnContext(go -> {
      takeover.withPatient("P1", () -> done.add("waiting"));
      takeover.stop();
      takeover.withPatient("P2", () -> done.add("after stopping"));
      read.complete(new PatientStore.Claim(1, Optional.empty()));
      settled.complete(null);
    });

    settled.get(5, TimeUnit.SECONDS);
    assertEquals(List.of(), done);
  }
}
