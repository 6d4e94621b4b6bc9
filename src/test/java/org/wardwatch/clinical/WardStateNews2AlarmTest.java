package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.on;
import static org.wardwatch.clinical.WardStateFixtures.only;
import static org.wardwatch.clinical.WardStateFixtures.onlyAlarm;
import static org.wardwatch.clinical.WardStateFixtures.snapshot;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmState;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.OxygenSupport;
import org.wardwatch.model.Priority;

/**
 * The NEWS2 alarm of the clinical engine as the total moves: kept while the total wavers at a band's edge, ended only
 * once the lower total has held a minute, raised in priority on the same alarm, marked stale when its charting or its
 * monitor goes silent or disconnects and fresh again when values come, and cleared when the rules stop alarming on its
 * band.
 */
class WardStateNews2AlarmTest extends WardStateNews2Fixture {

  @Test
  void givenNews2AlarmOnACharting_whenTheChartingGoesStale_thenTheAlarmStaysMarkedStaleUntilFreshValuesEndIt() {
    String[] vitals = {"RESP_RATE=21", "SPO2=97", "BP_SYSTOLIC=120", "PULSE=80", "TEMPERATURE=37.0"};
    String id = only(engine.apply(frame(T0, Consciousness.V, OxygenSupport.air(), vitals), T0).transitions())
        .alarmId(); // NEWS2 5: V and a respiration rate of 21
    List<AlarmTransition> meanwhile = new ArrayList<>();
    for (int second = 10; second <= 90; second += 10) { // the charting is stale after a minute; the monitor goes on
      meanwhile.addAll(engine.apply(frame(at(second), null, null, vitals), at(second)).transitions());
      meanwhile.addAll(engine.tick(at(second)).transitions());
    }

    assertEquals(List.of(TransitionType.DATA_STALE), meanwhile.stream().map(AlarmTransition::type).toList(),
        "a stale charting proves no improvement: " + meanwhile);
    assertTrue(onlyAlarm(engine.view().snapshot("P1").orElseThrow().toJson()).getBoolean("dataStale"));
    List<AlarmTransition> charted = assess("P1", Consciousness.A, OxygenSupport.air(), null, at(95))
        .transitions();
    assertEquals(List.of(TransitionType.DATA_FRESH), charted.stream().map(AlarmTransition::type).toList());
    List<AlarmTransition> after = new ArrayList<>();
    for (int second = 100; second <= 150; second += 10) {
      after.addAll(engine.apply(frame(at(second), null, null, vitals), at(second)).transitions());
    }
    after.addAll(engine.tick(at(155)).transitions());
    assertEquals(List.of(TransitionType.ESCALATED, TransitionType.CONDITION_ENDED),
        after.stream().map(AlarmTransition::type).toList(), "unacknowledged, it escalated to HIGH and so latches");
    assertEquals(id, after.get(1).alarmId());
    assertEquals(at(155), after.get(1).at(), "a minute after the lower score");
  }

  @Test
  void givenAcknowledgedNews2Alarm_whenTheTotalWaversAtABandsEdge_thenTheSameAlarmStaysUntilTheLowerTotalHeld() {
    String[] five = {"RESP_RATE=21", "SPO2=95", "BP_SYSTOLIC=120", "PULSE=91", "TEMPERATURE=38.1"};
    String[] three = {"RESP_RATE=20", "SPO2=95", "BP_SYSTOLIC=120", "PULSE=91", "TEMPERATURE=38.1"};
    String id = only(engine.apply(frame(T0, Consciousness.A, OxygenSupport.air(), five), T0).transitions()).alarmId();
    engine.act(id, alarm -> alarm.acknowledge("nurse.kim", at(5)), at(5));
    List<AlarmTransition> wavering = new ArrayList<>();
    for (int second = 10; second <= 50; second += 10) {
      wavering.addAll(engine.apply(frame(at(second), Consciousness.A, OxygenSupport.air(),
          second % 20 == 0 ? five : three), at(second)).transitions());
    }
    assertEquals(List.of(), wavering, "neither cleared nor raised anew at each waver");
    JsonObject alarm = onlyAlarm(engine.view().snapshot("P1").orElseThrow().toJson());
    assertEquals(id, alarm.getString("id"));
    assertEquals("ACTIVE_ACKNOWLEDGED", alarm.getString("state"));

    List<AlarmTransition> lower = new ArrayList<>();
    for (int second = 60; second <= 120; second += 10) {
      lower.addAll(engine.apply(frame(at(second), Consciousness.A, OxygenSupport.air(), three), at(second))
          .transitions());
    }
    AlarmTransition cleared = only(lower);
    assertEquals(TransitionType.CLEARED, cleared.type());
    assertEquals(at(110), cleared.at(), "a minute after the total fell for good, at 50 s");
  }

