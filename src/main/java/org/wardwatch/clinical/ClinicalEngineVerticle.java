package org.wardwatch.clinical;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.MessageConsumerOptions;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.BusFailures;
import org.wardwatch.bus.BusRequests;
import org.wardwatch.bus.ReportBatch;
import org.wardwatch.cluster.ClusterConsumers;
import org.wardwatch.cluster.Membership;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.FrameStamp;

/**
 * The clinical engine of one member: evaluates the patients this member owns ({@link Membership#ownerOf}). Owns the
 * member's {@link WardState} and feeds it what every node hands over for those patients (frame reports from the parsing
 * stages, device events and clinicians' actions from the patient routers, on {@link Addresses#engineReports} and its
 * siblings) and a one-second tick (made a tenth of the patients at a time, every 100 ms). On a clustered node its
 * {@link PatientStoreWriter} stores the changed patients' state and snapshot in the {@link PatientStore} for a member
 * that takes the patient over: alarm changes and clinicians' actions before they are published, new vitals within about
 * a second; a standalone node stores nothing (no member could take over). Its {@link UpdatePublisher} publishes
 * snapshots to {@link Addresses#wardVitals} (a batch's frames shown once per patient), alarm transitions to
 * {@link Addresses#wardAlarms} (and escalations to {@link Addresses#wardEscalations}), and audit entries to the
 * {@link AuditTrail}. A patient it is handed for the first time is claimed and taken over from the store
 * ({@link PatientTakeover}), and a new one admitted only while it holds fewer than {@code patients.maxPerMember}
 * ({@link ReportIntake}); every few seconds it also takes over the stored patients it has come to own (a member died),
 * and it releases those it no longer owns as soon as the cluster reports a partition moved (and each second besides),
 * and those another member has claimed since (its store write is then fenced, and the change not published). Before
 * each tick it tells its engine which members are there, so that a device whose connection went with a member is
 * disconnected ({@link WardState#tick(Instant, int, int, java.util.Set)}).
 *
 * <p>Only a patient's owner changes it: work for a patient another member owns now is refused ({@link OwnerGate}), for
 * its sender to send it to the owner. Answers the REST queries ({@link PatientQueries}) and
 * {@link Addresses#engineHistory} from its {@link VitalsHistory}. Rules come from the file named by {@code rules.path}
 * (reloaded when it changes), else the built-in {@code conf/rules.json}. Deploy one instance per node. (Longer than
 * most verticles: it wires five inputs, three timers and the ownership watch, whose logic is in
 * {@link OwnerGate}, {@link ReportIntake}, {@link PatientTakeover} and {@link UpdatePublisher}.)
 */
public class ClinicalEngineVerticle extends VerticleBase {

  /** The most patients a member admits by default ({@code patients.maxPerMember}). */
  public static final int DEFAULT_MAX_PATIENTS = 20_000;
  private static final long TICK_MS = 1000;
  /** Each tick is made in this many shares of the patients, one every {@code TICK_MS / TICK_SLICES} ms. */
  private static final int TICK_SLICES = 10;
  /** How often the store is searched for patients this member has come to own. */
  private static final long TAKEOVER_SWEEP_MS = 2000;

  private final String rulesPath;
  private final int maxPatients;
  private final Membership membership;
  private final PatientStore store;
  private final ClusterConsumers consumers;
  /** The consumers of the engine's input (reports, device events, actions, history queries). */
  private final List<ClusterConsumers.Kept> inputs = new ArrayList<>();
  private WardState engine;
  private OwnerGate gate;
  private PatientTakeover takeover;
  private PatientStoreWriter writer;
  private UpdateAnnouncer announcer;
  private UpdatePublisher publisher;
  private ReportIntake intake;
  private Runnable stopWatchingOwnership = () -> { };

  /**
   * @param rulesPath   the rules file, or {@code null} for the built-in rules
   * @param maxPatients the most patients it holds and admits a new one beside ({@link ReportIntake})
   * @param membership  this member and the owner of each patient
   * @param store       where the patients' state is kept for the member that takes them over
   * @param consumers   where this engine's cluster-wide consumers are registered (and re-registered after a split)
   */
  public ClinicalEngineVerticle(String rulesPath, int maxPatients, Membership membership, PatientStore store,
      ClusterConsumers consumers) {
    this.rulesPath = rulesPath;
    this.maxPatients = maxPatients;
    this.membership = membership;
    this.store = store;
    this.consumers = consumers;
  }

