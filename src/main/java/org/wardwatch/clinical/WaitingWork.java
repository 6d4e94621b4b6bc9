package org.wardwatch.clinical;

import java.util.ArrayList;
import java.util.List;

/**
 * The work for one patient that waits, in order, while the patient is taken over or asked after in the store, and which
 * of it runs when the store has no such patient or cannot say. Work that makes the patient (a frame) has it taken over
 * all the same; work that makes none (a query, an action, a device's event) runs without it, finding none; work that
 * may only take over a stored patient (a frame of a patient the engine does not admit) runs its refusal instead.
 *
 * <p>Owned by {@link PatientTakeover}, one for each patient it is taking over, which asks the store and takes the
 * patient over; not thread-safe: lives on the clinical engine verticle's event loop.
 */
final class WaitingWork {

  /**
   * Work for a patient; whether it makes the patient when there is none (a frame does; a query does not); and, for work
   * that may only take over a stored patient, what runs instead when there is none stored, or the store cannot say.
   */
  record Work(Runnable work, boolean makes, Runnable notStored) {

    /** True for work that may only take over a stored patient. */
    boolean storedOnly() {
      return notStored != null;
    }
  }

  private final List<Work> waiting = new ArrayList<>();

  WaitingWork(Work first) {
    waiting.add(first);
  }

  /** Queues {@code next} after the work waiting already. */
  void add(Work next) {
    waiting.add(next);
  }

  /**
   * The store could not say whether the patient was stored: the work that may only take over a stored patient is
   * refused. True when other work still waits, to take the patient over for.
   */
  boolean storeCannotSay() {
    List<Work> refused = waiting.stream().filter(Work::storedOnly).toList();
    waiting.removeIf(Work::storedOnly);
    refused.forEach(next -> next.notStored().run());
    return !waiting.isEmpty();
  }

  /**
   * The patient was not stored: the work first in line that makes no patient runs (that which may only take over a
   * stored patient is refused), up to the first work that makes it. True when such work still waits (a frame came
   * meanwhile), to take the patient over for.
   */
  boolean storeHasNone() {
    while (!waiting.isEmpty() && !waiting.get(0).makes()) {
      Work next = waiting.remove(0);
      (next.storedOnly() ? next.notStored() : next.work()).run();
    }
    return !waiting.isEmpty();
  }

  /** The patient is taken over here: every work waiting runs, in order. */
  void runAll() {
    waiting.forEach(next -> next.work().run());
  }
}
