package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.bus.BusCodecs;
import org.wardwatch.bus.ReportBatch;
import org.wardwatch.cluster.ClusterConsumers;
import org.wardwatch.cluster.Membership;
import org.wardwatch.bus.Addresses;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

/** The clinical engine verticle on the bus, with a rules file on disk that changes while it runs. */
@ExtendWith(VertxExtension.class)
class ClinicalEngineVerticleTest {

  private static final String WARD = "reload";
  private static final String PULSE_ABOVE_150 = rules(150);

  @TempDir
  Path directory;
  private Path rulesFile;
  private Vertx vertx;
  private final BlockingQueue<JsonObject> alarms = new LinkedBlockingQueue<>();

  @BeforeEach
  void deploy(Vertx vertx) throws IOException {
    this.vertx = vertx;
    rulesFile = directory.resolve("rules.json");
    Files.writeString(rulesFile, PULSE_ABOVE_150);
    vertx.eventBus().<JsonObject>consumer(Addresses.wardAlarms(WARD),
            message -> alarms.add(message.body().getJsonObject("alarm")))
        .completion().await();
    ClusterConsumers consumers = new ClusterConsumers(vertx);
    BusCodecs.register(vertx);
    vertx.deployVerticle(new ClinicalEngineVerticle(rulesFile.toString(), ClinicalEngineVerticle.DEFAULT_MAX_PATIENTS,
        Membership.standalone(), PatientStore.none(), consumers)).await();
  }

  @Test
  void givenEditedRulesFileThenNewLimitsApplyWithoutRestart() throws Exception {
    observe("P1", 140);
    assertEquals(0, patient("P1").getJsonArray("alarms").size(), "140 is inside the first limit");

    rewrite(rules(120));
    awaitReload(() -> observe("P2", 140));

    JsonObject alarm = alarms.poll(10, TimeUnit.SECONDS);
    assertEquals("Pulse 140 /min above 120", alarm.getString("message"));
  }

  @Test
  void givenInvalidRulesFileThenRejectedAndRulesInForceStay() throws Exception {
    rewrite("{\"thresholds\": [{\"parameter\": \"PULSE\", \"above\": \"high\", \"priority\": \"HIGH\"}]}");
    Thread.sleep(3000);

    observe("P3", 160);

    assertEquals("Pulse 160 /min above 150", alarms.poll(10, TimeUnit.SECONDS).getString("message"));
  }

  private static String rules(int pulseLimit) {
    return "{\"news2\": {\"bandPriorities\": {\"LOW_MEDIUM\": \"NONE\", \"MEDIUM\": \"NONE\", \"HIGH\": \"NONE\"}},"
        + " \"thresholds\": [{\"parameter\": \"PULSE\", \"above\": " + pulseLimit + ", \"priority\": \"HIGH\"}]}";
  }

  private void rewrite(String content) throws IOException {
    Files.writeString(rulesFile, content);
    Files.setLastModifiedTime(rulesFile, FileTime.from(Instant.now().plusSeconds(5)));
  }

  /** Repeats {@code probe} until an alarm arrives: the file is checked every few seconds. */
  private void awaitReload(Runnable probe) throws InterruptedException {
    for (int attempt = 0; attempt < 20 && alarms.isEmpty(); attempt++) {
      probe.run();
      Thread.sleep(500);
    }
    assertTrue(!alarms.isEmpty(), "reloaded rules never applied");
  }

  private void observe(String patient, int pulse) {
    DeviceIdentity source = new DeviceIdentity("DEV-" + patient, patient, "1", WARD);
    Observation observation = new Observation(source, Parameter.PULSE, Parameter.PULSE.mdcCode(),
        BigDecimal.valueOf(pulse), Parameter.PULSE.unit(), null, Instant.now(), null, false);
    FrameReport report = WardStateFixtures.report(source, observation.gatewayTime(), List.of(observation), null, null);
    vertx.eventBus().request(Addresses.engineReports(Membership.standalone().self()), new ReportBatch(List.of(report)))
        .await(); // answered once recorded
  }

  private JsonObject patient(String key) {
    return vertx.eventBus().<JsonObject>request(Addresses.PATIENTS_GET, key).map(Message::body).await();
  }
}
