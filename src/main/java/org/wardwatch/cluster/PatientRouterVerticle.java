package org.wardwatch.cluster;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.ReportBatch;
import org.wardwatch.clinical.ActionTarget;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;

/**
 * Takes everything addressed to a patient on this node and hands it to the member that owns the patient
 * ({@link Membership#ownerOf}): accepted reports ({@link Addresses#OBSERVATIONS}, one {@link ReportBatch} per owner
 * and parsed read), device events ({@link Addresses#DEVICE_EVENTS}), REST actions ({@link Addresses#PATIENT_ACTIONS})
 * and trend queries ({@link Addresses#PATIENTS_HISTORY}) and, for every ward this node or another has routed a patient
 * of ({@link KnownWards}), the dashboards' actions ({@link Addresses#wardActions}). Exactly one clinical engine in the
 * cluster thus evaluates a patient, wherever its devices and browsers are connected.
 *
 * <p>Reports and device events are delivered in order per patient (reports because their sender waits for the answer,
 * device events through a {@link PatientMailbox}), and retried while the owner is unknown or gone (a member died, its
 * partitions migrate) for up to {@link #GIVE_UP_MS}, so a failover neither loses nor reorders them. Actions are
 * forwarded once, and their answer (or failure) goes back to who asked.
 */
public class PatientRouterVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(PatientRouterVerticle.class);
  /** How long a report or device event is retried before it is given up (and logged). */
  static final long GIVE_UP_MS = 20_000;
  private static final long RETRY_MS = 200;
  private static final long ATTEMPT_TIMEOUT_MS = 3_000;
  /** How often the {@link KnownWards} are checked, so any node takes any ward's dashboard actions. */
  private static final long WARD_SWEEP_MS = 5_000;

  private final Membership membership;
  private final ClusterConsumers consumers;
  private KnownWards knownWards;
  private final PatientMailbox mailbox = new PatientMailbox();
  private final Set<String> wardsRouted = new HashSet<>();

  public PatientRouterVerticle(Membership membership, ClusterConsumers consumers) {
    this.membership = membership;
    this.consumers = consumers;
  }

  @Override
  public Future<?> start() {
    knownWards = new KnownWards(vertx);
    EventBus bus = vertx.eventBus();
    MessageConsumer<ReportBatch> reports = bus.localConsumer(Addresses.OBSERVATIONS, message -> {
      List<FrameReport> batch = message.body().reports();
      batch.forEach(report -> listenForActions(report.source().wardOrDefault()));
      reportsToOwners(batch, System.currentTimeMillis() + GIVE_UP_MS).onComplete(delivered -> {
        if (delivered.succeeded()) {
          message.reply(new JsonObject().put("ok", true).put("resent", delivered.result()));
        } else {
          LOG.error("{} report(s) not delivered to their owners within {} ms: {}", batch.size(), GIVE_UP_MS,
              delivered.cause().getMessage());
          message.fail(503, delivered.cause().getMessage());
        }
      });
    });
    MessageConsumer<JsonObject> devices = bus.localConsumer(Addresses.DEVICE_EVENTS,
        message -> deviceEventToOwner(message.body()));
    MessageConsumer<JsonObject> actions = bus.localConsumer(Addresses.PATIENT_ACTIONS,
        message -> forward(message, message.body().getString("patient"), Addresses::engineActions));
    MessageConsumer<JsonObject> history = bus.localConsumer(Addresses.PATIENTS_HISTORY,
        message -> forward(message, message.body().getString("patient"), Addresses::engineHistory));
    vertx.setPeriodic(WARD_SWEEP_MS, id -> knownWards.all().onSuccess(wards -> wards.forEach(this::listenForActions)));
    return Future.all(reports.completion(), devices.completion(), actions.completion(), history.completion());
  }

  /**
   * A batch of reports: one {@link ReportBatch} per owner, each retried until its owner has it. Their sender sends its
   * next batch only after this one is answered, so a device's reports stay in order through retries; a retry of a
   * stamped report (one with a {@code Seq}) its owner did apply, the answer being lost, is recognised there as a
   * resend.
   *
   * @return the stamp keys of the reports their owners had applied already (resends)
   */
  private Future<JsonArray> reportsToOwners(List<FrameReport> reports, long deadline) {
    Map<String, List<FrameReport>> byOwner = new LinkedHashMap<>();
    for (FrameReport report : reports) {
      String patient = report.source().patientKey();
      if (patient != null) { // a device that never said who it is: there is no patient to tell
        byOwner.computeIfAbsent(String.valueOf(membership.ownerOf(patient)), owner -> new ArrayList<>()).add(report);
      }
    }
    List<Future<JsonArray>> groups = byOwner.entrySet().stream().map(group -> {
      Promise<JsonArray> delivered = Promise.promise();
      String owner = "null".equals(group.getKey()) ? null : group.getKey();
      sendReports(owner, new ReportBatch(group.getValue()), deadline, delivered);
      return delivered.future();
    }).toList();
    return Future.all(groups).map(done -> {
      JsonArray resent = new JsonArray();
      groups.forEach(group -> resent.addAll(group.result()));
      return resent;
    });
  }

  private void sendReports(String owner, ReportBatch batch, long deadline, Promise<JsonArray> delivered) {
    Future<Message<Object>> sent = owner == null
        ? Future.failedFuture("owner not known yet")
        : vertx.eventBus().request(Addresses.engineReports(owner), batch,
            new DeliveryOptions().setSendTimeout(ATTEMPT_TIMEOUT_MS));
    // On failure the owner may have changed (a member died): group again.
    sent.onSuccess(reply -> delivered.complete(((JsonObject) reply.body()).getJsonArray("resent", new JsonArray())))
        .onFailure(error -> retryLater(deadline, error, delivered,
            () -> reportsToOwners(batch.reports(), deadline).onComplete(delivered)));
  }

  /** Runs {@code again} after {@value #RETRY_MS} ms, or fails {@code delivered} with {@code error} once past the deadline. */
  private void retryLater(long deadline, Throwable error, Promise<?> delivered, Runnable again) {
    if (System.currentTimeMillis() >= deadline) {
      delivered.fail(error);
    } else {
      vertx.setTimer(RETRY_MS, id -> again.run());
    }
  }

  /** A device event: in order per patient, retried until the patient's owner has it. */
  private Future<Void> deviceEventToOwner(JsonObject body) {
    DeviceIdentity source = DeviceIdentity.fromJson(body.getJsonObject("source"));
    String patient = source.patientKey();
    if (patient == null) {
      return Future.succeededFuture(); // a device that never said who it is: there is no patient to tell
    }
    listenForActions(source.wardOrDefault());
    long deadline = System.currentTimeMillis() + GIVE_UP_MS;
    return mailbox.enqueue(patient, () -> deliver(patient, body, deadline))
        .onFailure(error -> LOG.error("[{}] not delivered to its owner within {} ms, dropped: {}", patient,
            GIVE_UP_MS, error.getMessage()));
  }

  private Future<Void> deliver(String patient, JsonObject body, long deadline) {
    Promise<Void> delivered = Promise.promise();
    attempt(patient, body, deadline, delivered);
    return delivered.future();
  }

  private void attempt(String patient, JsonObject body, long deadline, Promise<Void> delivered) {
    String owner = membership.ownerOf(patient);
    Future<Message<Object>> sent = owner == null
        ? Future.failedFuture("owner of " + patient + " not known yet")
        : vertx.eventBus().request(Addresses.engineDeviceEvents(owner), body,
            new DeliveryOptions().setSendTimeout(ATTEMPT_TIMEOUT_MS));
    sent.onSuccess(reply -> delivered.complete()).onFailure(error -> retryLater(deadline, error, delivered,
        () -> attempt(patient, body, deadline, delivered)));
  }

  /**
   * Starts taking the dashboards' actions of {@code ward} the first time this node routes a patient of it or finds it
   * among the {@link KnownWards} (and adds it there).
   */
  private void listenForActions(String ward) {
    if (wardsRouted.add(ward)) {
      knownWards.add(ward).onFailure(error -> LOG.warn("ward {} not added to the known wards", ward, error));
      consumers.<JsonObject>consumer(Addresses.wardActions(ward), message -> {
        JsonObject action = message.body();
        if ("sync".equals(action.getString("action"))) {
          message.reply(new JsonObject().put("ok", true));
        } else {
          forward(message, ActionTarget.patientOf(action), Addresses::engineActions);
        }
      });
    }
  }

  /** A request about {@code patient} goes to its owner's engine at {@code engineAddress}; the answer comes back. */
  private void forward(Message<JsonObject> message, String patient, Function<String, String> engineAddress) {
    if (patient == null || patient.isEmpty()) {
      message.fail(400, "'patient' or 'alarmId' is required");
      return;
    }
    String owner = membership.ownerOf(patient);
    if (owner == null) {
      message.fail(503, "the cluster is moving patient " + patient + " to another member; try again");
      return;
    }
    vertx.eventBus().<JsonObject>request(engineAddress.apply(owner), message.body())
        .onSuccess(reply -> message.reply(reply.body()))
        .onFailure(error -> message.fail(error instanceof ReplyException reply
            && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE ? reply.failureCode() : 503, error.getMessage()));
  }
}
