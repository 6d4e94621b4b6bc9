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
import io.vertx.core.json.JsonObject;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.BusFailures;
import org.wardwatch.clinical.ActionTarget;
import org.wardwatch.model.DeviceIdentity;

/**
 * Takes what is addressed to a patient on this node, other than its devices' reports (which the parsing stages hand
 * to the owner themselves, see {@link ReportHandOff}), and hands it to the member that owns the patient
 * ({@link Membership#ownerOf}): device events ({@link Addresses#DEVICE_EVENTS}), REST actions
 * ({@link Addresses#PATIENT_ACTIONS}), trend queries ({@link Addresses#PATIENTS_HISTORY}) and the actions of the
 * ward screens this node serves ({@link Addresses#WARD_ACTIONS}). Exactly one clinical engine in the cluster thus
 * evaluates a patient, wherever its devices and browsers are connected.
 *
 * <p>Device events are delivered in order per patient (through a {@link PatientMailbox}) and retried while the owner
 * is unknown or gone ({@link OwnerRetries}), so a failover neither loses nor reorders them. Actions and queries are
 * sent again while they reach no owner (within {@link OwnerRetries#ASK_GIVE_UP_MS}), never once one may have taken
 * them, and their answer (or failure) goes back to who asked.
 */
public class PatientRouterVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(PatientRouterVerticle.class);

  private final Membership membership;
  private final PatientMailbox mailbox = new PatientMailbox();

  public PatientRouterVerticle(Membership membership) {
    this.membership = membership;
  }

  @Override
  public Future<?> start() {
    EventBus bus = vertx.eventBus();
    MessageConsumer<Object> screens = bus.localConsumer(Addresses.WARD_ACTIONS, this::screenAction);
    MessageConsumer<JsonObject> devices = bus.localConsumer(Addresses.DEVICE_EVENTS,
        message -> deviceEventToOwner(message.body()));
    MessageConsumer<JsonObject> actions = bus.localConsumer(Addresses.PATIENT_ACTIONS,
        message -> forward(message, message.body(), message.body().getString("patient"), Addresses::engineActions));
    MessageConsumer<JsonObject> history = bus.localConsumer(Addresses.PATIENTS_HISTORY,
        message -> forward(message, message.body(), message.body().getString("patient"), Addresses::engineHistory));
    return Future.all(screens.completion(), devices.completion(), actions.completion(), history.completion());
  }

  /** A device event: in order per patient, retried until the patient's owner has it. */
  private Future<Void> deviceEventToOwner(JsonObject body) {
    DeviceIdentity source = DeviceIdentity.fromJson(body.getJsonObject("source"));
    String patient = source.patientKey();
    if (patient == null) {
      return Future.succeededFuture(); // a device that never said who it is: there is no patient to tell
    }
    // The deadline runs from the first attempt: an event queued behind a slow one still gets its full retries.
    return mailbox.enqueue(patient, () -> deliver(patient, body, OwnerRetries.deadline()))
        .onFailure(error -> LOG.error("[{}] not delivered to its owner within {} ms, dropped: {}", patient,
            OwnerRetries.GIVE_UP_MS, error.getMessage()));
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
        : vertx.eventBus().request(Addresses.engineDeviceEvents(owner), body, OwnerRetries.ATTEMPT);
    sent.onSuccess(reply -> delivered.complete()).onFailure(error -> OwnerRetries.retryLater(vertx, deadline, error,
        delivered, () -> attempt(patient, body, deadline, delivered)));
  }

  /** An action of a ward's screen, addressed here by this node's bridge with the ward it was sent to. */
  private void screenAction(Message<Object> message) {
    String ward = message.headers().get(Addresses.WARD_HEADER);
    if (!(message.body() instanceof JsonObject action)) {
      message.fail(BusFailures.BAD_REQUEST, "an action is a JSON object, e.g. {\"action\": \"acknowledge\", "
          + "\"alarmId\": ..., \"user\": ...}");
    } else if (ward == null) {
      message.fail(BusFailures.BAD_REQUEST, "an action names its ward: it is sent to the ward's actions address");
    } else if (Addresses.SYNC_ACTION.equals(action.getString("action"))) {
      message.reply(new JsonObject().put("ok", true));
    } else {
      // the ward whose screen made it: a ward's screens act on that ward's patients and alarms only
      forward(message, action.put("ward", ward), ActionTarget.patientOf(action), Addresses::engineActions);
    }
  }

  /**
   * A request about {@code patient}, {@code body}, goes to its owner's engine at {@code engineAddress}; the answer
   * comes back to {@code message}'s sender.
   */
  private void forward(Message<?> message, JsonObject body, String patient, Function<String, String> engineAddress) {
    if (patient == null || patient.isEmpty()) {
      if (body.getValue("alarmId") instanceof String alarmId) {
        message.fail(BusFailures.NOT_FOUND, "no alarm " + alarmId);
      } else {
        message.fail(BusFailures.BAD_REQUEST, "'patient' or 'alarmId' is required");
      }
      return;
    }
    Promise<Message<JsonObject>> answered = Promise.promise();
    ask(patient, body, engineAddress, System.currentTimeMillis() + OwnerRetries.ASK_GIVE_UP_MS, answered);
    answered.future()
        .onSuccess(reply -> message.reply(reply.body()))
        .onFailure(error -> message.fail(error instanceof ReplyException reply && !OwnerRetries.reachedNoOwner(reply)
            && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE ? reply.failureCode() : BusFailures.UNAVAILABLE,
            error.getMessage()));
  }

  /**
   * Asks {@code patient}'s owner, again while none took the request, until {@code deadline}; each attempt awaits the
   * answer until then, and at least {@link OwnerRetries#ATTEMPT_MS} (an owner still taking the patient over).
   */
  private void ask(String patient, JsonObject body, Function<String, String> engineAddress, long deadline,
      Promise<Message<JsonObject>> answered) {
    String owner = membership.ownerOf(patient);
    long wait = Math.max(OwnerRetries.ATTEMPT_MS, deadline - System.currentTimeMillis());
    Future<Message<JsonObject>> asked = owner == null
        ? Future.failedFuture(new ReplyException(ReplyFailure.NO_HANDLERS,
            "the cluster is moving patient " + patient + " to another member; try again"))
        : vertx.eventBus().request(engineAddress.apply(owner), body, new DeliveryOptions().setSendTimeout(wait));
    asked.onSuccess(answered::complete).onFailure(error -> OwnerRetries.askAgainLater(vertx, deadline, error,
        answered, () -> ask(patient, body, engineAddress, deadline, answered)));
  }
}