  @Override
  public Future<?> start() {
    RulesFile rulesFile = new RulesFile(vertx, rulesPath);
    return rulesFile.load().compose(rules -> {
      engine = new WardState(rules);
      // a lambda, not takeover::has: the takeover, made next, asks this gate who owns a patient
      gate = new OwnerGate(vertx.eventBus(), membership, key -> takeover.has(key));
      takeover = new PatientTakeover(engine, records -> announcer.recordLeftOver(records), store::claim,
          key -> store.snapshot(key).map(Optional::isPresent), gate::ownedHere, vertx, PatientTakeover.GIVE_UP_MS);
      rulesFile.watch(engine::replaceRules);
      AuditTrail auditTrail = new AuditTrail(vertx);
      writer = new PatientStoreWriter(engine, store, membership.clustered(), takeover::epochOf, takeover::fenced,
          auditTrail::record);
      announcer = new UpdateAnnouncer(vertx.eventBus(), auditTrail::record, writer::recorded);
      publisher = new UpdatePublisher(writer, announcer, engine::holds);
      intake = new ReportIntake(engine, takeover, publisher, writer, maxPatients);
      MessageConsumer<Object> admission = vertx.eventBus().localConsumer(Addresses.PATIENTS_ADMISSION,
          message -> message.reply(intake.admission()));
      if (membership.clustered()) {
        vertx.setPeriodic(PatientStoreWriter.ROUND_MS, id -> writer.storeDue());
      }
      int[] nextSlice = {0};
      vertx.setPeriodic(TICK_MS / TICK_SLICES, id -> {
        if (!membership.hasQuorum()) {
          return; // cut off: the majority's members evaluate these patients, and would page escalations twice
        }
        int slice = nextSlice[0];
        nextSlice[0] = (slice + 1) % TICK_SLICES;
        if (slice == 0) {
          releaseLeaving();
          announcer.recordFailedAgain();
        }
        publisher.publish(engine.tick(Instant.now(), slice, TICK_SLICES, membership.connectionOrigins().orElse(null)));
      });
      vertx.setPeriodic(TAKEOVER_SWEEP_MS, id -> takeOverOwnedPatients());
      AtomicBoolean releaseQueued = new AtomicBoolean();
      stopWatchingOwnership = membership.onOwnershipMoved(() -> {
        if (releaseQueued.compareAndSet(false, true)) { // a rebalance moves many partitions at once: one check
          context.runOnContext(moved -> {
            releaseQueued.set(false);
            releaseLeaving();
          });
        }
      });
      Future<Void> reports = input(Addresses.engineReports(membership.self()), this::apply);
      Future<Void> devices = input(Addresses.engineDeviceEvents(membership.self()), this::deviceEvent);
      Future<Void> actions = this.<JsonObject>input(Addresses.engineActions(membership.self()), message -> {
        String patient = ActionTarget.patientOf(message.body());
        if (!gate.refused(patient, message, true)) {
          takeover.withExisting(patient, () -> act(message));
        }
      });
      Future<Void> history = this.<JsonObject>input(Addresses.engineHistory(membership.self()), message -> {
        String patient = message.body().getString("patient");
        if (!gate.refused(patient, message, false)) {
          takeover.withExisting(patient, () -> PatientQueries.replyOrNotFound(message, patient,
              engine.view().history(patient, message.body().getInteger("minutes"), Instant.now())));
        }
      });
      return Future.all(List.of(reports, devices, actions, history, admission.completion(),
          new PatientQueries(engine, store, writer, membership.clustered()).answerOn(vertx.eventBus())));
    });
  }

  /** Stores the latest of every patient for the members that take them over (a standalone node stores nothing). */
  @Override
  public Future<?> stop() {
    stopWatchingOwnership.run();
    // No more input first: a frame applied during the final store writes would be acknowledged and never stored.
    return Future.join(inputs.stream().map(ClusterConsumers.Kept::unregister).toList()).transform(closed -> {
      if (takeover != null) {
        takeover.stop();
      }
      return writer == null ? Future.succeededFuture() : writer.flush();
    });
  }

  /** Registers a cluster-wide consumer of the engine's input, to be unregistered first when it stops. */
  private <T> Future<Void> input(String address, Handler<Message<T>> handler) {
    ClusterConsumers.Kept input = consumers.keep(new MessageConsumerOptions().setAddress(address), handler);
    inputs.add(input);
    return input.completion();
  }

