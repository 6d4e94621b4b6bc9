package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The clustered patient store, on a real Hazelcast map: claims, fenced saves, and what readers see. */
class PatientStoreTest {

  @RegisterExtension
  static final StoreCluster CLUSTER = new StoreCluster();

  private final WardState engine = new WardState(ClinicalRules.fromJson(new JsonObject(HandOver.THRESHOLD_RULES)));

  @BeforeEach
  void empty() {
    CLUSTER.clear();
    HandOver.frame(HandOver.at(0), "PULSE=170").apply(engine);
  }

  @Test
  void aPatientNeverStoredIsClaimedWithNoStateAndIsNotASnapshotYet() throws Exception {
    PatientStore.Claim claim = CLUSTER.await(() -> CLUSTER.store.claim(HandOver.PATIENT));

    assertEquals(1, claim.epoch());
    assertTrue(claim.state().isEmpty());
    assertEquals(List.of(), CLUSTER.await(CLUSTER.store::snapshots));
    assertEquals(Set.of(HandOver.PATIENT), CLUSTER.await(CLUSTER.store::keys), "claimed: found by the sweep");
  }

  @Test
  void theNextClaimGetsTheStateSavedAndANewEpoch() throws Exception {
    long first = CLUSTER.await(() -> CLUSTER.store.claim(HandOver.PATIENT)).epoch();
    save(first);

    PatientStore.Claim next = CLUSTER.await(() -> CLUSTER.store.claim(HandOver.PATIENT));

    assertEquals(first + 1, next.epoch());
    assertEquals(engine.state(HandOver.PATIENT).orElseThrow(), next.state().orElseThrow());
    assertEquals(1, CLUSTER.await(() -> CLUSTER.store.snapshot(HandOver.PATIENT)).orElseThrow()
        .getJsonArray("alarms").size());
  }

  @Test
  void aSaveAfterAnotherClaimIsFencedAndStoresNothing() throws Exception {
    long former = CLUSTER.await(() -> CLUSTER.store.claim(HandOver.PATIENT)).epoch();
    CLUSTER.await(() -> CLUSTER.store.claim(HandOver.PATIENT)); // the new owner takes the patient over

    ExecutionException refused = assertThrows(ExecutionException.class, () -> save(former));

    assertInstanceOf(PatientStore.Fenced.class, refused.getCause());
    assertTrue(CLUSTER.await(() -> CLUSTER.store.snapshot(HandOver.PATIENT)).isEmpty());
  }

  @Test
  void aStoredEntryThatIsNotJsonIsClaimedWithNoStateAtOnce() throws Exception {
    byte[] garbage = "{\"state\": not json".getBytes(StandardCharsets.US_ASCII);
    CLUSTER.hazelcast.<String, byte[]>getMap(PatientStore.MAP).put(HandOver.PATIENT,
        ByteBuffer.allocate(Long.BYTES + garbage.length).putLong(4).put(garbage).array());

    PatientStore.Claim claim = CLUSTER.await(() -> CLUSTER.store.claim(HandOver.PATIENT));

    assertEquals(5, claim.epoch());
    assertTrue(claim.state().isEmpty(), "starts afresh rather than waiting for a state no read can give");
  }

  @Test
  void aStoredValueThatIsNoEntryIsClaimedAfreshAndThenSaved() throws Exception {
    CLUSTER.hazelcast.getMap(PatientStore.MAP).put(HandOver.PATIENT, "left by another version");
    assertEquals(1, CLUSTER.await(() -> CLUSTER.store.claim(HandOver.PATIENT)).epoch());
    CLUSTER.hazelcast.<String, byte[]>getMap(PatientStore.MAP).put(HandOver.PATIENT, new byte[3]);

    PatientStore.Claim claim = CLUSTER.await(() -> CLUSTER.store.claim(HandOver.PATIENT));
    save(claim.epoch());

    assertEquals(1, claim.epoch());
    assertTrue(claim.state().isEmpty());
    assertTrue(CLUSTER.await(() -> CLUSTER.store.snapshot(HandOver.PATIENT)).isPresent(), "saved over it");
  }

  @Test
  void aDischargedPatientIsNoSnapshotAndItsNextClaimFindsNoStateButAHigherEpoch() throws Exception {
    long epoch = CLUSTER.await(() -> CLUSTER.store.claim(HandOver.PATIENT)).epoch();
    save(epoch);

    CLUSTER.await(() -> CLUSTER.store.discharge(HandOver.PATIENT, epoch));

    assertTrue(CLUSTER.await(() -> CLUSTER.store.snapshot(HandOver.PATIENT)).isEmpty());
    assertEquals(List.of(), CLUSTER.await(CLUSTER.store::snapshots));
    PatientStore.Claim next = CLUSTER.await(() -> CLUSTER.store.claim(HandOver.PATIENT));
    assertEquals(epoch + 1, next.epoch(), "the epoch stays: older claims' saves are still fenced");
    assertTrue(next.state().isEmpty(), "admitted afresh");
  }

  @Test
  void aDischargeAfterAnotherClaimIsFencedAndKeepsTheStoredState() throws Exception {
    long former = CLUSTER.await(() -> CLUSTER.store.claim(HandOver.PATIENT)).epoch();
    save(former);
    CLUSTER.await(() -> CLUSTER.store.claim(HandOver.PATIENT));

    ExecutionException refused = assertThrows(ExecutionException.class,
        () -> CLUSTER.await(() -> CLUSTER.store.discharge(HandOver.PATIENT, former)));

    assertInstanceOf(PatientStore.Fenced.class, refused.getCause());
    assertTrue(CLUSTER.await(() -> CLUSTER.store.snapshot(HandOver.PATIENT)).isPresent());
  }

  private void save(long epoch) throws Exception {
    CLUSTER.await(() -> CLUSTER.store.save(HandOver.PATIENT, epoch, engine.state(HandOver.PATIENT).orElseThrow(),
        engine.view().snapshot(HandOver.PATIENT).orElseThrow()));
  }
}
