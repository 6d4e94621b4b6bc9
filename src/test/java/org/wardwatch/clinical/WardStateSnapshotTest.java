package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.WardStateFixtures.BED_1;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.THRESHOLDS;
import static org.wardwatch.clinical.WardStateFixtures.assertDecimal;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.frame;
import static org.wardwatch.clinical.WardStateFixtures.observation;
import static org.wardwatch.clinical.WardStateFixtures.raisedId;
import static org.wardwatch.clinical.WardStateFixtures.snapshot;
import static org.wardwatch.clinical.WardStateFixtures.thresholdRules;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.OxygenSupport;

/** A patient's snapshot after each change: what browsers receive and the REST API returns. */
class WardStateSnapshotTest {

  private final WardState engine = new WardState(thresholdRules(THRESHOLDS));

  @Test
  void givenNormalFrame_whenApplied_thenNoTransitionAndOneSnapshot() {
    WardUpdate update = engine.apply(frame(BED_1, T0,
        "PULSE=80", "SPO2=97", "RESP_RATE=16", "BP_SYSTOLIC=120", "BP_DIASTOLIC=80", "TEMPERATURE=37.0"), T0);

    assertEquals(List.of(), update.transitions());
    JsonObject snapshot = snapshot(update);
    assertEquals("P1", snapshot.getString("patient"));
    assertEquals("mon-1", snapshot.getString("device"));
    assertEquals("1", snapshot.getString("bed"));
    assertEquals("surgery", snapshot.getString("ward"));
    assertEquals(1L, snapshot.getLong("seq"));
    assertEquals(T0, snapshot.getInstant("updated"));
    JsonObject vitals = snapshot.getJsonObject("vitals");
    assertEquals(6, vitals.size(), vitals::encode);
    assertDecimal("80", vitals.getJsonObject("PULSE").getValue("value"));
    assertEquals("/min", vitals.getJsonObject("PULSE").getString("unit"));
    assertEquals(T0, vitals.getJsonObject("PULSE").getInstant("time"));
    assertFalse(vitals.getJsonObject("PULSE").getBoolean("questionable"));
    assertDecimal("37.0", vitals.getJsonObject("TEMPERATURE").getValue("value"));
    assertNotNull(snapshot.getJsonObject("news2"));
    assertEquals(0, snapshot.getJsonObject("news2").getInteger("total"));
    assertEquals(new JsonArray(), snapshot.getJsonArray("alarms"));
    assertEquals(new JsonArray(), snapshot.getJsonArray("technicalAlarms"));
    assertEquals(snapshot, engine.view().snapshot("P1").orElseThrow().toJson());
  }

  @Test
  void givenTwoUpdates_whenApplied_thenSeqIncreasesByOnePerUpdate() {
    engine.apply(frame(BED_1, T0, "PULSE=80"), T0);

    JsonObject second = snapshot(engine.apply(frame(BED_1, at(1), "PULSE=81"), at(1)));

    assertEquals(2L, second.getLong("seq"));
    assertEquals(at(1), second.getInstant("updated"));
  }

  @Test
  void givenSnapshot_thenItsJsonCarriesTheDecimalsAsChartedInTheDocumentsOrder() {
    engine.apply(frame(BED_1, T0, "PULSE=80"), T0);
    engine.assess("P1", new Assessment(Consciousness.A, OxygenSupport.parse("2.50"), false, null), "nurse.kim", at(1));

    String json = engine.view().snapshot("P1").orElseThrow().json();

    assertTrue(json.startsWith("{\"patient\":\"P1\",\"device\":"), json);
    assertTrue(json.contains("\"oxygen\":{\"onOxygen\":true,\"flow\":2.50,"), json);
  }

  @Test
  void givenSnapshotReadAfterLaterUpdates_thenItShowsThePatientAsAtItsOwnChange() {
    WardUpdate first = engine.apply(frame(BED_1, T0, "PULSE=80"), T0);
    engine.apply(frame(BED_1, at(1), "PULSE=190"), at(1));

    JsonObject atFirst = snapshot(first);
    assertEquals(1L, atFirst.getLong("seq"));
    assertDecimal("80", atFirst.getJsonObject("vitals").getJsonObject("PULSE").getValue("value"));
    assertTrue(atFirst.getJsonArray("alarms").isEmpty(), "the alarm raised later is not in it");
  }