  @Test
  void givenNews2AlarmMarkedStaleByADisconnection_whenDataComesAgain_thenMarkedFresh() {
    String[] vitals = {"RESP_RATE=21", "SPO2=97", "BP_SYSTOLIC=120", "PULSE=80", "TEMPERATURE=37.0"};
    engine.apply(frame(T0, Consciousness.V, OxygenSupport.air(), vitals), T0);
    engine.deviceEvent(DeviceEvent.disconnected(MON_1, null, null), at(5));

    List<AlarmTransition> back = engine.apply(frame(at(10), null, null, vitals), at(10)).transitions();

    assertTrue(back.stream().anyMatch(t -> t.type() == TransitionType.DATA_FRESH && t.snapshot().getString("condition")
        .equals("NEWS2")), back::toString);
    assertFalse(onlyAlarm(engine.view().snapshot("P1").orElseThrow().toJson()).getBoolean("dataStale"));
  }

  @Test
  void givenNews2Alarm_whenItsMonitorFallsSilentStillConnected_thenMarkedStaleWithTheNoDataAlarmAndFreshAgainAfter() {
    WardState engine = new WardState(ClinicalRules.fromJson(new JsonObject("""
        {"news2": {"bandPriorities": {"MEDIUM": "MEDIUM", "HIGH": "HIGH"}}, "technical": {"noDataSeconds": 30},
         "thresholds": []}""")));
    String[] vitals = {"RESP_RATE=21", "SPO2=97", "BP_SYSTOLIC=120", "PULSE=80", "TEMPERATURE=37.0"};
    engine.apply(frame(T0, Consciousness.V, OxygenSupport.air(), vitals), T0);
    engine.apply(frame(at(1), null, null, vitals), at(1)); // a stream once a second: silent at the no-data time

    List<AlarmTransition> silent = engine.tick(at(40)).transitions();

    assertEquals(List.of("NEWS2:DATA_STALE", "TECHNICAL:NO_DATA:RAISED"), silent.stream()
        .map(t -> t.snapshot().getString("condition") + ":" + t.type()).sorted().toList(), silent::toString);
    List<AlarmTransition> back = engine.apply(frame(at(45), null, null, vitals), at(45)).transitions();
    assertTrue(back.stream().anyMatch(t -> t.type() == TransitionType.DATA_FRESH && t.snapshot().getString("condition")
        .equals("NEWS2")), back::toString);
  }

  @Test
  void givenADisconnectedDevice_whenAFrameInFlightAtTheCloseRaisesTheNews2Alarm_thenItIsRaisedStale() {
    String[] calm = {"RESP_RATE=16", "SPO2=97", "BP_SYSTOLIC=120", "PULSE=80", "TEMPERATURE=37.0"};
    String[] worse = {"RESP_RATE=21", "SPO2=97", "BP_SYSTOLIC=120", "PULSE=80", "TEMPERATURE=37.0"};
    ConnectionId connection = ConnectionId.opened(T0);
    engine.apply(on(connection, frame(T0, Consciousness.A, OxygenSupport.air(), calm)), T0);
    engine.deviceEvent(DeviceEvent.disconnected(MON_1, connection, at(5)), at(5));

    List<AlarmTransition> inFlight = engine.apply(on(connection, frame(at(5).minusMillis(100), Consciousness.V,
        OxygenSupport.air(), worse)), at(6)).transitions();

    assertEquals(List.of(TransitionType.RAISED, TransitionType.DATA_STALE), inFlight.stream()
        .filter(t -> t.snapshot().getString("condition").equals("NEWS2")).map(AlarmTransition::type).toList(),
        inFlight::toString);
    assertTrue(onlyAlarm(engine.view().snapshot("P1").orElseThrow().toJson()).getBoolean("dataStale"));
  }

