package org.wardwatch.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wardwatch.bus.PatientSnapshot;

/** A real store whose saves fail while {@link #failSaves} says so: a partition migrating, a backup not answering. */
final class UnreliableStore implements PatientStore {

  private final PatientStore store;
  private volatile boolean failing;

  UnreliableStore(PatientStore store) {
    this.store = store;
  }

  /** Whether the saves from now on fail, storing nothing. */
  void failSaves(boolean fail) {
    failing = fail;
  }

  @Override
  public Future<Claim> claim(String patientKey) {
    return store.claim(patientKey);
  }

  @Override
  public Future<Void> save(String patientKey, long epoch, JsonObject state, PatientSnapshot snapshot) {
    return failing ? Future.failedFuture("the store is not answering") : store.save(patientKey, epoch, state, snapshot);
  }

  @Override
  public Future<Void> discharge(String patientKey, long epoch) {
    return store.discharge(patientKey, epoch);
  }

  @Override
  public Future<Optional<JsonObject>> snapshot(String patientKey) {
    return store.snapshot(patientKey);
  }

  @Override
  public Future<List<JsonObject>> snapshots() {
    return store.snapshots();
  }

  @Override
  public Future<Set<String>> keys() {
    return store.keys();
  }
}
