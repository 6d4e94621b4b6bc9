package org.wardwatch.clinical;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wardwatch.bus.PatientSnapshot;

/**
 * Every patient's stored copy, for the member that takes a patient over and for any node's REST API: on a clustered
 * node a Hazelcast map with a backup on another member ({@link #of}), on a standalone node nothing
 * ({@link #none()}: no member could take over, and the store would die with the node).
 *
 * <p>Writes are fenced, so that two members never both carry a patient on: a member {@link #claim}s a patient before
 * evaluating it, which gives it the patient's stored state and a new epoch, and it {@link #save}s with that epoch; a
 * save fails with {@link Fenced} once another member has claimed the patient since (the partition moved, and the new
 * owner took the patient over). The former owner must then drop the patient and publish nothing of the refused
 * change: the new owner carries on from the last state saved, and would otherwise announce the same alarm change again.
 *
 * <p>Called on a Vert.x context (the clinical engine's); answers come back on it.
 */
public interface PatientStore {

  /** The map's name in the cluster. */
  String MAP = "wardwatch.patients";

  /**
   * A member's claim on a patient.
   *
   * @param epoch the claim's epoch, to {@link #save} with
   * @param state the patient's stored state, empty when none was stored (or the stored one cannot be read)
   */
  record Claim(long epoch, Optional<JsonObject> state) {
  }

  /** A save refused: another member has claimed the patient since this one did. */
  final class Fenced extends RuntimeException {
    Fenced(String patientKey) {
      super("patient " + patientKey + " was taken over by another member", null, false, false);
    }
  }

  /**
   * Claims the patient for this member: the stored state, and a new epoch that fences every earlier claim's saves.
   * A patient never stored gets an entry without state, so that a second claim fences the first all the same.
   */
  Future<Claim> claim(String patientKey);

  /**
   * Stores the patient's {@code state} and {@code snapshot} (the snapshot's JSON as it is) unless another claim was
   * made since the one that gave {@code epoch}: then fails with {@link Fenced}, storing nothing.
   */
  Future<Void> save(String patientKey, long epoch, JsonObject state, PatientSnapshot snapshot);

  /**
   * Forgets the patient's stored state and snapshot, the patient being discharged, unless another claim was made since
   * the one that gave {@code epoch} (then fails with {@link Fenced}). The claim's epoch stays, fencing older claims'
   * saves; the next claim finds no state, and the patient starts afresh.
   */
  Future<Void> discharge(String patientKey, long epoch);

  /** The stored snapshot of the patient, empty when none was stored. */
  Future<Optional<JsonObject>> snapshot(String patientKey);

  /** Every stored snapshot, in no particular order. */
  Future<List<JsonObject>> snapshots();

  /** Every stored patient key (claimed or stored). */
  Future<Set<String>> keys();

  /** The store of a clustered node: the map {@value #MAP} of {@code hazelcast}. */
  static PatientStore of(HazelcastInstance hazelcast) {
    return new HazelcastPatientStore(hazelcast.getMap(MAP)).reportingLosses();
  }

  /** The store of a standalone node: holds nothing, and every claim finds nothing stored. */
  static PatientStore none() {
    return new PatientStore() {
      @Override
      public Future<Claim> claim(String patientKey) {
        return Future.succeededFuture(new Claim(0, Optional.empty()));
      }

      @Override
      public Future<Void> save(String patientKey, long epoch, JsonObject state, PatientSnapshot snapshot) {
        return Future.succeededFuture();
      }

      @Override
      public Future<Void> discharge(String patientKey, long epoch) {
        return Future.succeededFuture();
      }

      @Override
      public Future<Optional<JsonObject>> snapshot(String patientKey) {
        return Future.succeededFuture(Optional.empty());
      }

      @Override
      public Future<List<JsonObject>> snapshots() {
        return Future.succeededFuture(List.of());
      }

      @Override
      public Future<Set<String>> keys() {
        return Future.succeededFuture(Set.of());
      }
    };
  }
}
