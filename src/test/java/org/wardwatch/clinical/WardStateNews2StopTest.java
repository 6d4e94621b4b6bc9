package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.WardStateFixtures.BED_1;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.only;
import static org.wardwatch.clinical.WardStateFixtures.raisedId;
import static org.wardwatch.clinical.WardStateFixtures.snapshot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.OxygenSupport;
import org.wardwatch.model.Priority;

/**
 * A clinician's stop of NEWS2 for a patient it is not validated for (under-16s, pregnancy), and its use again: the
 * patient is neither scored nor alarmed on NEWS2 meanwhile, and nothing of it is lost in a hand-over.
 */
class WardStateNews2StopTest {

  /** No threshold rules, so every alarm comes from NEWS2, whose band priorities are the defaults. */
  private static final ClinicalRules RULES =
      ClinicalRules.fromJson(new JsonObject().put("thresholds", new JsonArray()));
  private static final String[] NORMAL = {"RESP_RATE=16", "SPO2=97", "BP_SYSTOLIC=120", "PULSE=80", "TEMPERATURE=37.0"};
  /** NEWS2 9 alert on air: high, a HIGH alarm, which latches. */
  private static final String[] CRITICAL =
      {"RESP_RATE=25", "SPO2=91", "BP_SYSTOLIC=120", "PULSE=131", "TEMPERATURE=37.0"};
  /** NEWS2 3 alert on air, a single red score: low-medium, a MEDIUM alarm by default. */
  private static final String[] TACHYPNOEIC =
      {"RESP_RATE=25", "SPO2=97", "BP_SYSTOLIC=120", "PULSE=80", "TEMPERATURE=37.0"};

  private final WardState engine = new WardState(RULES);

  @Test
  void givenNews2Stopped_whenAbnormalVitalsArrive_thenTheyAreNeitherScoredNorAlarmed() {
    engine.apply(frame(T0, Consciousness.A, OxygenSupport.air(), NORMAL), T0);

    WardUpdate stopped = news2Applies(false, at(1));

    JsonObject snapshot = snapshot(stopped);
    assertFalse(snapshot.getBoolean("news2Applies"));
    assertNull(snapshot.getValue("news2"), "no score shown once stopped");
    JsonObject audited = only(AuditEntries.of(stopped));
    assertEquals("NEWS2 not used: pregnant", audited.getString("detail"));
    assertEquals(new JsonObject().put("news2Applies", false).put("news2Reason", "pregnant"),
        audited.getJsonObject("assessment"));
    WardUpdate abnormal = engine.apply(frame(at(2), null, null, TACHYPNOEIC), at(2));
    assertEquals(List.of(), abnormal.transitions());
    assertNull(snapshot(abnormal).getValue("news2"));
    assertEquals(List.of(), engine.tick(at(3)).transitions());
  }

  @Test
  void givenAnUnacknowledgedNews2Alarm_whenNews2Stopped_thenRefusedUntilAcknowledged_andThenTheAlarmEnds() {
    String id = raisedId(engine.apply(frame(T0, Consciousness.A, OxygenSupport.air(), TACHYPNOEIC), T0));

    ActionRefused.AlarmsUnacknowledged refused =
        assertThrows(ActionRefused.AlarmsUnacknowledged.class, () -> news2Applies(false, at(1)));

    assertEquals("Acknowledge patient P1's NEWS2 alarm first: NEWS2 3 (low-medium: Respiration rate scored 3)",
        refused.getMessage());
    assertTrue(engine.view().snapshot("P1").orElseThrow().toJson().getBoolean("news2Applies"), "nothing changed");
    engine.act(id, alarm -> alarm.acknowledge("nurse.kim", at(2)), at(2));
    AlarmTransition ended = only(news2Applies(false, at(3)).transitions());
    assertEquals(id, ended.alarmId());
    assertEquals(TransitionType.CLEARED, ended.type());
    assertEquals("nurse.kim", ended.actor(), "ended by the clinician, not as though the score had come down");
    assertEquals("NEWS2 stopped by nurse.kim", ended.detail());
  }

