package org.wardwatch.clinical;

import io.vertx.core.Future;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What became of the saves of an update's patients: those another member's claim fenced ({@link PatientStore.Fenced}),
 * and a failure of any other kind (the first), or none. The {@link PatientStoreWriter} answers each update it stores
 * with one; the {@link UpdatePublisher} then publishes nothing of a fenced patient (its new owner evaluates it), and
 * does not tell the update's sender it is safe when a save failed.
 *
 * <p>Immutable.
 */
record Saved(Set<String> fenced, Throwable failure) {

  /** Every patient stored. */
  private static final Saved ALL = new Saved(Set.of(), null);
  /** {@link #ALL}, at once: an update with nothing to store before it is published. */
  static final Future<Saved> ALL_NOW = Future.succeededFuture(ALL);

  /** What became of {@code saves}, each complete: each patient whose save was fenced, the first other failure. */
  static Saved of(Map<String, Future<Void>> saves) {
    Set<String> fenced = saves.entrySet().stream()
        .filter(save -> save.getValue().cause() instanceof PatientStore.Fenced).map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
    Throwable failure = saves.values().stream().map(Future::cause)
        .filter(cause -> cause != null && !(cause instanceof PatientStore.Fenced)).findFirst().orElse(null);
    return fenced.isEmpty() && failure == null ? ALL : new Saved(fenced, failure);
  }

  boolean all() {
    return fenced.isEmpty() && failure == null;
  }

  /** Succeeds when every patient was stored, else fails with the failure, or {@link PatientStore.Fenced}. */
  Future<Void> asFuture() {
    if (all()) {
      return Future.succeededFuture();
    }
    return Future.failedFuture(failure != null ? failure : new PatientStore.Fenced(fenced.iterator().next()));
  }
}
