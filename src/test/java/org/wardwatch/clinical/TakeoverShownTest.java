package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.BusCodecs;
import org.wardwatch.bus.PatientSnapshot;
import org.wardwatch.cluster.ClusterConsumers;
import org.wardwatch.cluster.Membership;

/**
 * A member that takes a patient over shows it to the ward at once: its previous owner may have stored an alarm and
 * died before publishing it, and the patient's device may send nothing more for a long while (or only the resend of
 * the frame that raised it, recognised as such).
 */
class TakeoverShownTest {

  @TempDir
  Path directory;
  private final StoreCluster cluster = new StoreCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void givenAnAlarmStoredByAnOwnerThatDiedBeforePublishingIt_whenTakenOver_thenTheWardIsShownIt() throws Exception {
    WardState previousOwner = new WardState(ClinicalRules.fromJson(new JsonObject(HandOver.THRESHOLD_RULES)));
    HandOver.frame(Instant.now(), "PULSE=170").apply(previousOwner); // stored, then the owner died: never published
    cluster.storedBy(previousOwner, HandOver.PATIENT);
    BlockingQueue<PatientSnapshot> vitals = new LinkedBlockingQueue<>();
    cluster.vertx.eventBus().<PatientSnapshot>consumer(Addresses.wardVitals(HandOver.MONITOR.wardOrDefault()),
        message -> vitals.add(message.body())).completion().await();
    BusCodecs.register(cluster.vertx);
    Path rules = Files.writeString(directory.resolve("rules.json"), HandOver.THRESHOLD_RULES);

    // its sweep takes over what it owns
    cluster.vertx.deployVerticle(new ClinicalEngineVerticle(rules.toString(),
        ClinicalEngineVerticle.DEFAULT_MAX_PATIENTS, Membership.of(cluster.hazelcast, 1), cluster.store,
        new ClusterConsumers(cluster.vertx))).await();

    PatientSnapshot shown = vitals.poll(5, TimeUnit.SECONDS); // within its sweep (2 s), before any timer changes it
    assertNotNull(shown, "the patient taken over was not shown");
    assertEquals("THRESHOLD:PULSE", shown.toJson().getJsonArray("alarms").getJsonObject(0).getString("condition"));
  }
}
