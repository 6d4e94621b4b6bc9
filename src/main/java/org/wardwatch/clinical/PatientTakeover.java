package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which patients the clinical engine of this node has taken over, and the taking over itself: before the engine first
 * touches a patient it is given (a patient it now owns), the patient's stored state is read from the
 * {@link PatientStore} and adopted, so the engine carries on where the previous owner was; work for the patient waits,
 * in order, until then. A patient never stored is simply new. A patient the node no longer owns is released.
 *
 * <p>Not thread-safe: lives on the clinical engine verticle's event loop.
 */
final class PatientTakeover {

  private static final Logger LOG = LoggerFactory.getLogger(PatientTakeover.class);

  private final WardState engine;
  private final PatientStore store;
  private final Set<String> taken = new HashSet<>();
  private final Map<String, List<Runnable>> loading = new HashMap<>();

  PatientTakeover(WardState engine, PatientStore store) {
    this.engine = engine;
    this.store = store;
  }

  /** Runs {@code work} on the patient once it is taken over here; in order with earlier work for it. */
  void withPatient(String patientKey, Runnable work) {
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
    store.state(patientKey).onComplete(stored -> {
      if (stored.failed()) {
        LOG.error("[{}] stored state not readable; carrying on without it", patientKey, stored.cause());
      } else {
        stored.result().ifPresent(state -> adopt(patientKey, state));
      }
      taken.add(patientKey);
      loading.remove(patientKey).forEach(Runnable::run);
    });
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
