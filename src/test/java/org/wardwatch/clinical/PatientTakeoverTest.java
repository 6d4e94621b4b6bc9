package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Taking a patient over from the store, on the engine's context: work waits for it, and never forever. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
class PatientTakeoverTest {

  /** Every patient asked after is in the store: taken over as before. */
  private static final Function<String, Future<Boolean>> STORED = key -> Future.succeededFuture(true);

  @Test
  void givenStoredStateTheEngineRefuses_thenThePatientStartsAfreshAndItsWaitingWorkRuns(Vertx vertx)
      throws Exception {
    Context context = vertx.getOrCreateContext();
    WardState engine = new WardState(ClinicalRules.fromJson(new JsonObject().put("thresholds", new JsonArray())));
    PatientTakeover takeover = new PatientTakeover(engine, unrecorded -> { },
        patient -> Future.succeededFuture(new PatientStore.Claim(3, Optional.of(new JsonObject().put("v", 2)))),
        STORED, key -> true, vertx, PatientTakeover.GIVE_UP_MS);
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
  void givenWorkThatMakesNoPatient_thenAnUnknownOneIsNotClaimedAndAFrameArrivingMeanwhileStillComesAfter(Vertx vertx)
      throws Exception {
    Context context = vertx.getOrCreateContext();
    WardState engine = new WardState(ClinicalRules.fromJson(new JsonObject().put("thresholds", new JsonArray())));
    AtomicInteger claims = new AtomicInteger();
    Promise<Boolean> answer = Promise.promise();
    PatientTakeover takeover = new PatientTakeover(engine, unrecorded -> { }, key -> {
      claims.incrementAndGet();
      return Future.succeededFuture(new PatientStore.Claim(1, Optional.empty()));
    }, key -> key.equals("P9") ? answer.future() : Future.succeededFuture(false), key -> true, vertx,
        PatientTakeover.GIVE_UP_MS);
    List<String> done = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> both = new CompletableFuture<>();

    context.runOnContext(go -> {
      takeover.withExisting("made-up", () -> done.add("query of a made-up key"));
      takeover.withExisting("P9", () -> done.add("device event"));
      takeover.withPatient("P9", () -> {
        done.add("frame");
        both.complete(null);
      });
      answer.complete(false); // the store had no P9 when asked: its first frame is on its way
    });

    both.get(5, TimeUnit.SECONDS);
    assertEquals(List.of("query of a made-up key", "device event", "frame"), done, "each key's work in order");
    assertEquals(1, claims.get(), "claimed for the frame only");
    assertTrue(takeover.has("P9"));
    assertFalse(takeover.has("made-up"), "no trace of the made-up key");
  }

  @Test
  void givenWorkThatMayOnlyTakeOverAStoredPatient_thenOneNotStoredOrNotKnownToBeIsRefusedAndNothingClaimed(
      Vertx vertx) throws Exception {
    WardState engine = new WardState(ClinicalRules.fromJson(new JsonObject().put("thresholds", new JsonArray())));
    List<String> claimed = new CopyOnWriteArrayList<>();
    PatientTakeover takeover = new PatientTakeover(engine, unrecorded -> { }, key -> {
      claimed.add(key);
      return Future.succeededFuture(new PatientStore.Claim(1, Optional.empty()));
    }, key -> switch (key) {
      case "stored" -> Future.succeededFuture(true);
      case "new", "discharged" -> Future.succeededFuture(false);
      default -> Future.failedFuture(new VertxException("operation timed out: partitions migrating"));
    }, key -> true, vertx, PatientTakeover.GIVE_UP_MS);
    List<String> done = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> all = new CompletableFuture<>();

    vertx.getOrCreateContext().runOnContext(go -> {
      takeover.withPatient("discharged", () -> done.add("discharged claimed")); // taken, no patient made in the engine
      takeover.withStored("discharged", () -> done.add("discharged applied"), () -> done.add("discharged refused"));
      takeover.withStored("new", () -> done.add("new applied"), () -> done.add("new refused"));
      takeover.withStored("unknown", () -> done.add("unknown applied"), () -> done.add("unknown refused"));
      takeover.withStored("stored", () -> {
        done.add("stored applied");
        all.complete(null);
      }, () -> done.add("stored refused"));
    });

    all.get(5, TimeUnit.SECONDS);
    assertEquals(Set.of("discharged claimed", "discharged refused", "new refused", "unknown refused",
        "stored applied"), Set.copyOf(done));
    assertEquals(List.of("discharged", "stored"), claimed, "nothing claimed for a patient not known to be stored");
    assertFalse(takeover.has("new"));
    assertFalse(takeover.has("unknown"));
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
        : Future.succeededFuture(new PatientStore.Claim(7, Optional.of(stored))), STORED, key -> true, vertx,
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
    PatientTakeover takeover = new PatientTakeover(engine, unrecorded -> { }, patient -> read.future(), STORED,
        key -> true, vertx, PatientTakeover.GIVE_UP_MS);
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