  /**
   * Applies a batch of reports ({@link ReportIntake}), then answers the sender with the {@link FrameStamp#key()}s of
   * those not applied as their frame had been already (resends) and the patients not admitted. A batch with a patient
   * another member owns now is refused whole, unapplied (the sender sends it again to the owners); one whose change
   * could not be stored is refused once applied (its frames are resent, and then recognised as resends).
   */
  private void apply(Message<ReportBatch> message) {
    List<FrameReport> reports = message.body().reports();
    for (FrameReport report : reports) {
      if (gate.refused(report.source().patientKey(), message, true)) {
        return;
      }
    }
    intake.apply(message.body(), new BatchReceipt(reports.size() + 1, // and the batch's snapshots, once shown
        applied -> BusRequests.answer(vertx.eventBus(), message, applied),
        error -> gate.refuseNotStored(message, error, true)));
  }

  /**
   * Applies a device event ({@link WardState#deviceEvent}) and, once stored, answers its sender; a malformed one is
   * refused with what is wrong.
   */
  private void deviceEvent(Message<JsonObject> message) {
    DeviceEvent event;
    try {
      event = DeviceEvent.fromJson(message.body());
    } catch (IllegalArgumentException e) {
      message.fail(BusFailures.BAD_REQUEST, e.getMessage());
      return;
    }
    String patient = event.source().patientKey();
    if (gate.refused(patient, message, true)) {
      return;
    }
    Runnable work = () -> answerOnceStored(patient, message, engine.deviceEvent(event, Instant.now()));
    if (event.admits()) { // its invalid-signal alarm admits a patient not monitored yet
      intake.admitting(patient, work, notAdmitted -> message.reply(new JsonObject().put("ok", true)));
    } else {
      takeover.withExisting(patient, work);
    }
  }

  /** Publishes {@code update} of the patient and, once stored, acknowledges it (refused when it cannot be stored). */
  private void answerOnceStored(String patientKey, Message<JsonObject> message, WardUpdate update) {
    publishStored(patientKey, update).onSuccess(stored -> message.reply(new JsonObject().put("ok", true)))
        .onFailure(error -> gate.refuseNotStored(message, error, true));
  }

  /**
   * Publishes {@code update}, a request's change to {@code patient} (or null), and completes once it is stored. One
   * that changes nothing (a repeated acknowledgement, a device event retried) completes once the patient's state is
   * stored: the request that did make the change may have been refused for its write, still in flight or failed, and
   * its repeat must not be told the change is safe before it is.
   */
  private Future<Void> publishStored(String patient, WardUpdate update) {
    Future<Void> published = publisher.publish(update);
    return patient == null || !update.changedPatients().isEmpty() ? published
        : published.compose(done -> writer.stored(patient));
  }

  /**
   * Stops evaluating the patients another member owns now: once each one's latest state is stored (for its new
   * owner), written now or by a write still in flight, releases them; if a write fails they are kept, to be stored and
   * released at the next check (released, their only copy would be gone). Made at once when the cluster reports a
   * partition moved, and each second besides.
   */
  private void releaseLeaving() {
    List<String> leaving = takeover.leaving();
    if (!leaving.isEmpty()) {
      Future.all(leaving.stream().map(writer::stored).toList())
          .onSuccess(stored -> leaving.stream().filter(takeover::has).forEach(takeover::release));
    }
  }

  /** Takes over the stored patients this member owns and does not hold yet: those of a member that died. */
  private void takeOverOwnedPatients() {
    if (membership.hasQuorum()) { // else cut off, it owns every patient in its own view
      store.keys().onSuccess(keys -> takeover.takeOverOwned(keys, key -> publisher.publish(engine.shownAgain(key))));
    }
  }

  /** Applies a clinician's action and answers its sender; a bad action gets a message saying what is wrong. */
  private void act(Message<JsonObject> message) {
    JsonObject action = message.body();
    try {
      WardUpdate update = engine.attributed(AlarmActions.apply(engine, action, Instant.now()),
          action.getValue("origin") instanceof String origin ? origin : null);
      publishStored(ActionTarget.patientOf(action), update)
          .onSuccess(stored -> message.reply(new JsonObject().put("ok", true)
              .put("transitions", update.transitions().size())))
          .onFailure(error -> gate.refuseNotStored(message, error, update.discharged().isEmpty()));
    } catch (ActionRefused e) {
      message.fail(e.failureCode(), e.getMessage());
    } catch (IllegalArgumentException e) {
      message.fail(BusFailures.BAD_REQUEST, e.getMessage());
    }
  }
}
