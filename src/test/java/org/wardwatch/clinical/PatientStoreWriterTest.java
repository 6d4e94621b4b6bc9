package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.wardwatch.bus.PatientSnapshot;
import org.wardwatch.model.Consciousness;

/**
 * When the owner's changes reach a real clustered store: new vitals a second of rounds later, alarm changes and audited
 * assessments before their write completes, a resend's patient's changes before it is answered, leaving patients on
 * request, nothing on a standalone node; and while a write is in flight: the saves asked for meanwhile as one write of
 * the latest state, a change of a patient released meanwhile not stored, and a flush on stop waiting for both.
 */
class PatientStoreWriterTest extends PatientStoreWriterFixture {

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
}
