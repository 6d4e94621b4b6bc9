package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class PatientStoreWriterTest {

  private static final String PATIENT = HandOver.MONITOR.patientKey();

  private final WardState engine = new WardState(ClinicalRules.fromJson(new JsonObject(HandOver.THRESHOLD_RULES)));
  private PatientStore store;
  private PatientStoreWriter writer;

  @BeforeEach
  void setUp(Vertx vertx) {
    store = new PatientStore(vertx);
    writer = new PatientStoreWriter(engine, store, true);
  }

  @Test
  void newVitalsAreStoredASecondOfRoundsLaterNotAtOnce() throws Exception {
    await(writer.write(HandOver.frame(HandOver.at(0), "PULSE=80").apply(engine)));

    for (int round = 1; round < PatientStoreWriter.MAX_UNSTORED_MS / PatientStoreWriter.ROUND_MS; round++) {
      await(writer.storeDue());
      assertFalse(stored().isPresent(), "stored after round " + round);
    }
    await(writer.storeDue());
    assertEquals(80, stored().orElseThrow().getJsonObject("vitals").getJsonObject("PULSE").getInteger("value"));
  }

  @Test
  void aPatientIsDueByItsFirstUnstoredChange() throws Exception {
    await(writer.write(HandOver.frame(HandOver.at(0), "PULSE=80").apply(engine)));
    for (int round = 1; round < PatientStoreWriter.MAX_UNSTORED_MS / PatientStoreWriter.ROUND_MS; round++) {
      await(writer.storeDue());
      await(writer.write(HandOver.frame(HandOver.at(round), "PULSE=" + (80 + round)).apply(engine)));
    }
    await(writer.storeDue());
    assertEquals(89, stored().orElseThrow().getJsonObject("vitals").getJsonObject("PULSE").getInteger("value"));
  }

  @Test
  void anAlarmChangeIsStoredBeforeItsWriteCompletes() throws Exception {
    WardUpdate raised = HandOver.frame(HandOver.at(0), "PULSE=170").apply(engine);
    assertFalse(raised.transitions().isEmpty());

    await(writer.write(raised));

    assertEquals(1, stored().orElseThrow().getJsonArray("alarms").size());
  }

  @Test
  void aResendWaitsForItsPatientsChangesNotStoredYetWhichAreStoredThen() throws Exception {
    await(writer.write(HandOver.frame(HandOver.at(0), "PULSE=80").apply(engine)));
    assertFalse(stored().isPresent(), "new vitals wait for their round");

    await(writer.stored(PATIENT));

    assertEquals(80, stored().orElseThrow().getJsonObject("vitals").getJsonObject("PULSE").getInteger("value"));
  }

  @Test
  void aStandaloneNodeStoresNothing() throws Exception {
    PatientStoreWriter standalone = new PatientStoreWriter(engine, store, false);

    await(standalone.write(HandOver.frame(HandOver.at(0), "PULSE=170").apply(engine)));
    await(standalone.flush());
    assertFalse(stored().isPresent());
  }

  @Test
  void leavingPatientsAreStoredOnRequest() throws Exception {
    await(writer.write(HandOver.frame(HandOver.at(0), "PULSE=80").apply(engine)));

    await(writer.flush(List.of("someone-else")));
    assertFalse(stored().isPresent());
    await(writer.flush(List.of(PATIENT)));
    assertTrue(stored().isPresent());
  }

  private Optional<JsonObject> stored() throws Exception {
    return await(store.snapshot(PATIENT));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }
}
