package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wardwatch.bus.PatientSnapshot;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

/** When the owner's changes reach a real clustered store, and what it does when another member fenced it off. */
class PatientStoreWriterTest {

  private static final String PATIENT = HandOver.MONITOR.patientKey();

  @RegisterExtension
  static final StoreCluster CLUSTER = new StoreCluster();

  private final WardState engine = new WardState(ClinicalRules.fromJson(new JsonObject(HandOver.THRESHOLD_RULES)));
  private final List<String> fenced = new CopyOnWriteArrayList<>();
  /** The audit trail, by entry key; it takes no writes while {@link #auditReachable} is false. */
  private final Map<String, JsonObject> audited = new ConcurrentHashMap<>();
  private volatile boolean auditReachable = true;
  private long epoch;
  private PatientStoreWriter writer;

  @BeforeEach
  void setUp() throws Exception {
    CLUSTER.clear();
    epoch = CLUSTER.await(() -> CLUSTER.store.claim(PATIENT)).epoch();
    writer = new PatientStoreWriter(engine, CLUSTER.store, true, patient -> epoch,
        (patient, epochFenced) -> {
          fenced.add(patient);
          return Future.succeededFuture(false); // dropped here, as another member took it over
        }, this::audit);
  }

  @Test
  void newVitalsAreStoredASecondOfRoundsLaterNotAtOnce() throws Exception {
    await(() -> writer.write(HandOver.frame(HandOver.at(0), "PULSE=80").apply(engine)));

    for (int round = 1; round < PatientStoreWriter.MAX_UNSTORED_MS / PatientStoreWriter.ROUND_MS; round++) {
      await(writer::storeDue);
      assertFalse(stored().isPresent(), "stored after round " + round);
    }
    await(writer::storeDue);
    assertEquals(80, stored().orElseThrow().getJsonObject("vitals").getJsonObject("PULSE").getInteger("value"));
  }

  @Test
  void aPatientIsDueByItsFirstUnstoredChange() throws Exception {
    await(() -> writer.write(HandOver.frame(HandOver.at(0), "PULSE=80").apply(engine)));
    for (int round = 1; round < PatientStoreWriter.MAX_UNSTORED_MS / PatientStoreWriter.ROUND_MS; round++) {
      await(writer::storeDue);
      WardUpdate newVitals = HandOver.frame(HandOver.at(round), "PULSE=" + (80 + round)).apply(engine);
      await(() -> writer.write(newVitals));
    }
    await(writer::storeDue);
    assertEquals(89, stored().orElseThrow().getJsonObject("vitals").getJsonObject("PULSE").getInteger("value"));
  }

  @Test
  void anAlarmChangeIsStoredBeforeItsWriteCompletes() throws Exception {
    WardUpdate raised = HandOver.frame(HandOver.at(0), "PULSE=170").apply(engine);
    assertFalse(raised.transitions().isEmpty());

    await(() -> writer.write(raised));

    assertEquals(1, stored().orElseThrow().getJsonArray("alarms").size());
  }

  @Test
  void anAssessmentChangingNoAlarmIsStoredBeforeItsWriteCompletesForItIsAudited() throws Exception {
    await(() -> writer.write(HandOver.frame(HandOver.at(0), "PULSE=80").apply(engine)));
    WardUpdate assessed = engine.assess(PATIENT, new Assessment(Consciousness.V, null, null, null), "nurse.kim",
        HandOver.at(1));
    assertEquals(List.of(), assessed.transitions());

    await(() -> writer.write(assessed));

    assertEquals("V", stored().orElseThrow().getJsonObject("consciousness").getString("value"));
  }

  @Test
  void aResendWaitsForItsPatientsChangesNotStoredYetWhichAreStoredThen() throws Exception {
    await(() -> writer.write(HandOver.frame(HandOver.at(0), "PULSE=80").apply(engine)));
    assertFalse(stored().isPresent(), "new vitals wait for their round");

    await(() -> writer.stored(PATIENT));

    assertEquals(80, stored().orElseThrow().getJsonObject("vitals").getJsonObject("PULSE").getInteger("value"));
  }

  @Test
  void aSaveFencedByAnotherMembersClaimIsNotTriedAgainAndThePatientIsHandedOn() throws Exception {
    await(() -> writer.write(HandOver.frame(HandOver.at(0), "PULSE=80").apply(engine)));
    CLUSTER.await(() -> CLUSTER.store.claim(PATIENT)); // another member takes the patient over

    Saved saved = await(() -> writer.write(HandOver.frame(HandOver.at(1), "PULSE=170").apply(engine)));

    assertEquals(Set.of(PATIENT), saved.fenced());
    assertInstanceOf(PatientStore.Fenced.class, saved.asFuture().cause());
    assertEquals(List.of(PATIENT), fenced);
    await(writer::flush);
    assertFalse(stored().isPresent(), "neither stored nor tried again");
  }

