package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.BusCodecs;
import org.wardwatch.bus.PatientSnapshot;
import org.wardwatch.bus.ReportBatch;
import org.wardwatch.cluster.ClusterConsumers;
import org.wardwatch.cluster.Membership;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

/**
 * A clinical engine on a real clustered member whose claim on a patient another member has fenced (the partition
 * moved and the new owner took the patient over): the alarm change it makes then is neither published (nor the
 * snapshot that shows it) nor answered as safe, and its sender's resend is carried on from the stored state, once.
 * And one whose writes fail: a change is not answered as safe, nor its repeat, before it is stored.
 */
class FencedOwnerTest {

  private static final DeviceIdentity MONITOR = HandOver.MONITOR;
  /** A patient of the same ward whose key falls in the same tick slice as {@code MONITOR}'s (see TickSlices). */
  private static final DeviceIdentity NEIGHBOUR = new DeviceIdentity("mon-12", "P12", "12", "surgery");
  /** {@link HandOver#THRESHOLD_RULES} with a HIGH alarm escalated after one second unacknowledged. */
  private static final String RULES = HandOver.THRESHOLD_RULES.replace("\"HIGH\": 10}", "\"HIGH\": 1}");

  @TempDir
  Path directory;
  private StoreCluster cluster;
  private UnreliableStore store;
  private Membership membership;
  private final BlockingQueue<JsonObject> alarms = new LinkedBlockingQueue<>();
  private final BlockingQueue<PatientSnapshot> vitals = new LinkedBlockingQueue<>();

  @BeforeEach
  void deploy() throws Exception {
    cluster = new StoreCluster();
    membership = Membership.of(cluster.hazelcast, 1);
    Path rules = Files.writeString(directory.resolve("rules.json"), RULES);
    cluster.vertx.eventBus().<JsonObject>consumer(Addresses.wardAlarms(MONITOR.wardOrDefault()),
        message -> alarms.add(message.body())).completion().await();
    cluster.vertx.eventBus().<PatientSnapshot>consumer(Addresses.wardVitals(MONITOR.wardOrDefault()),
        message -> vitals.add(message.body())).completion().await();
    BusCodecs.register(cluster.vertx);
    cluster.vertx.deployVerticle(new ClinicalEngineVerticle(rules.toString(),
        ClinicalEngineVerticle.DEFAULT_MAX_PATIENTS, membership, store = new UnreliableStore(cluster.store),
        new ClusterConsumers(cluster.vertx))).await();
  }

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void givenAnotherMembersClaim_thenTheAlarmChangeIsRefusedUnpublishedAndTheResendRaisesItOnce() throws Exception {
    report(MONITOR, Parameter.PULSE, 170);
    assertEquals("THRESHOLD:PULSE", next("RAISED").getString("condition"), "raised and stored by this member");
    assertEquals(1L, vitals.poll(5, TimeUnit.SECONDS).toJson().getLong("seq"));

    cluster.await(() -> cluster.store.claim(MONITOR.patientKey())); // another member takes the patient over
    CompletionException refused = assertThrows(CompletionException.class, // a batch of two: shown at its end
        () -> report(MONITOR, Parameter.SPO2, 86, 85));

    assertEquals(Addresses.NOT_OWNED_HERE, assertInstanceOf(ReplyException.class, refused.getCause()).failureCode(),
        "for its sender to send it again to the owner");
    assertNull(alarms.poll(500, TimeUnit.MILLISECONDS), "a fenced change is not published");
    assertNull(vitals.poll(100, TimeUnit.MILLISECONDS), "nor the snapshot that shows it, with its alarm");

    report(MONITOR, Parameter.SPO2, 85); // sent again: this member owns the patient still, and takes it over afresh
    assertEquals("THRESHOLD:SPO2", next("RAISED").getString("condition"));
    assertEquals("THRESHOLD:PULSE", next("ESCALATED").getString("condition"),
        "the pulse alarm carried on from the store, escalated, not raised again");
  }

  @Test
  void givenAnotherMembersClaim_thenAnAcknowledgementMadeHereIsRefusedForItsRouterToAskTheOwnerAgain()
      throws Exception {
    report(MONITOR, Parameter.PULSE, 170);
    String alarmId = next("RAISED").getString("id");

    cluster.await(() -> cluster.store.claim(MONITOR.patientKey())); // another member takes the patient over
    ReplyException refused = assertThrows(ReplyException.class, () -> cluster.vertx.eventBus()
        .request(Addresses.engineActions(membership.self()), new JsonObject().put("action", "acknowledge")
            .put("alarmId", alarmId).put("user", HandOver.NURSE)).await());

    assertEquals(Addresses.NOT_OWNED_HERE, refused.failureCode(), refused.getMessage());
    assertNull(alarms.poll(500, TimeUnit.MILLISECONDS), "the acknowledgement is not published");
  }

