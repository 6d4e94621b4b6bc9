package org.wardwatch.clinical;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which patients' changes wait for a store round, and which of them each round makes due. A patient is marked in the
 * round its first unstored change came in, and stays so however often it changes again, until it is stored: a patient
 * marked in a round is due a set number of rounds later, so a busy patient costs one store write per that many rounds
 * instead of one per frame, and the patients of a ward, marked as their frames come, fall due spread over the rounds
 * rather than all at once.
 *
 * <p>Decides when, not how: owned by the {@link PatientStoreWriter}, which ends a round every
 * {@link PatientStoreWriter#ROUND_MS} ms and stores the patients due. Pure; not thread-safe: lives on the clinical
 * engine verticle's event loop.
 */
final class StoreRounds {

  private final long rounds;
  /** The patients marked, oldest first, with the round in which each was marked. */
  private final Map<String, Long> marked = new LinkedHashMap<>();
  private long round;

  /** Rounds in which a patient falls due {@code rounds} rounds after the one it was marked in. */
  StoreRounds(long rounds) {
    this.rounds = rounds;
  }

  /** Marks the patient in this round; one marked already keeps its earlier round. */
  void mark(String patient) {
    marked.putIfAbsent(patient, round);
  }

  /** Takes the patient's mark away (it is being stored); true when it was marked. */
  boolean unmark(String patient) {
    return marked.remove(patient) != null;
  }

  /** The patients marked now, oldest first. */
  List<String> marked() {
    return List.copyOf(marked.keySet());
  }

  /** Ends a round: the patients marked {@code rounds} rounds ago or earlier, oldest first, their marks taken away. */
  List<String> endRound() {
    round++;
    List<String> due = new ArrayList<>();
    for (Iterator<Map.Entry<String, Long>> oldest = marked.entrySet().iterator(); oldest.hasNext(); ) {
      Map.Entry<String, Long> patient = oldest.next();
      if (patient.getValue() > round - rounds) {
        break;
      }
      due.add(patient.getKey());
      oldest.remove();
    }
    return due;
  }
}