  @Test
  void givenOnePatientOfAnUpdateFenced_thenTheOthersAreStoredAndOnlyItIsNamed() throws Exception {
    DeviceIdentity neighbour = new DeviceIdentity("mon-2", "P2", "2", "surgery");
    CLUSTER.await(() -> CLUSTER.store.claim("P2"));
    WardUpdate first = HandOver.frame(HandOver.at(0), "PULSE=170").apply(engine);
    Observation pulse = new Observation(neighbour, Parameter.PULSE, Parameter.PULSE.mdcCode(), new BigDecimal("170"),
        Parameter.PULSE.unit(), null, HandOver.at(0), null, false);
    WardUpdate second = engine.apply(WardStateFixtures.report(neighbour, HandOver.at(0), List.of(pulse), null, null),
        HandOver.at(0));
    WardUpdate both = new WardUpdate(Stream.concat(first.transitions().stream(), second.transitions().stream())
        .toList(), Stream.concat(first.snapshots().stream(), second.snapshots().stream()).toList(),
        Stream.concat(first.audit().stream(), second.audit().stream()).toList());
    CLUSTER.await(() -> CLUSTER.store.claim(PATIENT)); // another member takes P1 over

    Saved saved = await(() -> writer.write(both));

    assertEquals(Set.of(PATIENT), saved.fenced());
    assertNull(saved.failure());
    assertEquals(1, await(() -> CLUSTER.store.snapshot("P2")).orElseThrow().getJsonArray("alarms").size());
  }

  @Test
  void aDischargeForgetsThePatientsStoredState() throws Exception {
    await(() -> writer.write(HandOver.frame(HandOver.at(0), "PULSE=170").apply(engine)));
    String alarm = engine.view().snapshot(PATIENT).orElseThrow().toJson().getJsonArray("alarms").getJsonObject(0)
        .getString("id");
    await(() -> writer.write(HandOver.acknowledge(alarm, HandOver.at(1)).apply(engine)));
    await(() -> writer.write(
        engine.deviceEvent(DeviceEvent.disconnected(HandOver.MONITOR, null, null), HandOver.at(1))));
    assertTrue(stored().isPresent());

    await(() -> writer.write(engine.discharge(PATIENT, HandOver.NURSE, HandOver.at(2))));

    assertFalse(stored().isPresent());
    assertTrue(await(() -> CLUSTER.store.claim(PATIENT)).state().isEmpty(), "a later claim admits it afresh");
  }

  @Test
  void aDischargeLeavesThePatientsStoredStateUntilItsAuditEntriesAreInTheAuditTrail() throws Exception {
    await(() -> writer.write(HandOver.frame(HandOver.at(0), "PULSE=80").apply(engine)));
    await(() -> writer.write(
        engine.deviceEvent(DeviceEvent.disconnected(HandOver.MONITOR, null, null), HandOver.at(1))));
    assertTrue(stored().isPresent());
    auditReachable = false;

    Saved saved = await(() -> writer.write(engine.discharge(PATIENT, HandOver.NURSE, HandOver.at(2))));

    assertTrue(saved.failure() != null, "not stored: whoever discharged the patient is told so");
    assertTrue(stored().isPresent(), "the state, which keeps the audit entries for a next owner, stays");
    auditReachable = true;
    for (int round = 0; round < 2 * PatientStoreWriter.MAX_UNSTORED_MS / PatientStoreWriter.ROUND_MS; round++) {
      await(writer::storeDue); // tried again in a later round
    }
    assertFalse(stored().isPresent(), "discharged once its entries are recorded");
    assertTrue(audited.values().stream().anyMatch(entry -> "DISCHARGED".equals(entry.getString("type"))),
        audited::toString);
  }

  @Test
  void aPatientReleasedWithVitalsNotStoredYetIsLeftAsStoredNotTakenForDischarged() throws Exception {
    await(() -> writer.write(HandOver.frame(HandOver.at(0), "PULSE=170").apply(engine)));
    await(() -> writer.write(HandOver.frame(HandOver.at(1), "PULSE=171").apply(engine)));
    engine.release(PATIENT); // another member owns it now

    await(writer::flush);

    assertEquals(170, stored().orElseThrow().getJsonObject("vitals").getJsonObject("PULSE").getInteger("value"));
  }

