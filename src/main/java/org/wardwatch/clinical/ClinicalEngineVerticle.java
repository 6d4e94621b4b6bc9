package org.wardwatch.clinical;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.bus.Addresses;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;

/**
 * The clinical engine stage: owns the node's {@link WardState}, feeds it frame reports
 * ({@link Addresses#OBSERVATIONS}), device events ({@link Addresses#DEVICE_EVENTS}), clinicians' actions
 * ({@link Addresses#wardActions} from the bridge, {@link Addresses#PATIENT_ACTIONS} from REST) and a one-second
 * tick, then publishes what changed: patient snapshots to {@link Addresses#wardVitals}, alarm transitions to
 * {@link Addresses#wardAlarms} (and escalations to {@link Addresses#wardEscalations}), each transition also to the
 * {@link AuditTrail}. Answers the queries {@link Addresses#PATIENTS_LIST}, {@link Addresses#PATIENTS_GET},
 * {@link Addresses#PATIENTS_HISTORY} (from the state's {@link VitalsHistory}) and {@link Addresses#WARDS_LIST}.
 *
 * <p>Rules come from the file named by {@code rules.path} (reloaded when it changes), else the built-in
 * {@code conf/rules.json}. Deploy one instance per node.
 */
public class ClinicalEngineVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ClinicalEngineVerticle.class);
  private static final long TICK_MS = 1000;
  private static final int BAD_REQUEST = 400;
  private static final int NOT_FOUND = 404;

  private final String rulesPath;
  private final Set<String> wardsListening = new HashSet<>();
  private WardState engine;
  private AuditTrail audit;

  /** @param rulesPath the rules file, or {@code null} for the built-in rules */
  public ClinicalEngineVerticle(String rulesPath) {
    this.rulesPath = rulesPath;
  }

  @Override
  public Future<?> start() {
    audit = new AuditTrail(vertx);
    RulesFile rulesFile = new RulesFile(vertx, rulesPath);
    return rulesFile.load().compose(rules -> {
      engine = new WardState(rules);
      rulesFile.watch(engine::replaceRules);
      vertx.setPeriodic(TICK_MS, id -> publish(engine.tick(Instant.now())));
      EventBus bus = vertx.eventBus();
      MessageConsumer<JsonObject> reports = bus.localConsumer(Addresses.OBSERVATIONS,
          message -> publish(engine.apply(FrameReport.fromJson(message.body()), Instant.now())));
      MessageConsumer<JsonObject> devices = bus.localConsumer(Addresses.DEVICE_EVENTS, message -> publish(
          engine.deviceEvent(message.body().getString("event"),
              DeviceIdentity.fromJson(message.body().getJsonObject("source")),
              message.body().getString("reason"), Instant.now())));
      MessageConsumer<JsonObject> patientActions = bus.localConsumer(Addresses.PATIENT_ACTIONS,
          message -> act(message, message.body()));
      return Future.all(reports.completion(), devices.completion(), patientActions.completion(), answerQueries(bus));
    });
  }

  /** Starts answering the read-only queries of the REST API. */
  private Future<?> answerQueries(EventBus bus) {
    MessageConsumer<String> list = bus.localConsumer(Addresses.PATIENTS_LIST, message ->
        message.reply(message.body() == null ? engine.snapshots() : engine.snapshots(message.body())));
    MessageConsumer<String> get = bus.localConsumer(Addresses.PATIENTS_GET,
        message -> replyOrNotFound(message, message.body(), engine.snapshot(message.body())));
    MessageConsumer<JsonObject> history = bus.localConsumer(Addresses.PATIENTS_HISTORY, message -> {
      String patient = message.body().getString("patient");
      replyOrNotFound(message, patient, engine.history(patient, message.body().getInteger("minutes"), Instant.now()));
    });
    MessageConsumer<Object> wards = bus.localConsumer(Addresses.WARDS_LIST, message -> message.reply(engine.wards()));
    return Future.all(list.completion(), get.completion(), history.completion(), wards.completion());
  }

  private static void replyOrNotFound(Message<?> message, String patient, Optional<JsonObject> answer) {
    answer.ifPresentOrElse(message::reply, () -> message.fail(NOT_FOUND, "no patient " + patient));
  }

  /** Applies a clinician's action and answers its sender; a bad action gets a message saying what is wrong. */
  private void act(Message<JsonObject> message, JsonObject action) {
    try {
      WardState.Update update = AlarmActions.apply(engine, action, Instant.now());
      if ("assess".equals(action.getString("action"))) {
        audit.record(new JsonObject().put("at", Instant.now()).put("patient", action.getString("patient"))
            .put("type", "ASSESSMENT").put("actor", action.getString("user")).put("detail", action.encode()));
      }
      publish(update);
      message.reply(new JsonObject().put("ok", true).put("transitions", update.transitions().size()));
    } catch (WardState.UnknownTarget e) {
      message.fail(NOT_FOUND, e.getMessage());
    } catch (IllegalArgumentException e) {
      message.fail(BAD_REQUEST, e.getMessage());
    }
  }

  private void publish(WardState.Update update) {
    EventBus bus = vertx.eventBus();
    for (AlarmTransition transition : update.transitions()) {
      JsonObject json = transition.toJson();
      String ward = json.getString("ward");
      LOG.info("[{}] alarm {} {} {} by {}: {}", json.getString("patient"), transition.alarmId(), transition.type(),
          transition.priority(), transition.actor(), transition.detail());
      bus.publish(Addresses.wardAlarms(ward), json);
      if (transition.type() == TransitionType.ESCALATED) {
        bus.publish(Addresses.wardEscalations(ward), json);
      }
      audit.record(json).onFailure(error -> LOG.error("audit entry for {} not recorded", transition.alarmId(), error));
    }
    for (JsonObject entry : update.auditEntries()) {
      LOG.info("[{}] {} by {}: {}", entry.getString("patient"), entry.getString("type"), entry.getString("actor"),
          entry.getString("detail"));
      audit.record(entry).onFailure(error -> LOG.error("audit entry {} not recorded", entry.getString("type"), error));
    }
    for (JsonObject snapshot : update.snapshots()) {
      String ward = snapshot.getString("ward");
      listenForActions(ward);
      bus.publish(Addresses.wardVitals(ward), snapshot);
    }
  }

  /** Starts taking actions from the dashboards of {@code ward} the first time a patient of it appears. */
  private void listenForActions(String ward) {
    if (wardsListening.add(ward)) {
      vertx.eventBus().<JsonObject>consumer(Addresses.wardActions(ward), message -> act(message, message.body()));
    }
  }
}