  @Test
  void givenHighNews2AlarmEasedToMediumForAWhile_whenTheTotalLeavesTheBands_thenItEndsAMinuteAfterThatOnly() {
    String[] seven = {"RESP_RATE=21", "SPO2=95", "BP_SYSTOLIC=120", "PULSE=111", "TEMPERATURE=39.1"};
    String[] five = {"RESP_RATE=21", "SPO2=95", "BP_SYSTOLIC=120", "PULSE=91", "TEMPERATURE=38.1"};
    String[] three = {"RESP_RATE=20", "SPO2=95", "BP_SYSTOLIC=120", "PULSE=91", "TEMPERATURE=38.1"};
    String id = only(engine.apply(frame(T0, Consciousness.A, OxygenSupport.air(), seven), T0).transitions()).alarmId();
    engine.act(id, alarm -> alarm.acknowledge("nurse.kim", at(5)), at(5));
    List<AlarmTransition> transitions = new ArrayList<>();
    for (int second = 10; second <= 130; second += 10) { // medium from 10 s, out of the bands from 60 s
      transitions.addAll(engine.apply(frame(at(second), Consciousness.A, OxygenSupport.air(),
          second < 60 ? five : three), at(second)).transitions());
    }

    AlarmTransition cleared = only(transitions);
    assertEquals(TransitionType.CLEARED, cleared.type());
    assertEquals(at(120), cleared.at(), "a minute below the bands, not a minute after the total first fell");
  }

  @Test
  void givenAcknowledgedHighNews2Alarm_whenTheTotalLeftTheBandsThenCameBackMedium_thenARiseToHighAlarmsAgain() {
    String[] seven = {"RESP_RATE=21", "SPO2=95", "BP_SYSTOLIC=120", "PULSE=111", "TEMPERATURE=39.1"};
    String[] five = {"RESP_RATE=21", "SPO2=95", "BP_SYSTOLIC=120", "PULSE=91", "TEMPERATURE=38.1"};
    String[] three = {"RESP_RATE=20", "SPO2=95", "BP_SYSTOLIC=120", "PULSE=91", "TEMPERATURE=38.1"};
    String id = only(engine.apply(frame(T0, Consciousness.A, OxygenSupport.air(), seven), T0).transitions()).alarmId();
    engine.act(id, alarm -> alarm.acknowledge("nurse.kim", at(5)), at(5));
    for (int second = 20; second <= 50; second += 10) { // out of the bands for 40 s, then medium: below HIGH from 20 s
      engine.apply(frame(at(second), Consciousness.A, OxygenSupport.air(), second < 50 ? three : five), at(second));
    }
    engine.apply(frame(at(80), Consciousness.A, OxygenSupport.air(), five), at(80));

    AlarmTransition rose = only(engine.apply(frame(at(90), Consciousness.A, OxygenSupport.air(), seven), at(90))
        .transitions());
    assertEquals(TransitionType.PRIORITY_RAISED, rose.type(), "below HIGH for over a minute: worse again alarms");
    assertEquals(id, rose.alarmId());
  }

  @Test
  void givenNews2AlarmWhoseTotalLeftTheBands_whenTheDeviceDisconnects_thenTheAlarmIsNotEndedOnTheLastFrame() {
    String[] five = {"RESP_RATE=21", "SPO2=95", "BP_SYSTOLIC=120", "PULSE=91", "TEMPERATURE=38.1"};
    String[] three = {"RESP_RATE=20", "SPO2=95", "BP_SYSTOLIC=120", "PULSE=91", "TEMPERATURE=38.1"};
    String id = only(engine.apply(frame(T0, Consciousness.A, OxygenSupport.air(), five), T0).transitions()).alarmId();
    engine.apply(frame(at(10), Consciousness.A, OxygenSupport.air(), three), at(10));

    engine.deviceEvent(DeviceEvent.disconnected(MON_1, null, null), at(11));
    List<AlarmTransition> later = new ArrayList<>();
    for (int second = 20; second <= 120; second += 10) {
      later.addAll(engine.tick(at(second)).transitions());
    }

    assertTrue(later.stream().noneMatch(t -> t.alarmId().equals(id) && t.type() == TransitionType.CLEARED),
        "one frame below the bands and a device gone prove nothing: " + later);
  }