  @Test
  void savesAskedForWhileOneIsInFlightAreOneWriteOfTheLatestStateNotAQueue() throws Exception {
    AtomicInteger saves = new AtomicInteger();
    PatientStoreWriter writer = new PatientStoreWriter(engine, slowStore(saves), true, patient -> epoch,
        (patient, epochFenced) -> Future.succeededFuture(false), this::audit);
    WardUpdate first = HandOver.frame(HandOver.at(0), "PULSE=170").apply(engine);

    await(() -> {
      Future<Saved> inFlight = writer.write(first);
      List<Future<Saved>> later = new ArrayList<>();
      for (int frame = 1; frame <= 5; frame++) { // each raises or ends the alarm: each is to be stored at once
        later.add(writer.write(HandOver.frame(HandOver.at(frame), frame % 2 == 0 ? "PULSE=170" : "PULSE=80")
            .apply(engine)));
      }
      return Future.all(inFlight, Future.all(later));
    });

    assertEquals(2, saves.get(), "the one in flight, then one for all that came while it was");
    assertEquals(80, stored().orElseThrow().getJsonObject("vitals").getJsonObject("PULSE").getInteger("value"));
  }

  @Test
  void aChangeWaitingForAWriteOfAPatientReleasedMeanwhileIsNotStoredAndSaysSo() throws Exception {
    PatientStoreWriter writer = new PatientStoreWriter(engine, slowStore(new AtomicInteger()), true,
        patient -> epoch, (patient, epochFenced) -> Future.succeededFuture(false), this::audit);
    WardUpdate first = HandOver.frame(HandOver.at(0), "PULSE=170").apply(engine);

    Saved waited = await(() -> {
      writer.write(first);
      Future<Saved> waiting = writer.write(HandOver.frame(HandOver.at(1), "PULSE=80").apply(engine));
      engine.release(PATIENT); // its first write fenced: another member has it
      return waiting;
    });

    assertEquals(Set.of(PATIENT), waited.fenced(), "nothing of it to publish: the new owner evaluates it");
  }

  @Test
  void aFlushOnStopWaitsForTheWriteInFlightAndTheOneWaiting() throws Exception {
    PatientStoreWriter writer = new PatientStoreWriter(engine, slowStore(new AtomicInteger()), true,
        patient -> epoch, (patient, epochFenced) -> Future.succeededFuture(false), this::audit);
    WardUpdate first = HandOver.frame(HandOver.at(0), "PULSE=170").apply(engine);

    await(() -> {
      writer.write(first);
      writer.write(HandOver.frame(HandOver.at(1), "PULSE=80").apply(engine));
      return writer.flush();
    });

    assertEquals(80, stored().orElseThrow().getJsonObject("vitals").getJsonObject("PULSE").getInteger("value"));
  }

  private Future<Void> audit(String key, JsonObject entry) {
    if (!auditReachable) {
      return Future.failedFuture("audit trail out of reach");
    }
    audited.put(key, entry);
    return Future.succeededFuture();
  }

  /** The real store, each save 300 ms late, counted in {@code saves}. */
  private static PatientStore slowStore(AtomicInteger saves) {
    return new PatientStore() {
      @Override
      public Future<Claim> claim(String patientKey) {
        return CLUSTER.store.claim(patientKey);
      }

      @Override
      public Future<Void> save(String patientKey, long epoch, JsonObject state, PatientSnapshot snapshot) {
        saves.incrementAndGet();
        return CLUSTER.vertx.timer(300).compose(late -> CLUSTER.store.save(patientKey, epoch, state, snapshot));
      }

      @Override
      public Future<Void> discharge(String patientKey, long epoch) {
        return CLUSTER.store.discharge(patientKey, epoch);
      }

      @Override
      public Future<Optional<JsonObject>> snapshot(String patientKey) {
        return CLUSTER.store.snapshot(patientKey);
      }

      @Override
      public Future<List<JsonObject>> snapshots() {
        return CLUSTER.store.snapshots();
      }

      @Override
      public Future<Set<String>> keys() {
        return CLUSTER.store.keys();
      }
    };
  }

  @Test
  void aStandaloneNodeStoresNothing() throws Exception {
    PatientStoreWriter standalone = new PatientStoreWriter(engine, CLUSTER.store, false, patient -> epoch,
        (patient, epochFenced) -> {
          fenced.add(patient);
          return Future.succeededFuture(false); // dropped here, as another member took it over
        }, this::audit);

    await(() -> standalone.write(HandOver.frame(HandOver.at(0), "PULSE=170").apply(engine)));
    await(standalone::flush);
    assertFalse(stored().isPresent());
  }

  @Test
  void leavingPatientsAreStoredOnRequest() throws Exception {
    await(() -> writer.write(HandOver.frame(HandOver.at(0), "PULSE=80").apply(engine)));

    await(() -> writer.flush(List.of("someone-else")));
    assertFalse(stored().isPresent());
    await(() -> writer.flush(List.of(PATIENT)));
    assertTrue(stored().isPresent());
  }

  private Optional<JsonObject> stored() throws Exception {
    return await(() -> CLUSTER.store.snapshot(PATIENT));
  }

  private static <T> T await(Supplier<Future<T>> call) throws Exception {
    return CLUSTER.await(call);
  }
}
