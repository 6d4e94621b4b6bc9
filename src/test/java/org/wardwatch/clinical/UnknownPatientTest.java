package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.BusCodecs;
import org.wardwatch.bus.ReportBatch;
import org.wardwatch.cluster.ClusterConsumers;
import org.wardwatch.cluster.Membership;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

/**
 * A clustered member's engine asked about a patient that does not exist (a made-up key in a REST path or an alarm
 * id, a disconnected device's): it answers as for no such patient and claims nothing, so such keys leave no entry in
 * the cluster's store (which every member would sweep and claim again after a membership change) nor in the engine.
 * A frame makes its patient, and so does a refused one (its invalid-data alarm).
 */
class UnknownPatientTest {

  private StoreCluster cluster;
  private Membership membership;

  @BeforeEach
  void deploy() {
    cluster = new StoreCluster();
    membership = Membership.of(cluster.hazelcast, 1);
    BusCodecs.register(cluster.vertx);
    cluster.vertx.deployVerticle(new ClinicalEngineVerticle(null, ClinicalEngineVerticle.DEFAULT_MAX_PATIENTS,
        membership, cluster.store, new ClusterConsumers(cluster.vertx))).await();
  }

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void unknownPatientsAreAnsweredAsSuchAndClaimNothingWhileAFrameOrARefusalMakesItsPatient() throws Exception {
    assertEquals(404, failureCode(Addresses.engineHistory(membership.self()),
        new JsonObject().put("patient", "made-up-1").put("minutes", 10)));
    assertEquals(404, failureCode(Addresses.engineActions(membership.self()), new JsonObject()
        .put("action", "acknowledge").put("alarmId", "made-up-2/THRESHOLD:PULSE/x").put("user", "nurse")));
    JsonObject ignored = request(Addresses.engineDeviceEvents(membership.self()), DeviceEvent.disconnected(
        new DeviceIdentity("mon-x", "made-up-3", null, "icu"), null, Instant.now()).toJson());
    assertTrue(ignored.getBoolean("ok"));
    JsonObject admitted = request(Addresses.engineDeviceEvents(membership.self()), DeviceEvent.rejected(
        new DeviceIdentity("mon-2", "P2", "2", "icu"), "Pulse 400 /min is implausible", null).toJson());
    assertTrue(admitted.getBoolean("ok"));

    DeviceIdentity monitor = new DeviceIdentity("mon-1", "P1", "1", "icu");
    Observation pulse = new Observation(monitor, Parameter.PULSE, Parameter.PULSE.mdcCode(), new BigDecimal("80"),
        Parameter.PULSE.unit(), null, Instant.now(), null, false);
    cluster.vertx.eventBus().request(Addresses.engineReports(membership.self()),
        new ReportBatch(List.of(WardStateFixtures.report(monitor, pulse.gatewayTime(), List.of(pulse), null, null))))
        .await();

    assertEquals(Set.of("P1", "P2"), cluster.await(cluster.store::keys), "a refused frame's invalid-data alarm"
        + " admits its patient, as an accepted frame does");
  }

  private int failureCode(String address, JsonObject body) {
    CompletionException refused = assertThrows(CompletionException.class, () -> request(address, body));
    return assertInstanceOf(ReplyException.class, refused.getCause()).failureCode();
  }

  private JsonObject request(String address, JsonObject body) {
    return cluster.vertx.eventBus().<JsonObject>request(address, body).map(Message::body)
        .toCompletionStage().toCompletableFuture().join();
  }
}
