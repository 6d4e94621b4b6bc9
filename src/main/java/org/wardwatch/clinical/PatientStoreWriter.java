package org.wardwatch.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.bus.PatientSnapshot;

/**
 * When the owner's changes reach the {@link PatientStore}. An update that changes an alarm or leaves an audit entry
 * (raised, cleared, acknowledged, escalated, an assessment, a limit override) is stored before it is published or
 * acknowledged, so no alarm and no clinician's action is lost with a node. Updates that only bring new vitals are
 * coalesced: the patient is marked, and its latest state stored {@value #ROUNDS} rounds later (a round every
 * {@value #ROUND_MS} ms, see {@link #storeDue()}; {@link StoreRounds} keeps the marks), so at most about the last
 * {@value #MAX_UNSTORED_MS} ms of a patient's vitals are lost with a node, a busy patient costs one store write a
 * second instead of one per frame, and the writes of a ward are spread over the second rather than made at once
 * (which held the event loop for tens of milliseconds every second with a thousand patients). On a standalone node no
 * member could take a patient over and the store would die with the node: such a writer stores nothing (the REST API
 * reads the engine there), and its owner runs no rounds.
 *
 * <p>Each patient is saved with the epoch of this member's claim on it, one write at a time, so that none overtakes
 * another: a save asked for while the patient's write is in flight waits, as one write, with every other asked for
 * meanwhile, and writes the patient's state as it is when it starts (so a slow store delays a change by two writes at
 * most, and queues nothing). A patient an update discharged is stored as discharged ({@link PatientStore#discharge})
 * until a later change admits it again, once the discharge's audit entries are in the audit trail: its stored state,
 * which kept its entries for a next owner until recorded, goes with the discharge. A save another member's claim has
 * fenced ({@link PatientStore.Fenced}) goes to {@code onFenced}: a patient claimed here again (it was taken over
 * without a claim) is saved again under the new claim, and its update then published as stored; any other is dropped
 * here and the update's {@link Saved} names it, so that nothing of it is published (the new owner evaluates it).
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
  private final BiFunction<String, Long, Future<Boolean>> onFenced;
  private final BiFunction<String, JsonObject, Future<Void>> audit;
  /** Patients with unstored changes, and when each is due. */
  private final StoreRounds rounds = new StoreRounds(ROUNDS);
  /** Each patient's store write in flight. */
  private final Map<String, Future<Void>> inFlight = new HashMap<>();
  /** Each patient's write waiting for the one in flight. */
  private final Map<String, Future<Void>> waiting = new HashMap<>();
  /** The patients discharged whose discharge is not stored yet, each with its latest discharge. */
  private final Map<String, Discharge> discharged = new HashMap<>();

  /**
   * A writer for a node that is {@code clustered} (its store outlives it), or standalone.
   *
   * @param epochs   the epoch of this member's claim on a patient, by key
   * @param onFenced told of each patient whose save was fenced, with the epoch it was saved with (on the writer's
   *                 context); answers true when the patient stays here, claimed again
   * @param audit    writes an audit entry under its key ({@link AuditTrail#record}): a discharge's, before its
   *                 patient's stored state goes
   */
  PatientStoreWriter(WardState engine, PatientStore store, boolean clustered, ToLongFunction<String> epochs,
      BiFunction<String, Long, Future<Boolean>> onFenced, BiFunction<String, JsonObject, Future<Void>> audit) {
    this.engine = engine;
    this.store = store;
    this.clustered = clustered;
    this.epochs = epochs;
    this.onFenced = onFenced;
    this.audit = audit;
  }

  /** One discharge of a patient, with its audit records; also the token of that discharge. */
  private record Discharge(List<AuditRecord> audit) {
  }

  /**
   * Stores {@code update}'s patients when it changes an alarm or is audited (at once, or after the write in flight),
   * else marks them for later; on a standalone node does nothing. Completes (never fails) once stored, with what became
   * of each patient's save.
   */
  Future<Saved> write(WardUpdate update) {
    if (!clustered) {
      return Saved.ALL_NOW;
    }
    if (update.audit().isEmpty()) { // every transition has its audit record
      update.changedPatients().forEach(this::storeSoon);
      return Saved.ALL_NOW;
    }
    update.changedPatients().forEach(rounds::unmark);
    update.discharged().forEach(patient -> discharged.put(patient, new Discharge(update.audit().stream()
        .filter(record -> record.patient().equals(patient)).toList())));
    return save(update.changedPatients());
  }

  /**
   * {@code record} is in the audit trail: the engine lets it go, and the patient's state, which holds it as not
   * recorded, is stored again without it in a later round.
   */
  void recorded(AuditRecord record) {
    engine.recorded(record);
    storeSoon(record.patient());
  }

  /** Marks the patient for a later round: it changed in what need not be stored before it is published. */
  private void storeSoon(String patient) {
    if (clustered) {
      rounds.mark(patient);
    }
  }

  /** Ends a round: stores the patients marked {@value #ROUNDS} rounds ago or earlier. */
  Future<Void> storeDue() {
    return save(rounds.endRound()).compose(Saved::asFuture);
  }

  /** Stores every patient changed since it was last stored; completes once every write, waiting ones too, is done. */
  Future<Void> flush() {
    List<Future<Void>> writes = new ArrayList<>(inFlight.values());
    writes.addAll(waiting.values());
    writes.add(flush(rounds.marked()));
    return Future.join(writes).mapEmpty();
  }

  /** Stores those of {@code patients} changed since they were last stored (before they are released, say). */
  Future<Void> flush(List<String> patients) {
    return save(patients.stream().filter(rounds::unmark).toList()).compose(Saved::asFuture);
  }

  /**
   * Completes once the patient's last write asked for is done (the one waiting, else the one in flight), at once when
   * there is none: a resend is answered only when the change its original made is stored, as the original was (it
   * fails as the write does, fenced if the patient was released meanwhile). A patient with a change not stored yet
   * (its write failed, to be tried again in a later round, or new vitals waiting for their round) is stored now.
   */
  Future<Void> stored(String patientKey) {
    if (rounds.unmark(patientKey)) {
      return save(List.of(patientKey)).compose(Saved::asFuture);
    }
    return waiting.getOrDefault(patientKey, inFlight.getOrDefault(patientKey, Future.succeededFuture()));
  }

  /** Saves each patient (see the class description); what became of each is the update's {@link Saved}. */
  private Future<Saved> save(Iterable<String> patients) {
    Map<String, Future<Void>> saves = new LinkedHashMap<>();
    for (String key : patients) {
      if (engine.holds(key) || discharged.containsKey(key)) {
        saves.put(key, save(key));
      } // else released: another member has it (a mark left behind)
    }
    if (saves.isEmpty()) {
      return Saved.ALL_NOW;
    }
    return Future.join(List.copyOf(saves.values())).transform(done -> Future.succeededFuture(saved(saves)));
  }

  /** The patient's write: a new one, or, while one is in flight, the one that waits for it (made if none waits yet). */
  private Future<Void> save(String key) {
    Future<Void> next = waiting.get(key);
    Future<Void> current = inFlight.get(key);
    if (next == null && current != null) {
      next = current.transform(done -> {
        waiting.remove(key);
        return start(key);
      });
      waiting.put(key, next);
    }
    return next != null ? next : start(key);
  }

  /**
   * Writes the patient's state as it is now; when the engine no longer holds it, its discharge if an update discharged
   * it, else nothing: it was released while this write waited, and the changes it carried are another member's to
   * evaluate (so it fails as {@link PatientStore.Fenced}: nothing of them is to be published).
   */
  private Future<Void> start(String key) {
    Optional<JsonObject> state = engine.state(key);
    Discharge discharge = state.isPresent() ? discharged.remove(key) : discharged.get(key); // present: admitted again
    if (state.isEmpty() && discharge == null) {
      return Future.failedFuture(new PatientStore.Fenced(key));
    }
    Future<Void> writing = state.isPresent() ? write(key, state, engine.view().snapshot(key).orElseThrow())
        : recorded(discharge).compose(entries -> write(key, state, null));
    inFlight.put(key, writing);
    writing.onComplete(done -> {
      inFlight.remove(key, writing);
      if (done.failed() && !(done.cause() instanceof PatientStore.Fenced)) {
        rounds.mark(key); // tried again in a later round
      } else if (state.isEmpty()) {
        discharged.remove(key, discharge); // unless discharged again since
      }
    });
    return writing;
  }

  /** Writes the audit entries of {@code discharge} (again, when the announcer has: under its key, an entry is one). */
  private Future<Void> recorded(Discharge discharge) {
    return Future.all(discharge.audit().stream().map(record -> audit.apply(record.key(), record.audited())).toList())
        .mapEmpty();
  }

  /** Writes {@code state} (empty: the discharge) under the claim held now; once more if a fence leaves it here. */
  private Future<Void> write(String key, Optional<JsonObject> state, PatientSnapshot snapshot) {
    long epoch = epochs.applyAsLong(key);
    Future<Void> written = state.isPresent() ? store.save(key, epoch, state.get(), snapshot)
        : store.discharge(key, epoch);
    return written.recover(notStored -> !(notStored instanceof PatientStore.Fenced) ? Future.failedFuture(notStored)
        : onFenced.apply(key, epoch)
            .compose(kept -> kept ? write(key, state, snapshot) : Future.failedFuture(notStored)));
  }

  /** What became of {@code saves}, all complete ({@link Saved#of}); a failure other than a fence is logged. */
  private static Saved saved(Map<String, Future<Void>> saves) {
    Saved saved = Saved.of(saves);
    if (saved.failure() != null) {
      LOG.error("patient state not stored", saved.failure());
    }
    return saved;
  }
}
