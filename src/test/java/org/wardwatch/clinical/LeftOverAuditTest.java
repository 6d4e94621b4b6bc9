package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An owner that stored an alarm's update and died before recording it in the audit trail: the member that takes the
 * patient over records it from the stored state, once, whether or not the owner had recorded it; a real Hazelcast
 * store and audit map.
 */
class LeftOverAuditTest {

  /** Every patient asked after is in the store: taken over as before. */
  private static final Function<String, Future<Boolean>> STORED = key -> Future.succeededFuture(true);

  @RegisterExtension
  static final StoreCluster CLUSTER = new StoreCluster();

  @BeforeEach
  void emptyStoreAndTrail() {
    CLUSTER.clear();
    CLUSTER.hazelcast.getMap(AuditTrail.MAP).clear();
  }

  private static final ClinicalRules RULES = ClinicalRules.fromJson(new JsonObject(HandOver.THRESHOLD_RULES));

  @Test
  void givenAnUpdateStoredButNotRecorded_whenThePatientIsTakenOver_thenItsEntriesAreRecordedOnce() throws Exception {
    WardUpdate raised = raisedAndStoredByAPreviousOwner();
    assertEquals(2, raised.audit().size(), "two alarms raised");
    AuditRecord recordedBeforeDeath = raised.audit().get(0);
    AuditTrail audit = new AuditTrail(CLUSTER.vertx);
    CLUSTER.await(() -> audit.record(recordedBeforeDeath.key(), recordedBeforeDeath.audited())); // the owner died after

    WardState engine = new WardState(RULES);
    UpdateAnnouncer announcer = new UpdateAnnouncer(CLUSTER.vertx.eventBus(), audit::record, engine::recorded);
    PatientTakeover takeover = new PatientTakeover(engine, announcer::recordLeftOver, CLUSTER.store::claim,
        STORED, key -> true, CLUSTER.vertx, PatientTakeover.GIVE_UP_MS);
    CLUSTER.await(() -> {
      Promise<Void> taken = Promise.promise();
      takeover.withPatient(HandOver.PATIENT, taken::complete);
      return taken.future();
    });

    JsonArray entries = waitForEntries(audit, raised.audit().size());
    assertEquals(raised.audit().stream().map(record -> record.entry().getString("alarmId")).toList(),
        entries.stream().map(entry -> ((JsonObject) entry).getString("alarmId")).toList(), "each once, in order");
    assertEquals(List.of(), CLUSTER.await(() -> Future.succeededFuture(engine.state(HandOver.PATIENT).orElseThrow()
        .getJsonObject("auditOutbox").getJsonArray("pending").getList())), "recorded: no longer kept for a next owner");
  }

  @Test
  void givenATakeoverWithoutAClaim_whenThePatientIsClaimedLater_thenTheEntriesTheStoredStateHeldAreRecorded()
      throws Exception {
    WardUpdate raised = raisedAndStoredByAPreviousOwner();
    AuditTrail audit = new AuditTrail(CLUSTER.vertx);

    WardState engine = new WardState(RULES);
    UpdateAnnouncer announcer = new UpdateAnnouncer(CLUSTER.vertx.eventBus(), audit::record, engine::recorded);
    PatientStoreWriter writer = takenOverWithoutAClaim(engine, announcer);
    WardUpdate here = HandOver.frame(HandOver.at(1), "PULSE=170").apply(engine); // afresh: a new alarm
    CLUSTER.await(() -> writer.write(here)); // fenced, then claimed: the stored state is written over

    List<String> expected = raised.audit().stream().map(record -> record.entry().getString("alarmId")).toList();
    assertEquals(expected, waitForEntries(audit, expected.size()).stream()
        .map(entry -> ((JsonObject) entry).getString("alarmId")).toList(), "not lost with the state written over");
  }

  @Test
  void givenATakeoverWithoutAClaimWhileTheAuditTrailIsOutOfReach_thenTheEntriesAreKeptInTheStateThatReplacesIt()
      throws Exception {
    WardUpdate raised = raisedAndStoredByAPreviousOwner();

    WardState engine = new WardState(RULES);
    UpdateAnnouncer announcer = new UpdateAnnouncer(CLUSTER.vertx.eventBus(),
        (key, entry) -> Future.failedFuture("audit trail out of reach"), engine::recorded);
    PatientStoreWriter writer = takenOverWithoutAClaim(engine, announcer);
    WardUpdate here = HandOver.frame(HandOver.at(1), "PULSE=170").apply(engine);
    CLUSTER.await(() -> writer.write(here));

    List<String> kept = CLUSTER.await(() -> Future.succeededFuture(engine.state(HandOver.PATIENT).orElseThrow()
        .getJsonObject("auditOutbox").getJsonArray("pending").stream()
        .map(record -> ((JsonObject) record).getString("key")).toList()));
    assertTrue(kept.containsAll(raised.audit().stream().map(AuditRecord::key).toList()), kept::toString);
  }

  /** A member that takes the patient over without a claim (the store out of reach at first), and its writer. */
  private static PatientStoreWriter takenOverWithoutAClaim(WardState engine, UpdateAnnouncer announcer)
      throws Exception {
    AtomicInteger claims = new AtomicInteger();
    PatientTakeover takeover = new PatientTakeover(engine, announcer::recordLeftOver,
        key -> claims.getAndIncrement() == 0 ? Future.failedFuture("store out of reach") : CLUSTER.store.claim(key),
        STORED, key -> true, CLUSTER.vertx, 0);
    CLUSTER.await(() -> {
      Promise<Void> taken = Promise.promise();
      takeover.withPatient(HandOver.PATIENT, taken::complete);
      return taken.future();
    });
    return new PatientStoreWriter(engine, CLUSTER.store, true, takeover::epochOf, takeover::fenced,
        new AuditTrail(CLUSTER.vertx)::record);
  }

  /** Two alarms raised by a previous owner, which stored the update (to announce it next, but died): the update. */
  private static WardUpdate raisedAndStoredByAPreviousOwner() throws Exception {
    WardState previousOwner = new WardState(RULES);
    WardUpdate raised = HandOver.frame(HandOver.at(0), "PULSE=170", "SPO2=85").apply(previousOwner);
    store(previousOwner);
    return raised;
  }

  private static void store(WardState owner) throws Exception {
    long epoch = CLUSTER.await(() -> CLUSTER.store.claim(HandOver.PATIENT)).epoch();
    CLUSTER.await(() -> CLUSTER.store.save(HandOver.PATIENT, epoch, owner.state(HandOver.PATIENT).orElseThrow(),
        owner.view().snapshot(HandOver.PATIENT).orElseThrow()));
  }

  /** The patient's entries once there are {@code expected} of them (recorded after the takeover), or after 5 s. */
  private static JsonArray waitForEntries(AuditTrail audit, int expected) throws Exception {
    JsonArray entries = new JsonArray();
    for (long deadline = System.currentTimeMillis() + 5000; System.currentTimeMillis() < deadline; Thread.sleep(20)) {
      entries = CLUSTER.await(() -> audit.query(HandOver.PATIENT, null, 0, 100)).entries();
      if (entries.size() >= expected) {
        Thread.sleep(200); // and no more come
        return CLUSTER.await(() -> audit.query(HandOver.PATIENT, null, 0, 100)).entries();
      }
    }
    return entries;
  }
}
