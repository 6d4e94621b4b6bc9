package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.BusCodecs;
import org.wardwatch.bus.ReportBatch;
import org.wardwatch.cluster.ClusterConsumers;
import org.wardwatch.cluster.Membership;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

/**
 * A clinical engine on a real clustered member whose claim on a patient another member has fenced (the partition
 * moved and the new owner took the patient over): the alarm change it makes then is neither published nor answered as
 * safe, and its sender's resend is carried on from the stored state, once.
 */
class FencedOwnerTest {

  private static final DeviceIdentity MONITOR = HandOver.MONITOR;

  @TempDir
  Path directory;
  private StoreCluster cluster;
  private Membership membership;
  private final BlockingQueue<JsonObject> alarms = new LinkedBlockingQueue<>();

  @BeforeEach
  void deploy() throws Exception {
    cluster = new StoreCluster();
    membership = Membership.of(cluster.hazelcast);
    Path rules = Files.writeString(directory.resolve("rules.json"), HandOver.THRESHOLD_RULES);
    cluster.vertx.eventBus().<JsonObject>consumer(Addresses.wardAlarms(MONITOR.wardOrDefault()),
        message -> alarms.add(message.body())).completion().await();
    BusCodecs.register(cluster.vertx);
    cluster.vertx.deployVerticle(new ClinicalEngineVerticle(rules.toString(), membership, cluster.store,
        new ClusterConsumers(cluster.vertx))).await();
  }

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void givenAnotherMembersClaim_thenTheAlarmChangeIsRefusedUnpublishedAndTheResendRaisesItOnce() throws Exception {
    report(Parameter.PULSE, 170);
    assertEquals("THRESHOLD:PULSE", raised().getString("condition"), "raised and stored by this member");

    cluster.await(() -> cluster.store.claim(MONITOR.patientKey())); // another member takes the patient over
    CompletionException refused = assertThrows(CompletionException.class, () -> report(Parameter.SPO2, 85));

    assertEquals(503, assertInstanceOf(ReplyException.class, refused.getCause()).failureCode());
    assertNull(alarms.poll(1, TimeUnit.SECONDS), "a fenced change is not published");

    report(Parameter.SPO2, 85); // sent again: this member owns the patient still, and takes it over afresh
    assertEquals("THRESHOLD:SPO2", raised().getString("condition"));
    assertNull(alarms.poll(1, TimeUnit.SECONDS), "the pulse alarm carried on from the store, not raised again");
  }

  private JsonObject raised() throws InterruptedException {
    JsonObject transition = alarms.poll(5, TimeUnit.SECONDS);
    assertEquals("RAISED", transition.getString("type"), transition::encode);
    return transition.getJsonObject("alarm");
  }

  private void report(Parameter parameter, int value) {
    Observation observation = new Observation(MONITOR, parameter, parameter.mdcCode(), BigDecimal.valueOf(value),
        parameter.unit(), null, Instant.now(), null, false);
    FrameReport report = new FrameReport(MONITOR, observation.gatewayTime(), List.of(observation), null, null);
    cluster.vertx.eventBus().request(Addresses.engineReports(membership.self()), new ReportBatch(List.of(report)))
        .toCompletionStage().toCompletableFuture().join(); // answered once stored, refused once fenced
  }
}
