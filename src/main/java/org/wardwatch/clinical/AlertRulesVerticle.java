package org.wardwatch.clinical;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.bus.Addresses;
import org.wardwatch.model.Observation;

/**
 * The alert rules stage: consumes observations from {@link Addresses#OBSERVATIONS}, keeps the node's patient state
 * ({@link WardState}), and publishes every patient update to {@link Addresses#wardVitals} and every alarm change to
 * {@link Addresses#wardAlarms} of the patient's ward. Answers the patient queries {@link Addresses#PATIENTS_LIST} and
 * {@link Addresses#PATIENTS_GET}.
 *
 * <p>Rules come from the file named by {@code rules.path} (reloaded when it changes), else the built-in
 * {@code conf/rules.json}. Deploy one instance per node: it owns the patient state.
 */
public class AlertRulesVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(AlertRulesVerticle.class);

  private final String rulesPath;
  private WardState wards;

  /** @param rulesPath the rules file, or {@code null} for the built-in rules */
  public AlertRulesVerticle(String rulesPath) {
    this.rulesPath = rulesPath;
  }

  @Override
  public Future<?> start() {
    RulesFile rulesFile = new RulesFile(vertx, rulesPath);
    return rulesFile.load().compose(rules -> {
      wards = new WardState(new ThresholdEvaluator(rules));
      rulesFile.watch(reloaded -> wards.replaceRules(reloaded));
      EventBus bus = vertx.eventBus();
      MessageConsumer<JsonArray> observations = bus.localConsumer(Addresses.OBSERVATIONS,
          message -> publish(wards.apply(observationsOf(message.body()), Instant.now())));
      MessageConsumer<Object> list = bus.localConsumer(Addresses.PATIENTS_LIST,
          message -> message.reply(wards.snapshots()));
      MessageConsumer<String> get = bus.localConsumer(Addresses.PATIENTS_GET,
          message -> wards.snapshot(message.body()).ifPresentOrElse(message::reply,
              () -> message.fail(404, "no patient " + message.body())));
      return Future.all(observations.completion(), list.completion(), get.completion());
    });
  }

  private static List<Observation> observationsOf(JsonArray frame) {
    return frame.stream().map(JsonObject.class::cast).map(Observation::fromJson).toList();
  }

  private void publish(WardState.Update update) {
    EventBus bus = vertx.eventBus();
    for (AlarmEvent change : update.alarmChanges()) {
      LOG.info("[{}] alarm {} {} {}: {}", change.source().patientKey(), change.id(), change.state(),
          change.priority(), change.message());
      bus.publish(Addresses.wardAlarms(update.ward()), change.toJson());
    }
    bus.publish(Addresses.wardVitals(update.ward()), update.snapshot());
  }
}
