package org.wardwatch.clinical;

import io.vertx.core.Future;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the clinical engine's {@link WardUpdate}s: hands each to the {@link PatientStoreWriter}, then to the
 * {@link UpdateAnnouncer} once it may be seen: an alarm change once stored (so no alarm is seen that a takeover would
 * not find), new vitals at once. An alarm change that could not be stored is published all the same (the ward must see
 * it; the writer stores it again), but the returned future fails: whoever sent the change is not to be told it is
 * safe. What it changed of a patient whose save was fenced is not published: another member has taken that patient
 * over and evaluates it from the last state stored, and would announce the same change again (the other patients of
 * the update are published as stored); nor is the snapshot of a patient no longer held here by the time it would be
 * (its store write fenced in the meantime, or the patient moved: its next owner shows it, and a screen that missed it
 * sees the skip). Each patient's updates are published in the order they were made ({@link PatientOrder}).
 *
 * <p>Not thread-safe: used on the clinical engine verticle's event loop.
 */
final class UpdatePublisher {

  /** The engine's log, as operators know it. */
  private static final Logger LOG = LoggerFactory.getLogger(ClinicalEngineVerticle.class);

  private final PatientStoreWriter writer;
  private final UpdateAnnouncer announcer;
  private final Predicate<String> heldHere;
  private final PatientOrder order = new PatientOrder();

  /** A publisher that writes with {@code writer}, announces with {@code announcer}, and asks {@code heldHere}. */
  UpdatePublisher(PatientStoreWriter writer, UpdateAnnouncer announcer, Predicate<String> heldHere) {
    this.writer = writer;
    this.announcer = announcer;
    this.heldHere = heldHere;
  }

  /** Publishes {@code update} once it may be seen; completes once stored, failed when it could not be. */
  Future<Void> publish(WardUpdate update) {
    Future<Saved> stored = writer.write(update);
    Set<String> patients = update.changedPatients();
    if (stored.succeeded() && stored.result().all() && order.idle(patients)) { // new vitals, standalone: no listener
      announcer.announce(update);
      return Future.succeededFuture();
    }
    return order.after(patients, () -> stored.compose(saved -> {
      if (saved.failure() != null) {
        LOG.warn("patient state not stored; publishing anyway, to be stored again");
      }
      announcer.announce(update.without(saved.fenced()).withSnapshotsOf(heldHere));
      return saved.asFuture();
    }));
  }
}