  @Test
  void givenALatchedHighNews2Alarm_whenNews2Stopped_thenRefused() {
    String id = raisedId(engine.apply(frame(T0, Consciousness.A, OxygenSupport.air(), CRITICAL), T0));
    engine.apply(frame(at(1), null, null, NORMAL), at(1));
    engine.apply(frame(at(62), null, null, NORMAL), at(62)); // a minute below the bands: the HIGH alarm latches
    assertEquals("CLEARED_UNACKNOWLEDGED", engine.view().snapshot("P1").orElseThrow().toJson()
        .getJsonArray("alarms").getJsonObject(0).getString("state"));

    assertThrows(ActionRefused.AlarmsUnacknowledged.class, () -> news2Applies(false, at(63)));
    engine.act(id, alarm -> alarm.acknowledge("nurse.kim", at(64)), at(64));
    assertEquals(List.of(), news2Applies(false, at(65)).transitions(), "acknowledging cleared the latched alarm");
  }

  @Test
  void givenNews2Stopped_whenUsedAgain_thenScoredAndAlarmedAtOnce() {
    engine.apply(frame(T0, Consciousness.A, OxygenSupport.air(), NORMAL), T0);
    news2Applies(false, at(1));
    engine.apply(frame(at(2), null, null, TACHYPNOEIC), at(2));

    WardUpdate used = news2Applies(true, at(3));

    AlarmTransition raised = only(used.transitions());
    assertEquals(TransitionType.RAISED, raised.type());
    assertEquals(Priority.MEDIUM, raised.priority());
    JsonObject snapshot = snapshot(used);
    assertTrue(snapshot.getBoolean("news2Applies"));
    assertEquals(3, snapshot.getJsonObject("news2").getInteger("total"));
    assertEquals("NEWS2 used", only(AuditEntries.of(used)).getString("detail"));
  }

  @Test
  void givenNews2Stopped_whenThePatientIsHandedOver_thenItStaysStoppedOnTheNewOwner() {
    engine.apply(frame(T0, Consciousness.A, OxygenSupport.air(), NORMAL), T0);
    news2Applies(false, at(1));
    JsonObject state = engine.state("P1").orElseThrow();
    assertFalse(state.getBoolean("news2Applies"));
    WardState newOwner = new WardState(RULES);

    newOwner.adopt(new JsonObject(state.encode())); // as the store keeps it

    assertEquals(List.of(), newOwner.apply(frame(at(2), null, null, TACHYPNOEIC), at(2)).transitions());
    assertFalse(newOwner.view().snapshot("P1").orElseThrow().toJson().getBoolean("news2Applies"));
    assertEquals(new JsonArray(), newOwner.view().snapshot("P1").orElseThrow().toJson().getJsonArray("alarms"));
  }

  @Test
  void givenAStateWrittenBeforeNews2CouldBeStopped_whenAdopted_thenNews2Applies() {
    engine.apply(frame(T0, Consciousness.A, OxygenSupport.air(), NORMAL), T0);
    JsonObject older = engine.state("P1").orElseThrow();
    older.remove("news2Applies");
    WardState newOwner = new WardState(RULES);

    newOwner.adopt(older);

    assertEquals(TransitionType.RAISED,
        only(newOwner.apply(frame(at(2), null, null, TACHYPNOEIC), at(2)).transitions()).type());
  }

  private WardUpdate news2Applies(boolean applies, Instant at) {
    return engine.assess("P1", new Assessment(null, null, null, applies ? News2Use.USED : News2Use.stopped("pregnant")),
        "nurse.kim", at);
  }

  private static FrameReport frame(Instant at, Consciousness consciousness, OxygenSupport oxygen, String... values) {
    return WardStateFixtures.frame(BED_1, at, consciousness, oxygen, values);
  }
}
