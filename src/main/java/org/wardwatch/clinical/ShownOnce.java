package org.wardwatch.clinical;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which patients of one batch of frame reports the clinical engine shows once, after applying all their frames: those
 * whose frames it applies in the turn of the event loop that received the batch ({@link WardState#applyUnshown}), to
 * be shown at its end ({@link WardState#show}). A batch of a monitor catching up, or of a gateway relaying many beds,
 * then costs one snapshot and one publication per patient rather than per frame. A frame applied after the turn (its
 * patient was being taken over) is shown at once, and so is the frame of a batch of one, a device's usual batch, and
 * one that moves its patient to another ward ({@link PatientUpdates}).
 *
 * <p>Not thread-safe: one per batch, on the clinical engine verticle's event loop.
 */
final class ShownOnce {

  private final Set<String> patients = new LinkedHashSet<>();
  private boolean ended;

  /** For a batch of {@code reports} reports: one alone is shown at once, with nothing to gather. */
  ShownOnce(int reports) {
    this.ended = reports < 2;
  }

  /** True when a frame of {@code patient} applied now is to be shown at the end of the turn; the patient is noted. */
  boolean defers(String patient) {
    if (!ended) {
      patients.add(patient);
    }
    return !ended;
  }

  /** Ends the turn: has {@code show} show each patient noted, in order; completes once every one is. */
  Future<Void> end(Function<String, Future<Void>> show) {
    ended = true;
    if (patients.isEmpty()) {
      return Future.succeededFuture(); // a batch of one: shown with its frame
    }
    List<Future<Void>> shown = new ArrayList<>(patients.size());
    for (String patient : patients) { // one by one: a patient waiting for its store write holds up no other
      shown.add(show.apply(patient));
    }
    return Future.all(shown).mapEmpty();
  }
}
