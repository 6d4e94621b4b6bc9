package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.only;
import static org.wardwatch.clinical.WardStateFixtures.onlyAlarm;
import static org.wardwatch.clinical.WardStateFixtures.snapshot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.OxygenSupport;
import org.wardwatch.model.Priority;

/**
 * The NEWS2 score in patient snapshots and the clinicians' assessments it takes in: every component scored from the
 * chart, a partial score naming what it misses, the alarm a score raises, an assessment changing only the parts given
 * (and standing against a late frame's older charting), an unknown patient's refused, and values older than the
 * freshness leaving the score partial.
 */
class WardStateNews2Test extends WardStateNews2Fixture {

  @Test
  void givenAllVitalsAlertOnAir_whenFrameApplied_thenFullScoreInSnapshot() {
    WardUpdate update = engine.apply(frame(T0, Consciousness.A, OxygenSupport.air(),
        "RESP_RATE=16", "SPO2=97", "BP_SYSTOLIC=120", "PULSE=80", "TEMPERATURE=37.0"), T0);

    assertEquals(List.of(), update.transitions());
    JsonObject snapshot = snapshot(update);
    assertEquals(new JsonObject()
        .put("total", 0)
        .put("band", "low")
        .put("components", new JsonObject().put("RESP_RATE", 0).put("SPO2", 0).put("AIR_OR_OXYGEN", 0)
            .put("BP_SYSTOLIC", 0).put("PULSE", 0).put("CONSCIOUSNESS", 0).put("TEMPERATURE", 0))
        .put("partial", false)
        .put("missing", new JsonArray())
        .put("scale", 1), snapshot.getJsonObject("news2"));
    assertEquals("A", snapshot.getJsonObject("consciousness").getString("value"));
    assertEquals(T0, snapshot.getJsonObject("consciousness").getInstant("time"));
    assertFalse(snapshot.getJsonObject("oxygen").getBoolean("onOxygen"));
    assertFalse(snapshot.getBoolean("spo2Scale2"));
  }

  @Test
  void givenAbnormalVitals_whenFrameApplied_thenComponentsScoredFromTheChart() {
    JsonObject news2 = snapshot(engine.apply(frame(T0, Consciousness.A, OxygenSupport.air(),
        "RESP_RATE=21", "SPO2=96", "BP_SYSTOLIC=120", "PULSE=95", "TEMPERATURE=37.0"), T0)).getJsonObject("news2");

    assertEquals(3, news2.getInteger("total"));
    assertEquals("low", news2.getString("band"));
    assertEquals(2, news2.getJsonObject("components").getInteger("RESP_RATE"));
    assertEquals(1, news2.getJsonObject("components").getInteger("PULSE"));
    assertFalse(news2.getBoolean("partial"));
  }

  @Test
  void givenFrameWithoutAssessment_whenApplied_thenPartialScoreNamingTheMissingComponents() {
    JsonObject news2 = snapshot(engine.apply(frame(T0, null, null,
        "RESP_RATE=16", "SPO2=97", "BP_SYSTOLIC=120", "PULSE=80", "TEMPERATURE=37.0"), T0)).getJsonObject("news2");

    assertTrue(news2.getBoolean("partial"));
    assertEquals(new JsonArray().add("AIR_OR_OXYGEN").add("CONSCIOUSNESS"), news2.getJsonArray("missing"));
    JsonObject components = news2.getJsonObject("components");
    assertEquals(5, components.size(), components::encode);
    assertFalse(components.containsKey("AIR_OR_OXYGEN"));
    assertFalse(components.containsKey("CONSCIOUSNESS"));
    assertEquals(0, news2.getInteger("total"));
  }

  @Test
  void givenPartialScoreInMediumBand_whenApplied_thenMediumNews2AlarmSaysPartial() {
    WardUpdate update = engine.apply(frame(T0, null, null, "RESP_RATE=25", "PULSE=135"), T0);

    AlarmTransition raised = only(update.transitions());
    assertEquals(Priority.MEDIUM, raised.priority());
    assertEquals("NEWS2 6 (medium, partial)", raised.snapshot().getString("message"));
  }

  @Test
  void givenASingleRedScoreOnDefaultPriorities_whenApplied_thenMediumAlarmNamesWhatScoredIt() {
    WardState defaults = new WardState(ClinicalRules.fromJson(new JsonObject().put("thresholds", new JsonArray())));

    AlarmTransition raised = only(defaults.apply(frame(T0, Consciousness.C, OxygenSupport.air(),
        "RESP_RATE=16", "SPO2=97", "BP_SYSTOLIC=120", "PULSE=80", "TEMPERATURE=37.0"), T0).transitions());

    assertEquals(Priority.MEDIUM, raised.priority(), "low-medium asks for an urgent ward-based review");
    assertEquals("NEWS2 3 (low-medium: Consciousness scored 3)", raised.snapshot().getString("message"));
  }

