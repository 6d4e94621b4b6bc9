package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Taking a patient over from the store, on the engine's context: work waits for it, and never forever. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
class PatientTakeoverTest {

  @Test
  void givenStoredStateTheEngineRefuses_thenThePatientStartsAfreshAndItsWaitingWorkRuns(Vertx vertx)
      throws Exception {
    vertx.sharedData().<String, Buffer>getAsyncMap(PatientStore.MAP)
        .compose(map -> map.put("P1", new JsonObject().put("state", new JsonObject().put("v", 2))
            .put("snapshot", new JsonObject()).toBuffer()))
        .await();
    Context context = vertx.getOrCreateContext();
    WardState engine = new WardState(ClinicalRules.fromJson(new JsonObject().put("thresholds", new JsonArray())));
    PatientTakeover takeover = new PatientTakeover(engine, new PatientStore(vertx));
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
  }
}