  @Test
  void givenFramesAppliedUnshown_whenShown_thenOneSnapshotShowsThemAllFromTheFirst() {
    engine.apply(frame(BED_1, T0, "PULSE=80"), T0); // seq 1, shown
    DeviceIdentity bed2 = new DeviceIdentity("mon-2", "P2", "2", "surgery");

    WardUpdate second = engine.applyUnshown(frame(BED_1, at(1), "PULSE=81"), at(1));
    engine.applyUnshown(frame(bed2, at(1), "PULSE=70"), at(1));
    WardUpdate third = engine.applyUnshown(frame(BED_1, at(2), "PULSE=190"), at(2));
    WardUpdate shown = engine.show("P1");

    assertEquals(List.of(), second.snapshots(), "an unshown frame's update has no snapshot");
    assertEquals(Set.of("P1"), second.changedPatients(), "its patient's state changed all the same");
    assertEquals(1, third.transitions().size(), "its alarm is raised at once, not when shown");
    JsonObject p1 = snapshot(shown);
    assertEquals(3L, p1.getLong("seq"));
    assertEquals(2L, p1.getLong("fromSeq"), "it shows the changes of seq 2 and 3: the page misses nothing");
    assertDecimal("190", p1.getJsonObject("vitals").getJsonObject("PULSE").getValue("value"));
    assertEquals(1, p1.getJsonArray("alarms").size());
    assertEquals(Set.of("P1"), shown.changedPatients(), "published after the patient's earlier updates");
    assertEquals(1L, snapshot(engine.show("P2")).getLong("fromSeq"));
    assertEquals(List.of(), engine.show("P1").snapshots(), "shown already: nothing to show again");
    assertEquals(List.of(), engine.show("P3").snapshots(), "not held here: nothing to show");
    JsonObject next = snapshot(engine.apply(frame(BED_1, at(3), "PULSE=80"), at(3)));
    assertEquals(4L, next.getLong("seq"));
    assertEquals(4L, next.getLong("fromSeq"));
  }

  @Test
  void givenUnshownChange_thenAQueryAnswersItWithoutShowingIt() {
    engine.apply(frame(BED_1, T0, "PULSE=80"), T0);
    engine.applyUnshown(frame(BED_1, at(1), "PULSE=81"), at(1));

    JsonObject queried = engine.view().snapshot("P1").orElseThrow().toJson();

    assertEquals(2L, queried.getLong("seq"));
    assertEquals(2L, queried.getLong("fromSeq"), "a query's answer shows the patient as it is");
    assertEquals(1, engine.show("P1").snapshots().size(), "still to be published");
  }

  @Test
  void givenPatientTakenOverFromItsState_thenItsNextSnapshotShowsOnlyItsOwnChange() {
    engine.apply(frame(BED_1, T0, "PULSE=80"), T0);
    engine.apply(frame(BED_1, at(1), "PULSE=81"), at(1));
    WardState taker = new WardState(thresholdRules(THRESHOLDS));
    taker.adopt(engine.state("P1").orElseThrow());

    JsonObject next = snapshot(taker.apply(frame(BED_1, at(2), "PULSE=82"), at(2)));

    assertEquals(3L, next.getLong("seq"));
    assertEquals(3L, next.getLong("fromSeq"), "the previous owner published its changes");
  }

  @Test
  void givenValueReceivedBeforeTheChangeShown_thenItsReceivedTimeIsWrittenAndALiveFramesOwnAreNot() {
    // A monitor whose clock runs 50 s fast: its pulse, received at T0, reaches the engine 0.4 s later.
    FrameReport ahead = new FrameReport(BED_1, at(50), T0, List.of(observation(BED_1, "PULSE=190", at(50), T0)),
        null, null, Set.of(), null, null, List.of());
    WardUpdate raised = engine.apply(ahead, T0.plusMillis(400));
    String live = raised.snapshots().get(0).json();
    JsonObject acknowledged = snapshot(engine.act(raisedId(raised), alarm -> alarm.acknowledge("nurse.kim", at(30)),
        at(30)));
    engine.apply(frame(BED_1, at(31), "SPO2=97"), at(31));

    assertFalse(live.contains("\"received\""), "the change shown brought it: " + live);
    JsonObject pulse = acknowledged.getJsonObject("vitals").getJsonObject("PULSE");
    assertEquals(at(50), pulse.getInstant("time"));
    assertEquals(T0, pulse.getInstant("received"), "not the acknowledgement's time, nor the device's");
    JsonObject queried = engine.view().snapshot("P1").orElseThrow().toJson().getJsonObject("vitals");
    assertEquals(T0, queried.getJsonObject("PULSE").getInstant("received"));
    assertFalse(queried.getJsonObject("SPO2").containsKey("received"), queried::encode);
    assertTrue(engine.view().snapshot("P1").orElseThrow().json().contains("\"received\":\"2026-11-22T10:00:00Z\""),
        "written as the times are");
  }
}
