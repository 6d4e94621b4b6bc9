package org.wardwatch.clinical;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which patients the clinical engine of this node has taken over, and the taking over itself: before the engine first
 * touches a patient it is given (a patient it now owns), the patient's stored state is read from the
 * {@link PatientStore} and adopted, so the engine carries on where the previous owner was; work for the patient waits,
 * in order, until then. A patient never stored is simply new. A patient the node no longer owns is released.
 *
 * <p>A store that cannot be read now (unreachable, timing out while partitions move) is read again every
 * {@value #RETRY_MS} ms, the work still waiting: starting afresh would forget the patient's alarms and
 * acknowledgements, and its first store write would erase them for good. Only after {@value #GIVE_UP_MS} ms, or at once
 * for an entry that can never be read (not JSON, another format version), does the patient start afresh here, with an
 * error logged, so that its alarms are evaluated at all.
 *
 * <p>Not thread-safe: lives on the clinical engine verticle's event loop.
 */
final class PatientTakeover {

  private static final Logger LOG = LoggerFactory.getLogger(PatientTakeover.class);
  static final long RETRY_MS = 500;
  static final long GIVE_UP_MS = 10_000;

  private final WardState engine;
  private final Function<String, Future<Optional<JsonObject>>> storedState;
  private final Vertx vertx;
  private final Set<String> taken = new HashSet<>();
  private final Map<String, List<Runnable>> loading = new HashMap<>();
  private boolean stopped;

  /** Takes patients over into {@code engine} from {@code storedState} (a patient's stored state, by key). */
  PatientTakeover(WardState engine, Function<String, Future<Optional<JsonObject>>> storedState, Vertx vertx) {
    this.engine = engine;
    this.storedState = storedState;
    this.vertx = vertx;
  }

  /** Runs {@code work} on the patient once it is taken over here; in order with earlier work for it. */
  void withPatient(String patientKey, Runnable work) {
    if (stopped) {
      return; // its sender gets no answer, and sends it again to whoever owns the patient then
    }
    if (taken.contains(patientKey)) {
      work.run();
      return;
    }
    List<Runnable> waiting = loading.get(patientKey);
    if (waiting != null) {
      waiting.add(work);
      return;
    }
    loading.put(patientKey, new ArrayList<>(List.of(work)));
    load(patientKey, System.currentTimeMillis() + GIVE_UP_MS);
  }

  private void load(String patientKey, long giveUpAt) {
    storedState.apply(patientKey).onComplete(stored -> {
      if (stopped) {
        return;
      } else if (stored.succeeded()) {
        stored.result().ifPresent(state -> adopt(patientKey, state));
      } else if (!unreadable(stored.cause()) && System.currentTimeMillis() < giveUpAt) {
        LOG.warn("[{}] stored state not read now ({}); trying again", patientKey, stored.cause().getMessage());
        vertx.setTimer(RETRY_MS, again -> load(patientKey, giveUpAt));
        return;
      } else {
        LOG.error("[{}] stored state not readable; carrying on without it", patientKey, stored.cause());
      }
      taken.add(patientKey);
      loading.remove(patientKey).forEach(Runnable::run);
    });
  }

  /** Whether {@code failure} comes of the entry itself, which no later read would get past. */
  private static boolean unreadable(Throwable failure) {
    return failure instanceof DecodeException || failure instanceof ClassCastException;
  }

  /**
   * Carries on from the stored {@code state}; one the engine refuses (another format version, a malformed part) is
   * logged and the patient starts afresh here, so its frames are never held back waiting for a takeover that cannot
   * happen.
   */
  private void adopt(String patientKey, JsonObject state) {
    try {
      engine.adopt(state);
      LOG.info("[{}] taken over from the stored state", patientKey);
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
    return taken.contains(patientKey) || loading.containsKey(patientKey);
  }

  /** The patients taken over here that {@code ownedHere} no longer accepts, to {@link #release}. */
  List<String> leaving(Predicate<String> ownedHere) {
    return taken.stream().filter(patientKey -> !ownedHere.test(patientKey)).toList();
  }

  /** Forgets a patient another member owns now. */
  void release(String patientKey) {
    taken.remove(patientKey);
    engine.release(patientKey);
    LOG.info("[{}] released: another member owns it now", patientKey);
  }
}
