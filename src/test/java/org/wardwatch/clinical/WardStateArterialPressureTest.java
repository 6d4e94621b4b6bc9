package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.WardStateFixtures.BED_1;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.arterial;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.builtInRules;
import static org.wardwatch.clinical.WardStateFixtures.frame;
import static org.wardwatch.clinical.WardStateFixtures.only;
import static org.wardwatch.clinical.WardStateFixtures.snapshot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.Priority;

/**
 * An arterial line's pressure under the built-in rules ({@code conf/rules.json}): its own limits, its mean's among
 * them, with onset delays (a line reads beat by beat, and flushing or sampling through it reads falsely for seconds),
 * apart from the cuff's; and NEWS2's systolic pressure when it is the later measured.
 */
class WardStateArterialPressureTest {

  private final WardState engine = new WardState(ClinicalRules.fromJson(builtInRules()));

  @Test
  void givenArterialHypotension_whenItLastsTheDelay_thenHighAlarmNamingTheArterialPressure() {
    WardUpdate first = engine.apply(frame(BED_1, T0, "ART_SYSTOLIC=75", "ART_DIASTOLIC=40"), T0);
    assertEquals(List.of(), arterial(first), "a line being flushed or sampled reads low for seconds");
    assertEquals(3, snapshot(first).getJsonObject("news2").getJsonObject("components").getInteger("BP_SYSTOLIC"),
        "NEWS2 scores the line's systolic pressure when the patient has no cuff");
    assertEquals(List.of(), arterial(engine.tick(at(4))));

    AlarmTransition raised = only(arterial(engine.tick(at(5))));

    assertEquals(TransitionType.RAISED, raised.type());
    assertEquals(Priority.HIGH, raised.priority());
    assertTrue(raised.detail().contains("Arterial systolic BP 75 mmHg below 80"), raised.detail());
  }

  @Test
  void givenArterialAlarm_whenANormalCuffPressureComes_thenTheAlarmStandsAndNews2ScoresTheCuff() {
    engine.apply(frame(BED_1, T0, "ART_SYSTOLIC=75", "ART_DIASTOLIC=40"), T0);
    engine.tick(at(5));

    WardUpdate cuff = engine.apply(frame(BED_1, at(6), "BP_SYSTOLIC=121", "BP_DIASTOLIC=70"), at(6));

    assertEquals(List.of(), arterial(cuff), "the cuff's pressure is not the line's: neither ends its alarm");
    JsonObject snapshot = snapshot(cuff);
    assertTrue(snapshot.getJsonArray("alarms").stream().map(alarm -> ((JsonObject) alarm).getString("condition"))
        .anyMatch("THRESHOLD:ART_SYSTOLIC"::equals), snapshot::encode);
    assertEquals(0, snapshot.getJsonObject("news2").getJsonObject("components").getInteger("BP_SYSTOLIC"),
        "NEWS2 scores the later measured systolic pressure");
  }

  @Test
  void givenALowArterialMeanAboveItsSystolicLimits_whenItLastsTheDelay_thenMediumAlarmOnTheMean() {
    engine.apply(frame(BED_1, T0, "ART_SYSTOLIC=95", "ART_DIASTOLIC=38", "ART_MEAN=55"), T0);
    assertEquals(List.of(), engine.tick(at(9)).transitions(), "the systolic pressure alone would not alarm");

    AlarmTransition raised = only(engine.tick(at(10)).transitions());

    assertEquals(Priority.MEDIUM, raised.priority());
    assertTrue(raised.detail().contains("Arterial mean BP 55 mmHg below 60"), raised.detail());
  }

  @Test
  void givenARulesFileWithoutLineLimits_whenTheLineBreachesTheCuffsLimit_thenItAlarmsAndTheRulesSaySo() {
    JsonObject document = builtInRules();
    document.put("thresholds", new JsonArray(document.getJsonArray("thresholds").stream()
        .filter(rule -> !((JsonObject) rule).getString("parameter").startsWith("ART_")).toList()));
    ClinicalRules older = ClinicalRules.fromJson(document);

    AlarmTransition raised = only(arterial(new WardState(older).apply(frame(BED_1, T0, "ART_SYSTOLIC=85",
        "ART_DIASTOLIC=50"), T0)));

    assertEquals(Priority.MEDIUM, raised.priority(), "a rules file written before the line was charted apart");
    assertTrue(raised.detail().contains("Arterial systolic BP 85 mmHg below 90"), raised.detail());
    assertTrue(older.thresholds().cautions().get(0).startsWith("no ART_SYSTOLIC limits: the BP_SYSTOLIC limits"),
        older.thresholds().cautions()::toString);
  }
}