  @Test
  void givenMediumNews2Alarm_whenBandFallsBackToLow_thenAlarmClearedOnceTheLowBandHeldAMinute() {
    String[] vitals = {"RESP_RATE=16", "SPO2=92", "BP_SYSTOLIC=120", "PULSE=80", "TEMPERATURE=37.0"};
    engine.apply(frame(T0, Consciousness.A, OxygenSupport.air(), vitals), T0);
    String id = only(assess("P1", Consciousness.V, TWO_LITRES, true, at(10)).transitions()).alarmId();

    WardUpdate update = assess("P1", Consciousness.A, OxygenSupport.air(), null, at(20));

    assertEquals(List.of(), update.transitions());
    JsonObject snapshot = snapshot(update);
    assertEquals("low", snapshot.getJsonObject("news2").getString("band"));
    assertEquals(2, snapshot.getJsonObject("news2").getInteger("scale"), "a null scale leaves it as it was");
    assertEquals("NEWS2 " + snapshot.getJsonObject("news2").getInteger("total") + " (low)",
        onlyAlarm(snapshot).getString("message"), "the message describes the current total meanwhile");
    List<AlarmTransition> later = new ArrayList<>();
    for (int second = 30; second <= 80; second += 10) {
      later.addAll(engine.apply(frame(at(second), null, null, vitals), at(second)).transitions());
    }
    AlarmTransition cleared = only(later);
    assertEquals(TransitionType.CLEARED, cleared.type());
    assertEquals(id, cleared.alarmId());
    assertEquals(AlarmState.CLEARED, cleared.toState());
    assertEquals(at(80), cleared.at());
  }

  @Test
  void givenMediumNews2Alarm_whenBandRisesToHigh_thenPriorityRaisedOnTheSameAlarm() {
    engine.apply(frame(T0, Consciousness.A, OxygenSupport.air(),
        "RESP_RATE=16", "SPO2=92", "BP_SYSTOLIC=120", "PULSE=80", "TEMPERATURE=37.0"), T0);
    String id = only(assess("P1", Consciousness.V, TWO_LITRES, true, at(10)).transitions()).alarmId();

    WardUpdate update = engine.apply(frame(at(20), null, null, "PULSE=115"), at(20));

    AlarmTransition raised = only(update.transitions());
    assertEquals(TransitionType.PRIORITY_RAISED, raised.type());
    assertEquals(id, raised.alarmId());
    assertEquals(Priority.HIGH, raised.priority());
    assertEquals("NEWS2 7 (high)", raised.snapshot().getString("message"));
  }

  @Test
  void givenMediumNews2Alarm_whenRulesNoLongerAlarmOnTheBand_thenATickClearsItAMinuteLater() {
    String[] vitals = {"RESP_RATE=16", "SPO2=92", "BP_SYSTOLIC=120", "PULSE=80", "TEMPERATURE=37.0"};
    engine.apply(frame(T0, Consciousness.A, OxygenSupport.air(), vitals), T0);
    String id = only(assess("P1", Consciousness.V, TWO_LITRES, true, at(10)).transitions()).alarmId();
    assertEquals(List.of(), engine.tick(at(11)).transitions(), "nothing changed, nothing to reconcile");

    engine.replaceRules(ClinicalRules.fromJson(new JsonObject("""
        {
          "news2": {"freshnessMinutes": 1, "bandPriorities": {"MEDIUM": "NONE"}},
          "technical": {"noDataSeconds": 86400,
                        "priorities": {"DISCONNECTED": "MEDIUM", "NO_DATA": "MEDIUM", "INVALID_SIGNAL": "LOW"}},
          "thresholds": []
        }
        """)));
    assertEquals(List.of(), engine.tick(at(12)).transitions(), "the band no longer alarms: the easing begins");
    for (int second = 20; second <= 70; second += 10) { // the nurse's charting of V on 2 L/min stands
      assertEquals(List.of(), engine.apply(frame(at(second), Consciousness.V, TWO_LITRES, vitals), at(second))
          .transitions());
    }
    WardUpdate update = engine.tick(at(72));

    AlarmTransition cleared = only(update.transitions());
    assertEquals(TransitionType.CLEARED, cleared.type());
    assertEquals(id, cleared.alarmId());
  }
}
