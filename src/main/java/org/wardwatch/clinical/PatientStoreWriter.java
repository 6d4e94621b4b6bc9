package org.wardwatch.clinical;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the owner's changes reach the {@link PatientStore}. An update that changes an alarm or leaves an audit entry
 * (raised, cleared, acknowledged, escalated, an assessment, a limit override) is stored before it is published or
 * acknowledged, so no alarm and no clinician's action is lost with a node. Updates that only bring new vitals are
 * coalesced: the patient is marked and its latest state stored at the next {@link #flush()}, so at most the vitals of
 * the last flush interval are lost with a node, and a busy patient costs one store write per interval instead of one
 * per frame.
 *
 * <p>Not thread-safe: lives on the clinical engine verticle's event loop.
 */
final class PatientStoreWriter {

  private static final Logger LOG = LoggerFactory.getLogger(PatientStoreWriter.class);

  private final WardState engine;
  private final PatientStore store;
  private final Set<String> unstored = new LinkedHashSet<>();

  PatientStoreWriter(WardState engine, PatientStore store) {
    this.engine = engine;
    this.store = store;
  }

  /** Stores {@code update}'s patients now when it changes an alarm or is audited, else marks them for the next flush. */
  Future<Void> write(WardState.Update update) {
    if (update.transitions().isEmpty() && update.auditEntries().isEmpty()) {
      unstored.addAll(update.changedPatients());
      return Future.succeededFuture();
    }
    update.changedPatients().forEach(unstored::remove);
    return save(update.changedPatients());
  }

  /** Stores every patient changed since it was last stored. */
  Future<Void> flush() {
    if (unstored.isEmpty()) {
      return Future.succeededFuture();
    }
    List<String> patients = List.copyOf(unstored);
    unstored.clear();
    return save(patients);
  }

  private Future<Void> save(Iterable<String> patients) {
    List<Future<Void>> saved = new ArrayList<>();
    for (String key : patients) {
      engine.state(key).ifPresent(state -> saved.add(store.save(key, state, engine.snapshot(key).orElseThrow())));
    }
    return Future.join(saved).<Void>mapEmpty()
        .onFailure(error -> LOG.error("patient state not stored", error));
  }
}
