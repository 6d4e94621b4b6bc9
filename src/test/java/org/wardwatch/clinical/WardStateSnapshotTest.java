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
import static org.wardwatch.clinical.WardStateFixtures.snapshot;
import static org.wardwatch.clinical.WardStateFixtures.thresholdRules;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.Consciousness;
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
    assertEquals(snapshot, engine.snapshot("P1").orElseThrow().toJson());
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
    engine.assess("P1", new Assessment(Consciousness.A, OxygenSupport.parse("2.50"), false), "nurse.kim", at(1));

    String json = engine.snapshot("P1").orElseThrow().json();

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
}