  @Test
  void givenAnAcknowledgementNotStored_thenItsRepeatIsAnsweredOnlyOnceTheAcknowledgementIsStored() throws Exception {
    report(MONITOR, Parameter.PULSE, 170);
    JsonObject acknowledge = new JsonObject().put("action", "acknowledge")
        .put("alarmId", next("RAISED").getString("id")).put("user", HandOver.NURSE);
    store.failSaves(true);

    assertEquals(503, refusal(acknowledge).failureCode(), "applied here, not stored");
    assertEquals(503, refusal(acknowledge).failureCode(), "the repeat changes nothing here; the change is not stored");
    store.failSaves(false);
    assertEquals(true, cluster.vertx.eventBus().<JsonObject>request(Addresses.engineActions(membership.self()),
        acknowledge).await().body().getBoolean("ok"));
    JsonObject stored = cluster.await(() -> cluster.store.snapshot(MONITOR.patientKey())).orElseThrow();
    assertEquals("ACTIVE_ACKNOWLEDGED", stored.getJsonArray("alarms").getJsonObject(0).getString("state"));
  }

  private ReplyException refusal(JsonObject action) {
    return assertThrows(ReplyException.class, () -> cluster.vertx.eventBus()
        .request(Addresses.engineActions(membership.self()), action).await());
  }

  /** A refused frame's invalid-signal alarm not stored: its event's retry, which changes nothing here, neither. */
  @Test
  void givenARefusalsAlarmNotStored_thenItsRetryIsAnsweredOnlyOnceTheAlarmIsStored() throws Exception {
    report(MONITOR, Parameter.PULSE, 80);
    JsonObject refused = DeviceEvent.rejected(MONITOR, "Pulse 400 /min is implausible", Instant.now()).toJson();
    store.failSaves(true);

    for (String attempt : List.of("raised here, not stored", "its retry changes nothing; the alarm is not stored")) {
      assertEquals(503, assertThrows(ReplyException.class, () -> cluster.vertx.eventBus()
          .request(Addresses.engineDeviceEvents(membership.self()), refused).await()).failureCode(), attempt);
    }
    store.failSaves(false);
    assertEquals(true, cluster.vertx.eventBus().<JsonObject>request(Addresses.engineDeviceEvents(membership.self()),
        refused).await().body().getBoolean("ok"));
    JsonObject stored = cluster.await(() -> cluster.store.snapshot(MONITOR.patientKey())).orElseThrow();
    assertEquals("TECHNICAL:INVALID_SIGNAL", stored.getJsonArray("technicalAlarms").getJsonObject(0)
        .getString("condition"));
  }

  @Test
  void givenAnotherMembersClaim_thenADischargeMadeHereIsRefusedNotAskedAgainAsItsAuditIsWritten() throws Exception {
    report(MONITOR, Parameter.PULSE, 80);
    cluster.vertx.eventBus().request(Addresses.engineDeviceEvents(membership.self()),
        DeviceEvent.disconnected(MONITOR, null, null).toJson()).await(); // no longer monitored: it may be discharged

    cluster.await(() -> cluster.store.claim(MONITOR.patientKey())); // another member takes the patient over
    ReplyException refused = assertThrows(ReplyException.class, () -> cluster.vertx.eventBus()
        .request(Addresses.engineActions(membership.self()), new JsonObject().put("action", "discharge")
            .put("patient", MONITOR.patientKey()).put("user", HandOver.NURSE)).await());

    assertEquals(503, refused.failureCode(), refused.getMessage());
  }

  @Test
  void givenOnePatientOfATickFenced_thenTheOtherPatientsEscalationsOfThatTickArePublishedAndItsAreNot()
      throws Exception {
    report(MONITOR, Parameter.PULSE, 170);
    report(NEIGHBOUR, Parameter.PULSE, 170);
    assertEquals("P1", next("RAISED").getString("patient"));
    assertEquals("P12", next("RAISED").getString("patient"));

    cluster.await(() -> cluster.store.claim(MONITOR.patientKey())); // another member takes P1 over

    List<String> published = new ArrayList<>();
    for (long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2500); System.nanoTime() < end; ) {
      JsonObject transition = alarms.poll(100, TimeUnit.MILLISECONDS);
      if (transition != null) {
        published.add(transition.getString("type") + " " + transition.getString("patient") + " #"
            + transition.getJsonObject("alarm").getInteger("escalations"));
      }
    }
    List<String> eachOnce = IntStream.rangeClosed(1, Math.max(1, published.size()))
        .mapToObj(count -> "ESCALATED P12 #" + count).toList();
    assertEquals(eachOnce, published,
        "the neighbour's escalations, stored, are published, each once; nothing of the fenced patient");
  }

  /** The next transition published, which must be of {@code type}; its alarm. */
  private JsonObject next(String type) throws InterruptedException {
    JsonObject transition = alarms.poll(5, TimeUnit.SECONDS);
    assertEquals(type, transition == null ? null : transition.getString("type"), () -> String.valueOf(transition));
    return transition.getJsonObject("alarm");
  }

  /** Sends one batch of a frame per value of {@code parameter}. */
  private void report(DeviceIdentity source, Parameter parameter, int... values) {
    List<FrameReport> reports = new ArrayList<>();
    for (int value : values) {
      Observation observation = new Observation(source, parameter, parameter.mdcCode(), BigDecimal.valueOf(value),
          parameter.unit(), null, Instant.now(), null, false);
      reports.add(WardStateFixtures.report(source, observation.gatewayTime(), List.of(observation), null, null));
    }
    cluster.vertx.eventBus().request(Addresses.engineReports(membership.self()), new ReportBatch(reports))
        .toCompletionStage().toCompletableFuture().join(); // answered once stored, refused once fenced
  }
}
