package org.wardwatch.cluster;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps deliveries of one patient in order: each runs only after the one before it finished (however it finished),
 * while different patients go on in parallel. Used by the {@link PatientRouterVerticle} on its event loop, so a device
 * event retried after a failover can never be overtaken by the patient's next one.
 *
 * <p>Not thread-safe: one event loop.
 */
final class PatientMailbox {

  private final Map<String, Deque<Runnable>> queues = new HashMap<>();

  /** Runs {@code delivery} once every earlier delivery of {@code patientKey} has finished; completes with it. */
  <T> Future<T> enqueue(String patientKey, Supplier<Future<T>> delivery) {
    Promise<T> done = Promise.promise();
    Deque<Runnable> queue = queues.computeIfAbsent(patientKey, key -> new ArrayDeque<>());
    queue.add(() -> delivery.get().onComplete(result -> {
      done.handle(result);
      next(patientKey);
    }));
    if (queue.size() == 1) {
      queue.peek().run();
    }
    return done.future();
  }

  private void next(String patientKey) {
    Deque<Runnable> queue = queues.get(patientKey);
    queue.poll();
    if (queue.isEmpty()) {
      queues.remove(patientKey);
    } else {
      queue.peek().run();
    }
  }
}
