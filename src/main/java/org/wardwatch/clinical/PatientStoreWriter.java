package org.wardwatch.clinical;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the owner's changes reach the {@link PatientStore}. An update that changes an alarm or leaves an audit entry
 * (raised, cleared, acknowledged, escalated, an assessment, a limit override) is stored before it is published or
 * acknowledged, so no alarm and no clinician's action is lost with a node. Updates that only bring new vitals are
 * coalesced: the patient is marked, and its latest state stored {@value #ROUNDS} rounds later (a round every
 * {@value #ROUND_MS} ms, see {@link #storeDue()}), so at most about the last {@value #MAX_UNSTORED_MS} ms of a
 * patient's vitals are lost with a node, a busy patient costs one store write a second instead of one per frame, and
 * the writes of a ward are spread over the second rather than made at once (which held the event loop for tens of
 * milliseconds every second with a thousand patients). On a standalone node no member could take a patient over and
 * the store would die with the node: such a writer stores nothing (the REST API reads the engine there), and its owner
 * runs no rounds.
 *
 * <p>Each patient is saved with the epoch of this member's claim on it; a save another member's claim has fenced
 * ({@link PatientStore.Fenced}) is not tried again: the patient is handed to {@code onFenced}, to be dropped here.
 *
 * <p>Not thread-safe: lives on the clinical engine verticle's event loop.
 */
final class PatientStoreWriter {

  /** How often {@link #storeDue()} is to be called. */
  static final long ROUND_MS = 100;
  /** How long a patient's vitals-only change may stay unstored. */
  static final long MAX_UNSTORED_MS = 1000;
  private static final long ROUNDS = MAX_UNSTORED_MS / ROUND_MS;

  private static final Logger LOG = LoggerFactory.getLogger(PatientStoreWriter.class);

  private final WardState engine;
  private final PatientStore store;
  private final boolean clustered;
  private final ToLongFunction<String> epochs;
  private final Consumer<String> onFenced;
  /** Patients with unstored changes, oldest first, with the round in which each was marked. */
  private final Map<String, Long> unstored = new LinkedHashMap<>();
  /** Each patient's latest store write still in flight. */
  private final Map<String, Future<Void>> inFlight = new HashMap<>();
  private long round;

  /**
   * A writer for a node that is {@code clustered} (its store outlives it), or standalone.
   *
   * @param epochs   the epoch of this member's claim on a patient, by key
   * @param onFenced told of each patient whose save was fenced (on the writer's context)
   */
  PatientStoreWriter(WardState engine, PatientStore store, boolean clustered, ToLongFunction<String> epochs,
      Consumer<String> onFenced) {
    this.engine = engine;
    this.store = store;
    this.clustered = clustered;
    this.epochs = epochs;
    this.onFenced = onFenced;
  }

  /**
   * Stores {@code update}'s patients now when it changes an alarm or is audited, else marks them for later; on a
   * standalone node does nothing.
   */
  Future<Void> write(WardUpdate update) {
    if (!clustered) {
      return Future.succeededFuture();
    }
    if (update.transitions().isEmpty() && update.auditEntries().isEmpty()) {
      update.changedPatients().forEach(patient -> unstored.putIfAbsent(patient, round));
      return Future.succeededFuture();
    }
    update.changedPatients().forEach(unstored::remove);
    return save(update.changedPatients());
  }

  /** Ends a round: stores the patients marked {@value #ROUNDS} rounds ago or earlier. */
  Future<Void> storeDue() {
    round++;
    List<String> due = new ArrayList<>();
    for (Iterator<Map.Entry<String, Long>> oldest = unstored.entrySet().iterator(); oldest.hasNext(); ) {
      Map.Entry<String, Long> patient = oldest.next();
      if (patient.getValue() > round - ROUNDS) {
        break;
      }
      due.add(patient.getKey());
      oldest.remove();
    }
    return save(due);
  }

  /** Stores every patient changed since it was last stored. */
  Future<Void> flush() {
    return flush(List.copyOf(unstored.keySet()));
  }

  /** Stores those of {@code patients} changed since they were last stored (before they are released, say). */
  Future<Void> flush(List<String> patients) {
    return save(patients.stream().filter(patient -> unstored.remove(patient) != null).toList());
  }

  /**
   * Completes once the patient's store write in flight now is done, at once when there is none: a resend is answered
   * only when the change its original made is stored, as the original was. A patient with a change not stored yet
   * (its write failed, to be tried again in a later round, or new vitals waiting for their round) is stored now.
   */
  Future<Void> stored(String patientKey) {
    if (unstored.remove(patientKey) != null) {
      return save(List.of(patientKey));
    }
    return inFlight.getOrDefault(patientKey, Future.succeededFuture());
  }

  private Future<Void> save(Iterable<String> patients) {
    List<Future<Void>> saved = new ArrayList<>();
    for (String key : patients) {
      engine.state(key).ifPresent(state -> {
        Future<Void> writing = store.save(key, epochs.applyAsLong(key), state, engine.snapshot(key).orElseThrow());
        inFlight.put(key, writing);
        writing.onComplete(done -> inFlight.remove(key, writing)).onFailure(notStored -> {
          if (notStored instanceof PatientStore.Fenced) {
            onFenced.accept(key);
          } else {
            unstored.putIfAbsent(key, round); // tried again in a later round
          }
        });
        saved.add(writing);
      });
    }
    if (saved.isEmpty()) {
      return Future.succeededFuture();
    }
    return Future.join(saved).<Void>mapEmpty()
        .onFailure(error -> {
          if (!(error instanceof PatientStore.Fenced)) {
            LOG.error("patient state not stored", error);
          }
        });
  }
}
