package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.only;
import static org.wardwatch.clinical.WardStateFixtures.onlyOf;
import static org.wardwatch.clinical.WardStateFixtures.raisedId;
import static org.wardwatch.clinical.WardStateFixtures.snapshot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmState;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.Priority;

/**
 * The clinical engine's "no data" alarm: raised by a tick once a parameter has been silent for the no-data time, naming
 * it and marking its alarms stale, or every parameter when the whole device is silent; not raised for a parameter a
 * frame brings before the tick; ended with data fresh when the parameter reports again.
 */
class WardStateNoDataAlarmTest extends WardStateTechnicalAlarmFixture {

  @Test
  void givenParameterSilentForNoDataSeconds_whenTicked_thenNoDataAlarmNamingItAndItsAlarmStale() {
    String pulseAlarm = raisedId(engine.apply(frame(T0, "PULSE=190", "SPO2=97"), T0));
    engine.apply(frame(at(20), "SPO2=97"), at(20));
    assertEquals(List.of(), engine.tick(at(30)).transitions(), "exactly noDataSeconds silent is not yet too long");

    WardUpdate update = engine.tick(at(31));

    assertEquals(2, update.transitions().size(), () -> update.transitions().toString());
    AlarmTransition raised = ofType(update, TransitionType.RAISED);
    assertEquals(Priority.HIGH, raised.priority());
    JsonObject noData = raised.snapshot();
    assertEquals("TECHNICAL", noData.getString("kind"));
    assertEquals("TECHNICAL:NO_DATA", noData.getString("condition"));
    assertEquals("No data for Pulse for over 30 s", noData.getString("message"));
    assertEquals(pulseAlarm, ofType(update, TransitionType.DATA_STALE).alarmId());
    JsonObject snapshot = snapshot(update);
    assertEquals(raised.alarmId(), onlyOf(snapshot, "technicalAlarms").getString("id"));
    JsonObject physiological = onlyOf(snapshot, "alarms");
    assertEquals(pulseAlarm, physiological.getString("id"));
    assertTrue(physiological.getBoolean("dataStale"));
    assertEquals("ACTIVE_UNACKNOWLEDGED", physiological.getString("state"));
  }

  @Test
  void givenParameterSilentPastNoDataSecondsBeforeTheTick_whenAFrameBringsIt_thenNoNoDataAlarmRaisedAndCleared() {
    engine.apply(frame(T0, "PULSE=80", "SPO2=97"), T0);
    engine.apply(frame(at(20), "SPO2=97"), at(20));

    WardUpdate update = engine.apply(frame(at(31), "PULSE=81", "SPO2=97"), at(31)); // the patient's tick not come yet

    assertEquals(List.of(), update.transitions(), "no alarm raised and cleared in the same instant");
  }

  @Test
  void givenAnOnsetDelayRunOutAndAParameterSilentBeforeTheTick_whenAFrameBringsIt_thenOnlyTheOnsetAlarms() {
    engine.apply(frame(T0, "PULSE=80", "SPO2=97"), T0);
    engine.apply(frame(at(20), "SPO2=97", "RESP_RATE=28"), at(20)); // breaching, its 15 s delay due at 35 s

    WardUpdate update = engine.apply(frame(at(36), "PULSE=81", "SPO2=97", "RESP_RATE=28"), at(36));

    assertEquals(List.of(TransitionType.RAISED), update.transitions().stream().map(AlarmTransition::type).toList());
    assertEquals("THRESHOLD:RESP_RATE", only(update.transitions()).snapshot().getString("condition"));
  }

  @Test
  void givenABreachWhoseDelayRanOutWhileItsParameterWasSilent_whenAFrameBringsItBackInside_thenNoThresholdAlarm() {
    engine.apply(frame(T0, "PULSE=80", "TEMPERATURE=39.0"), T0); // its 60 s delay outlasts the 30 s of no data
    engine.apply(frame(at(30), "PULSE=80"), at(30));

    WardUpdate update = engine.apply(frame(at(61), "PULSE=80", "TEMPERATURE=37.0"), at(61));

    assertEquals(List.of(), update.transitions().stream()
        .filter(transition -> transition.alarmId().contains("THRESHOLD")).toList(), "silent when its delay ran out");
  }

  @Test
  void givenParameterSilentPastNoDataSecondsBeforeTheTick_whenAFrameBringsAnotherOne_thenNoDataRaisedForIt() {
    engine.apply(frame(T0, "PULSE=80", "SPO2=97"), T0);

    WardUpdate update = engine.apply(frame(at(31), "SPO2=97"), at(31));

    assertEquals("No data for Pulse for over 30 s", ofType(update, TransitionType.RAISED).snapshot()
        .getString("message"));
  }

  @Test
  void givenNoDataAlarm_whenTheSilentParameterReportsAgain_thenNoDataEndsAndDataFresh() {
    String pulseAlarm = raisedId(engine.apply(frame(T0, "PULSE=190", "SPO2=97"), T0));
    engine.apply(frame(at(20), "SPO2=97"), at(20));
    String noData = ofType(engine.tick(at(31)), TransitionType.RAISED).alarmId();

    WardUpdate update = engine.apply(frame(at(40), "PULSE=190"), at(40));

    assertEquals(2, update.transitions().size(), () -> update.transitions().toString());
    AlarmTransition cleared = ofType(update, TransitionType.CLEARED);
    assertEquals(noData, cleared.alarmId());
    assertEquals(AlarmState.CLEARED, cleared.toState(), "a HIGH technical alarm does not latch");
    assertEquals(pulseAlarm, ofType(update, TransitionType.DATA_FRESH).alarmId());
    JsonObject snapshot = snapshot(update);
    assertEquals(new JsonArray(), snapshot.getJsonArray("technicalAlarms"));
    assertFalse(onlyOf(snapshot, "alarms").getBoolean("dataStale"));
  }

  @Test
  void givenWholeDeviceSilent_whenTicked_thenNoDataNamesEveryParameter() {
    engine.apply(frame(T0, "PULSE=80", "SPO2=97"), T0);

    WardUpdate update = engine.tick(at(31));

    AlarmTransition raised = only(update.transitions());
    assertEquals("No data for Pulse, SpO2 for over 30 s", raised.snapshot().getString("message"));
  }
}
