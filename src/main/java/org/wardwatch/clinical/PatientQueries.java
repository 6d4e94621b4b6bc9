package org.wardwatch.clinical;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.BusFailures;
import org.wardwatch.bus.PatientSnapshot;

/**
 * The clinical engine's answers to the REST API's read-only queries ({@link Addresses#PATIENTS_LIST},
 * {@link Addresses#PATIENTS_GET}, {@link Addresses#WARDS_LIST}): on a clustered node from the cluster-wide
 * {@link PatientStore}, once this member's own latest changes are in it (other members' are at most about a second
 * old); on a standalone one from the engine, which holds every patient.
 *
 * <p>Not thread-safe: lives on the clinical engine verticle's event loop, which registers it.
 */
final class PatientQueries {

  private final WardState engine;
  private final PatientStore store;
  private final PatientStoreWriter writer;
  private final boolean clustered;

  PatientQueries(WardState engine, PatientStore store, PatientStoreWriter writer, boolean clustered) {
    this.engine = engine;
    this.store = store;
    this.writer = writer;
    this.clustered = clustered;
  }

  /** Starts answering on {@code bus} (node-local consumers); completes once they are registered. */
  Future<?> answerOn(EventBus bus) {
    MessageConsumer<String> list = bus.localConsumer(Addresses.PATIENTS_LIST, message ->
        snapshots(message.body()).onSuccess(snapshots -> message.reply(new JsonArray(snapshots.stream()
            .sorted(Comparator.comparing((JsonObject snapshot) -> snapshot.getString("patient")))
            .toList()))).onFailure(error -> message.fail(BusFailures.FAILED, error.getMessage())));
    MessageConsumer<String> get = bus.localConsumer(Addresses.PATIENTS_GET, message -> snapshot(message.body())
        .onSuccess(snapshot -> replyOrNotFound(message, message.body(), snapshot))
        .onFailure(error -> message.fail(BusFailures.FAILED, error.getMessage())));
    MessageConsumer<Object> wards = bus.localConsumer(Addresses.WARDS_LIST, message -> wardSummary()
        .onSuccess(message::reply)
        .onFailure(error -> message.fail(BusFailures.FAILED, error.getMessage())));
    return Future.all(list.completion(), get.completion(), wards.completion());
  }

  /** Replies {@code answer}, or fails {@code message} as not found (404) naming {@code patient}. */
  static void replyOrNotFound(Message<?> message, String patient, Optional<JsonObject> answer) {
    answer.ifPresentOrElse(message::reply, () -> message.fail(BusFailures.NOT_FOUND, "no patient " + patient));
  }

  /** The snapshot of every patient of {@code ward} (every patient when null); standalone, only the ward's encoded. */
  private Future<List<JsonObject>> snapshots(String ward) {
    return clustered
        ? storedSnapshots().map(all -> all.stream()
            .filter(snapshot -> ward == null || ward.equals(snapshot.getString("ward"))).toList())
        : Future.succeededFuture(engine.view().snapshots(ward).stream().map(PatientSnapshot::toJson).toList());
  }

  /** The ward picker's lines. */
  private Future<JsonArray> wardSummary() {
    return clustered ? storedSnapshots().map(WardSummary::of) : Future.succeededFuture(engine.view().wardSummary());
  }

  private Future<List<JsonObject>> storedSnapshots() {
    return writer.flush().transform(flushed -> store.snapshots());
  }

  /** The patient's snapshot: on a clustered node the stored one, after storing this member's latest of it. */
  private Future<Optional<JsonObject>> snapshot(String patient) {
    return clustered ? writer.flush(List.of(patient)).transform(flushed -> store.snapshot(patient))
        : Future.succeededFuture(engine.view().snapshot(patient).map(PatientSnapshot::toJson));
  }
}
