package org.wardwatch.clinical;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which patients the clinical engine of this node has taken over, with the epoch of each one's claim, and the taking
 * over itself: before the engine first touches a patient it is given (a patient it now owns), the patient is claimed
 * in the {@link PatientStore} and its stored state adopted, so the engine carries on where the previous owner was, and
 * the previous owner's saves are fenced from then on; work for the patient waits, in order, until then
 * ({@link WaitingWork}). A patient never stored is simply new. A patient the node no longer owns, or whose saves were
 * fenced, is released.
 *
 * <p>A store that cannot be reached now (timing out while partitions move) is claimed again every {@value #RETRY_MS}
 * ms, the work still waiting: starting afresh would forget the patient's alarms and acknowledgements, and its first
 * store write would erase them for good. Only after {@value #GIVE_UP_MS} ms, or at once for stored state the engine
 * refuses (another format version), does the patient start afresh here, with an error logged, so that its alarms are
 * evaluated at all. Without a claim its first save is fenced; the patient is then claimed, still owned here, and what
 * was evaluated here since, which its ward has seen, is kept and stored in place of the older stored state
 * ({@link #fenced}): readopting that would forget the alarms raised meanwhile, a latched one among them.
 *
 * <p>Not thread-safe: lives on the clinical engine verticle's event loop.
 */
final class PatientTakeover {

  private static final Logger LOG = LoggerFactory.getLogger(PatientTakeover.class);
  static final long RETRY_MS = 500;
  static final long GIVE_UP_MS = 10_000;

  /** The epoch of a patient taken over without a claim (the store could not be reached): its saves are fenced. */
  static final long UNCLAIMED = -1;

  private final WardState engine;
  private final Consumer<List<AuditRecord>> leftOver;
  private final Function<String, Future<PatientStore.Claim>> claims;
  private final Function<String, Future<Boolean>> stored;
  private final Predicate<String> ownedHere;
  private final Vertx vertx;
  private final long giveUpMs;
  /** The patients taken over, with their claims' epochs. */
  private final Map<String, Long> taken = new HashMap<>();
  /** The work waiting for each patient being taken over (or asked after in the store). */
  private final Map<String, WaitingWork> loading = new HashMap<>();
  private boolean stopped;

  /**
   * Takes patients over into {@code engine} with {@code claims} (a claim on a patient, by key), for a member that owns
   * the patients {@code ownedHere} accepts, trying a claim for {@code giveUpMs} before going on without it
   * ({@link #GIVE_UP_MS} in the engine); {@code stored} says whether a patient was stored (so is there to take over);
   * the audit records a stored state holds, which its writer may not have recorded, go to {@code leftOver}.
   */
  PatientTakeover(WardState engine, Consumer<List<AuditRecord>> leftOver,
      Function<String, Future<PatientStore.Claim>> claims, Function<String, Future<Boolean>> stored,
      Predicate<String> ownedHere, Vertx vertx, long giveUpMs) {
    this.engine = engine;
    this.leftOver = leftOver;
    this.claims = claims;
    this.stored = stored;
    this.ownedHere = ownedHere;
    this.vertx = vertx;
    this.giveUpMs = giveUpMs;
  }

  /**
   * Takes over each of {@code stored} (patient keys) this member owns and does not hold yet (a member died), then has
   * {@code shown} show it: its last change may have been stored and not published.
   */
  void takeOverOwned(Set<String> stored, Consumer<String> shown) {
    stored.stream().filter(key -> !has(key) && ownedHere.test(key))
        .forEach(key -> withPatient(key, () -> shown.accept(key)));
  }

  /** Runs {@code work} on the patient once it is taken over here; in order with earlier work for it. */
  void withPatient(String patientKey, Runnable work) {
    enqueue(patientKey, new WaitingWork.Work(work, true, null));
  }

  /**
   * Runs {@code work} on the patient once it is taken over here, when it is held or stored; else at once, claiming
   * nothing: work that makes no patient (a query, an action, a device's event) finds none, and a made-up key leaves no
   * trace here or in the store. In order with other work for the patient either way.
   */
  void withExisting(String patientKey, Runnable work) {
    enqueue(patientKey, new WaitingWork.Work(work, false, null));
  }

  /**
   * Runs {@code work} on the patient once it is taken over here, when it is held or stored (as for
   * {@link #withPatient}, it is then started afresh should its claim or stored state fail); else, or when the store
   * cannot say, runs {@code notStored} instead, claiming nothing: a frame of a patient the engine does not admit. In
   * order with other work for the patient either way.
   */
  void withStored(String patientKey, Runnable work, Runnable notStored) {
    enqueue(patientKey, new WaitingWork.Work(work, false, notStored));
  }

  private void enqueue(String patientKey, WaitingWork.Work next) {
    if (stopped) {
      return; // its sender gets no answer, and sends it again to whoever owns the patient then
    }
    // a key taken but not held (a patient discharged, say) is asked of the store for work that may only take over one
    boolean askStore = next.storedOnly() && !engine.holds(patientKey);
    if (taken.containsKey(patientKey) && !askStore) {
      next.work().run();
      return;
    }
    WaitingWork waiting = loading.get(patientKey);
    if (waiting != null) {
      waiting.add(next);
      return;
    }
    loading.put(patientKey, new WaitingWork(next));
    if (next.makes()) {
      load(patientKey, System.currentTimeMillis() + giveUpMs);
    } else {
      check(patientKey);
    }
  }

  /** Asks the store whether the patient was stored, then takes it over or not as its {@link WaitingWork} says. */
  private void check(String patientKey) {
    stored.apply(patientKey).onComplete(found -> {
      if (stopped) {
        return;
      }
      WaitingWork waiting = loading.get(patientKey);
      boolean takeOver = found.succeeded() ? found.result() || waiting.storeHasNone() : waiting.storeCannotSay();
      if (takeOver) {
        load(patientKey, System.currentTimeMillis() + giveUpMs);
      } else {
        loading.remove(patientKey);
      }
    });
  }

  private void load(String patientKey, long giveUpAt) {
    claims.apply(patientKey).onComplete(claimed -> {
      if (stopped) {
        return;
      }
      long epoch = UNCLAIMED;
      if (claimed.succeeded()) {
        epoch = claimed.result().epoch();
        claimed.result().state().ifPresent(state -> adopt(patientKey, state));
      } else if (System.currentTimeMillis() < giveUpAt) {
        LOG.warn("[{}] not claimed now ({}); trying again", patientKey, claimed.cause().getMessage());
        vertx.setTimer(RETRY_MS, again -> load(patientKey, giveUpAt));
        return;
      } else {
        LOG.error("[{}] not claimed in the store; carrying on without its stored state", patientKey, claimed.cause());
      }
      taken.put(patientKey, epoch);
      loading.remove(patientKey).runAll();
    });
  }

  /**
   * Carries on from the stored {@code state}; one the engine refuses (another format version, a malformed part) is
   * logged and the patient starts afresh here, so its frames are never held back waiting for a takeover that cannot
   * happen.
   */
  private void adopt(String patientKey, JsonObject state) {
    try {
      List<AuditRecord> unrecorded = engine.adopt(state);
      LOG.info("[{}] taken over from the stored state", patientKey);
      leftOver.accept(unrecorded);
    } catch (IllegalArgumentException refused) {
      LOG.error("[{}] stored state refused ({}); carrying on without it", patientKey, refused.getMessage());
    }
  }

  /**
   * Takes no more work, and drops the work still waiting for a takeover, unanswered: the engine is stopping, and work
   * applied after its final store writes would be acknowledged and never stored. Its senders send it again.
   */
  void stop() {
    stopped = true;
    loading.clear();
  }

  /** True when the patient is taken over here or being taken over. */
  boolean has(String patientKey) {
    return taken.containsKey(patientKey) || loading.containsKey(patientKey);
  }

  /** How many patients are being taken over (or asked after in the store) now. */
  int loading() {
    return loading.size();
  }

  /** The epoch of the claim the patient was taken over with, to save it with; {@link #UNCLAIMED} when there is none. */
  long epochOf(String patientKey) {
    return taken.getOrDefault(patientKey, UNCLAIMED);
  }

  /** The patients taken over here that this member no longer owns, to {@link #release}. */
  List<String> leaving() {
    return taken.keySet().stream().filter(patientKey -> !ownedHere.test(patientKey)).toList();
  }

  /**
   * A save of the patient, made with the claim of {@code epoch}, was fenced. Nothing to do when the patient was claimed
   * here again since (or let go); when it was taken over without a claim and is still owned here, it is claimed now,
   * what was evaluated here kept (the answer is true: to be stored) and the audit records the state it replaces held as
   * not recorded recorded; else another member has claimed it since, and it is released (false).
   */
  Future<Boolean> fenced(String patientKey, long epoch) {
    Long held = taken.get(patientKey);
    if (held == null || held != epoch) {
      return Future.succeededFuture(false);
    }
    if (epoch != UNCLAIMED || !ownedHere.test(patientKey)) {
      LOG.info("[{}] taken over by another member: dropped here, its last change not published", patientKey);
      release(patientKey);
      return Future.succeededFuture(false);
    }
    return claims.apply(patientKey).map(claim -> { // a claim that fails leaves it unclaimed: fenced again, tried again
      if (!Long.valueOf(UNCLAIMED).equals(taken.get(patientKey))) {
        return false;
      }
      taken.put(patientKey, claim.epoch());
      LOG.warn("[{}] claimed once the store answered: what was evaluated here replaces the state stored before",
          patientKey);
      claim.state().map(PatientStateCodec::unrecordedIn).ifPresent(unrecorded -> {
        engine.hold(unrecorded); // kept with the state that replaces the stored one, until recorded
        leftOver.accept(unrecorded);
      });
      return true;
    });
  }

  /** Forgets a patient another member owns now, or has claimed: its next work takes it over again. */
  void release(String patientKey) {
    if (taken.remove(patientKey) != null) {
      engine.release(patientKey);
      LOG.info("[{}] released: another member owns it now", patientKey);
    }
  }
}
