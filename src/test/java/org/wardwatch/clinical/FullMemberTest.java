package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.BusCodecs;
import org.wardwatch.bus.ReportBatch;
import org.wardwatch.bus.ReportsApplied;
import org.wardwatch.cluster.ClusterConsumers;
import org.wardwatch.cluster.Membership;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

/**
 * A clinical engine that holds its most patients, on a real store: it still takes over a patient another member stored
 * (a member died: its patients must go on being evaluated), and it does not admit a new one, claiming nothing for it,
 * unless its sender is of the version before.
 */
class FullMemberTest {

  @TempDir
  Path directory;
  private final StoreCluster cluster = new StoreCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void givenAMemberHoldingItsMostPatients_thenAStoredPatientIsTakenOverAndANewOneNotAdmitted() throws Exception {
    BusCodecs.register(cluster.vertx);
    Membership membership = Membership.of(cluster.hazelcast, 1);
    Path rules = Files.writeString(directory.resolve("rules.json"), HandOver.THRESHOLD_RULES);
    cluster.vertx.deployVerticle(new ClinicalEngineVerticle(rules.toString(), 1, membership, cluster.store,
        new ClusterConsumers(cluster.vertx))).await();
    assertEquals(ReportsApplied.ALL_NEW, report(membership, "P-ADMITTED"), "the first patient is admitted");

    WardState previousOwner = new WardState(ClinicalRules.fromJson(new JsonObject(HandOver.THRESHOLD_RULES)));
    HandOver.frame(Instant.now(), "PULSE=80").apply(previousOwner);
    cluster.storedBy(previousOwner, HandOver.PATIENT); // stored by a member that died since
    assertEquals(ReportsApplied.ALL_NEW, report(membership, HandOver.PATIENT), "the stored patient is taken over");
    ReportsApplied full = report(membership, "P-NEW");

    assertEquals(List.of(), full.resent());
    assertEquals(Map.of("P-NEW", "patient P-NEW not admitted: this gateway member monitors its most patients (1, "
        + "patients.maxPerMember); not recorded"), full.notAdmitted());
    assertTrue(cluster.await(() -> cluster.store.keys()).contains(HandOver.PATIENT));
    assertFalse(cluster.await(() -> cluster.store.keys()).contains("P-NEW"), "nothing claimed for it");
  }

  /** Sends a batch of one frame of {@code patient}, and gives the engine's answer. */
  private ReportsApplied report(Membership membership, String patient) {
    DeviceIdentity source = new DeviceIdentity("mon-" + patient, patient, "1", "surgery");
    Observation pulse = new Observation(source, Parameter.PULSE, Parameter.PULSE.mdcCode(), BigDecimal.valueOf(82),
        Parameter.PULSE.unit(), null, Instant.now(), null, false);
    FrameReport report = WardStateFixtures.report(source, pulse.gatewayTime(), List.of(pulse), null, null);
    return cluster.vertx.eventBus().<ReportsApplied>request(Addresses.engineReports(membership.self()),
        new ReportBatch(List.of(report))).await().body();
  }
}
