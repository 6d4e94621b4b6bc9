package org.wardwatch.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the tests of the patient store writer share: an engine, a real clustered store with the patient claimed before
 * each test, a writer of the engine's changes to it, the patients it was told were fenced off, and an audit trail that
 * can be put out of reach.
 */
abstract class PatientStoreWriterFixture {

  static final String PATIENT = HandOver.MONITOR.patientKey();

  /**
   * The clustered store, one for each test class (it cannot be shared as the static extension it usually is: the first
   * class done would close it for the next).
   */
  static StoreCluster CLUSTER;

  final WardState engine = new WardState(ClinicalRules.fromJson(new JsonObject(HandOver.THRESHOLD_RULES)));
  final List<String> fenced = new CopyOnWriteArrayList<>();
  /** The audit trail, by entry key; it takes no writes while {@link #auditReachable} is false. */
  final Map<String, JsonObject> audited = new ConcurrentHashMap<>();
  volatile boolean auditReachable = true;
  long epoch;
  PatientStoreWriter writer;

  @BeforeAll
  static void joinCluster() {
    CLUSTER = new StoreCluster();
  }

  @AfterAll
  static void leaveCluster() {
    CLUSTER.close();
  }

  @BeforeEach
  void setUp() throws Exception {
    CLUSTER.clear();
    epoch = CLUSTER.await(() -> CLUSTER.store.claim(PATIENT)).epoch();
    writer = new PatientStoreWriter(engine, CLUSTER.store, true, patient -> epoch,
        (patient, epochFenced) -> {
          fenced.add(patient);
          return Future.succeededFuture(false); // dropped here, as another member took it over
        }, this::audit);
  }

  Future<Void> audit(String key, JsonObject entry) {
    if (!auditReachable) {
      return Future.failedFuture("audit trail out of reach");
    }
    audited.put(key, entry);
    return Future.succeededFuture();
  }

  Optional<JsonObject> stored() throws Exception {
    return await(() -> CLUSTER.store.snapshot(PATIENT));
  }

  static <T> T await(Supplier<Future<T>> call) throws Exception {
    return CLUSTER.await(call);
  }
}
