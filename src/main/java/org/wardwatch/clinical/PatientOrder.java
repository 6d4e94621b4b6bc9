package org.wardwatch.clinical;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Keeps the steps about each patient in the order they were asked for: a step waits for the earlier steps about any of
 * its patients (done or failed), and no longer. The clinical engine announces its updates through it, so that an
 * update waiting for one patient's store write cannot be overtaken by a later update of another of its patients (a
 * transition announced after the discharge that ended it, say).
 *
 * <p>Not thread-safe: lives on the clinical engine verticle's event loop.
 */
final class PatientOrder {

  /** Each patient's latest step not done yet. */
  private final Map<String, Future<?>> pending = new HashMap<>();

  /** True when no step about any of {@code patients} is waiting or running. */
  boolean idle(Set<String> patients) {
    if (pending.isEmpty()) { // the usual case: not even an iterator
      return true;
    }
    for (String patient : patients) {
      if (pending.containsKey(patient)) {
        return false;
      }
    }
    return true;
  }

  /** Runs {@code step} once the earlier steps about any of {@code patients} are done; its result. */
  <T> Future<T> after(Set<String> patients, Supplier<Future<T>> step) {
    List<Future<?>> earlier = new ArrayList<>();
    for (String patient : patients) {
      Future<?> before = pending.get(patient);
      if (before != null) {
        earlier.add(before);
      }
    }
    Future<T> done = earlier.isEmpty() ? step.get() : Future.join(earlier).transform(ended -> step.get());
    if (!done.isComplete()) {
      patients.forEach(patient -> pending.put(patient, done));
      done.onComplete(ended -> patients.forEach(patient -> pending.remove(patient, done)));
    }
    return done;
  }
}
