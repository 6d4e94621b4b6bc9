package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An owner that stored an alarm's update and died before recording it in the audit trail: the member that takes the
 * patient over records it from the stored state, once, whether or not the owner had recorded it; a real Hazelcast
 * store and audit map.
 */
class LeftOverAuditTest {

  @RegisterExtension
  static final StoreCluster CLUSTER = new StoreCluster();

  private static final ClinicalRules RULES = ClinicalRules.fromJson(new JsonObject(HandOver.THRESHOLD_RULES));

  @Test
  void givenAnUpdateStoredButNotRecorded_whenThePatientIsTakenOver_thenItsEntriesAreRecordedOnce() throws Exception {
    WardState previousOwner = new WardState(RULES);
    WardUpdate raised = HandOver.frame(HandOver.at(0), "PULSE=170", "SPO2=85").apply(previousOwner);
    assertEquals(2, raised.audit().size(), "two alarms raised");
    AuditRecord recordedBeforeDeath = raised.audit().get(0);
    AuditTrail audit = new AuditTrail(CLUSTER.vertx);
    CLUSTER.await(() -> audit.record(recordedBeforeDeath.key(), recordedBeforeDeath.audited())); // one of them made it
    store(previousOwner); // the update is stored before it is announced; the owner dies in between

    WardState engine = new WardState(RULES);
    UpdateAnnouncer announcer = new UpdateAnnouncer(CLUSTER.vertx.eventBus(), audit, engine::recorded);
    PatientTakeover takeover = new PatientTakeover(engine, announcer::recordLeftOver, CLUSTER.store::claim,
        key -> true, CLUSTER.vertx, PatientTakeover.GIVE_UP_MS);
    CLUSTER.await(() -> {
      Promise<Void> taken = Promise.promise();
      takeover.withPatient(HandOver.PATIENT, taken::complete);
      return taken.future();
    });

    JsonArray entries = waitForEntries(audit, raised.audit().size());
    assertEquals(raised.audit().stream().map(record -> record.entry().getString("type")).toList(),
        entries.stream().map(entry -> ((JsonObject) entry).getString("type")).toList(), "each once, in order");
    assertEquals(List.of(), CLUSTER.await(() -> Future.succeededFuture(engine.state(HandOver.PATIENT).orElseThrow()
        .getJsonObject("auditOutbox").getJsonArray("pending").getList())), "recorded: no longer kept for a next owner");
  }

  private static void store(WardState owner) throws Exception {
    long epoch = CLUSTER.await(() -> CLUSTER.store.claim(HandOver.PATIENT)).epoch();
    CLUSTER.await(() -> CLUSTER.store.save(HandOver.PATIENT, epoch, owner.state(HandOver.PATIENT).orElseThrow(),
        owner.snapshot(HandOver.PATIENT).orElseThrow()));
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
