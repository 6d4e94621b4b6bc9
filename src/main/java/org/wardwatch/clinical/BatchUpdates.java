package org.wardwatch.clinical;

import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The updates the clinical engine makes of one report batch's frames in the turn of its event loop that received the
 * batch, merged by patient ({@link WardUpdate#then}) and published at the end of the turn: a patient with several
 * frames in a batch (a monitor sending what it held while its connection was down, a gateway relaying a ward) is
 * stored and announced once, with its latest snapshot and every transition, rather than once per frame. A patient
 * taken over only later (its stored state being read) has each update published as it is made. Each update's
 * publication counts its frames on the batch's {@link BatchReceipt}.
 *
 * <p>Not thread-safe: lives on the clinical engine verticle's event loop.
 */
final class BatchUpdates {

  /** The engine's log, as operators know it. */
  private static final Logger LOG = LoggerFactory.getLogger(ClinicalEngineVerticle.class);

  private final Function<WardUpdate, Future<Void>> publisher;
  private final BatchReceipt receipt;
  private final Map<String, Merged> byPatient = new LinkedHashMap<>();
  private boolean turnOver;

  /** The updates of a batch, to publish with {@code publisher}, counted on {@code receipt}. */
  BatchUpdates(Function<WardUpdate, Future<Void>> publisher, BatchReceipt receipt) {
    this.publisher = publisher;
    this.receipt = receipt;
  }

  /** The update of one frame of {@code patient}; published at the end of the turn, or at once after it. */
  void add(String patient, WardUpdate update) {
    if (turnOver) {
      publisher.apply(update).onComplete(receipt::recorded);
      return;
    }
    Merged merged = byPatient.get(patient);
    if (merged == null) {
      byPatient.put(patient, new Merged(update));
    } else {
      merged.update = merged.update.then(update);
      merged.frames++;
    }
  }

  /**
   * A frame of {@code patient} stamped {@code key} was applied already: once what the patient's earlier frames of this
   * batch changed is published, it is counted when the patient's change is stored ({@code stored}), as its original
   * was.
   */
  void resent(String patient, String key, Supplier<Future<Void>> stored) {
    LOG.info("[{}] frame {} applied already; acknowledged again, not applied twice", patient, key);
    Merged merged = byPatient.remove(patient);
    if (merged != null) {
      merged.publish();
    }
    receipt.resent(key);
    stored.get().onComplete(receipt::recorded);
  }

  /** Ends the turn: publishes every patient's merged update, in the order of their first frames. */
  void publishAll() {
    turnOver = true;
    byPatient.values().forEach(Merged::publish);
    byPatient.clear();
  }

  /** One patient's update of the turn, and how many frames it is of. */
  private final class Merged {

    private WardUpdate update;
    private int frames = 1;

    private Merged(WardUpdate update) {
      this.update = update;
    }

    private void publish() {
      int counted = frames;
      publisher.apply(update).onComplete(stored -> {
        for (int i = 0; i < counted; i++) {
          receipt.recorded(stored);
        }
      });
    }
  }
}