  @Test
  void givenLateFrameChartedEarlier_whenApplied_thenTheLaterAssessmentStands() {
    String[] vitals = {"RESP_RATE=16", "SPO2=97", "BP_SYSTOLIC=120", "PULSE=80", "TEMPERATURE=37.0"};
    engine.apply(frame(at(100), Consciousness.V, TWO_LITRES, vitals), at(100));

    WardUpdate late = engine.apply(frame(at(50), Consciousness.A, OxygenSupport.air(), vitals), at(101));

    assertEquals(List.of(), late.transitions(), "the NEWS2 alarm of V on oxygen is not cleared by older charting");
    JsonObject snapshot = snapshot(late);
    assertEquals("V", snapshot.getJsonObject("consciousness").getString("value"));
    assertTrue(snapshot.getJsonObject("oxygen").getBoolean("onOxygen"));
  }

  @Test
  void givenLowScore_whenAssessedAsVoiceOnOxygenOnScale2_thenScoreUpdatedAndMediumNews2Alarm() {
    engine.apply(frame(T0, Consciousness.A, OxygenSupport.air(),
        "RESP_RATE=16", "SPO2=92", "BP_SYSTOLIC=120", "PULSE=80", "TEMPERATURE=37.0"), T0);
    assertEquals(2, engine.view().snapshot("P1").orElseThrow().toJson().getJsonObject("news2").getInteger("total"));

    WardUpdate update = assess("P1", Consciousness.V, TWO_LITRES, true, at(10));

    JsonObject snapshot = snapshot(update);
    JsonObject news2 = snapshot.getJsonObject("news2");
    assertEquals(5, news2.getInteger("total"));
    assertEquals("medium", news2.getString("band"));
    assertEquals(2, news2.getInteger("scale"));
    assertFalse(news2.getBoolean("partial"));
    JsonObject components = news2.getJsonObject("components");
    assertEquals(2, components.getInteger("AIR_OR_OXYGEN"));
    assertEquals(3, components.getInteger("CONSCIOUSNESS"));
    assertEquals(0, components.getInteger("SPO2"), "SpO2 92 on scale 2 with oxygen scores 0");
    assertTrue(snapshot.getBoolean("spo2Scale2"));
    assertEquals("V", snapshot.getJsonObject("consciousness").getString("value"));
    assertEquals(at(10), snapshot.getJsonObject("consciousness").getInstant("time"));
    JsonObject oxygen = snapshot.getJsonObject("oxygen");
    assertTrue(oxygen.getBoolean("onOxygen"));
    assertEquals(0, new BigDecimal("2").compareTo(new BigDecimal(oxygen.getValue("flow").toString())));

    AlarmTransition raised = only(update.transitions());
    assertEquals(TransitionType.RAISED, raised.type());
    assertEquals(Priority.MEDIUM, raised.priority());
    JsonObject alarm = raised.snapshot();
    assertEquals("PHYSIOLOGICAL", alarm.getString("kind"));
    assertEquals("NEWS2", alarm.getString("condition"));
    assertTrue(alarm.getString("message").startsWith("NEWS2 "), alarm.getString("message"));
    assertEquals("NEWS2 5 (medium)", alarm.getString("message"));
    assertEquals(raised.alarmId(), onlyAlarm(snapshot).getString("id"));
  }

  @Test
  void givenAssessmentWithNullParts_whenApplied_thenOnlyTheGivenPartsChange() {
    engine.apply(frame(T0, Consciousness.A, OxygenSupport.air(),
        "RESP_RATE=16", "SPO2=97", "BP_SYSTOLIC=120", "PULSE=80", "TEMPERATURE=37.0"), T0);

    JsonObject snapshot = snapshot(assess("P1", null, null, true, at(5)));

    assertEquals("A", snapshot.getJsonObject("consciousness").getString("value"));
    assertEquals(T0, snapshot.getJsonObject("consciousness").getInstant("time"));
    assertFalse(snapshot.getJsonObject("oxygen").getBoolean("onOxygen"));
    assertEquals(2, snapshot.getJsonObject("news2").getInteger("scale"));
  }

  @Test
  void givenUnknownPatient_whenAssessed_thenUnknownTarget() {
    engine.apply(frame(T0, null, null, "PULSE=80"), T0);

    assertThrows(ActionRefused.UnknownTarget.class,
        () -> assess("P9", Consciousness.A, OxygenSupport.air(), false, at(1)));
  }

  @Test
  void givenVitalsOlderThanFreshness_whenTicked_thenScoreBecomesPartial() {
    engine.apply(frame(T0, null, null,
        "RESP_RATE=16", "SPO2=97", "BP_SYSTOLIC=120", "PULSE=80", "TEMPERATURE=37.0"), T0);
    assess("P1", Consciousness.A, OxygenSupport.air(), false, at(50));
    WardUpdate stillFresh = engine.tick(at(60));
    assertEquals(List.of(), stillFresh.snapshots(), "exactly freshnessMinutes old is still fresh");
    assertFalse(engine.view().snapshot("P1").orElseThrow().toJson().getJsonObject("news2").getBoolean("partial"));

    WardUpdate stale = engine.tick(at(61));

    JsonObject news2 = snapshot(stale).getJsonObject("news2");
    assertNotNull(news2);
    assertTrue(news2.getBoolean("partial"));
    assertEquals(new JsonArray().add("RESP_RATE").add("SPO2").add("BP_SYSTOLIC").add("PULSE").add("TEMPERATURE"),
        news2.getJsonArray("missing"));
    assertEquals(new JsonObject().put("AIR_OR_OXYGEN", 0).put("CONSCIOUSNESS", 0), news2.getJsonObject("components"));
  }
}
