package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.WardStateFixtures.BED_1;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.frame;
import static org.wardwatch.clinical.WardStateFixtures.observation;
import static org.wardwatch.clinical.WardStateFixtures.only;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.config.ConfigException;
import org.wardwatch.model.Parameter;

/**
 * A parameter reported seldom (a monitor once a minute over HL7) falls silent after three of its report intervals, not
 * after the no-data time (30 s here), up to the cap (600 s here); one reported each second still at 30 s.
 */
class ReportIntervalsTest {

  private static final ClinicalRules RULES = ClinicalRules.fromJson(new JsonObject("""
      {"technical": {"noDataSeconds": 30, "maxNoDataSeconds": 600}, "thresholds": [],
       "news2": {"bandPriorities": {"LOW": "NONE", "LOW_MEDIUM": "NONE", "MEDIUM": "NONE", "HIGH": "NONE"}}}"""));

  private final ReportIntervals intervals = new ReportIntervals();

  @Test
  void givenNoSecondValue_thenThreeOfTheFirstReportIntervalOrWithoutOneTheNoDataTime() {
    intervals.note(null, observation(BED_1, "PULSE=80", null, T0));

    assertEquals(180_000, intervals.silentAfterMillis(Parameter.PULSE, RULES), "a minute taken by default");
    assertEquals(30_000, intervals.silentAfterMillis(Parameter.PULSE, ClinicalRules.fromJson(new JsonObject(
        "{\"technical\": {\"noDataSeconds\": 30, \"firstReportSeconds\": 0}, \"thresholds\": []}"))));
  }

  @Test
  void givenANewPatientOfAMonitorReportingOnceAMinute_thenNoNoDataAlarmBeforeItsSecondReport() {
    WardState engine = new WardState(RULES);
    engine.apply(frame(BED_1, T0, "PULSE=80"), T0);

    assertEquals(List.of(), ticks(engine, 1, 59));
    assertEquals(List.of(), engine.apply(frame(BED_1, at(60), "PULSE=81"), at(60)).transitions());
  }

  @Test
  void givenValuesAMinuteApart_thenThreeMinutes_andAtMostTheCap() {
    intervals.note(observation(BED_1, "PULSE=80", null, T0), observation(BED_1, "PULSE=81", null, at(60)));
    intervals.note(observation(BED_1, "SPO2=97", null, T0), observation(BED_1, "SPO2=97", null, at(3600)));
    intervals.note(observation(BED_1, "RESP_RATE=16", null, T0), observation(BED_1, "RESP_RATE=16", null, at(1)));

    assertEquals(180_000, intervals.silentAfterMillis(Parameter.PULSE, RULES));
    assertEquals(600_000, intervals.silentAfterMillis(Parameter.SPO2, RULES));
    assertEquals(30_000, intervals.silentAfterMillis(Parameter.RESP_RATE, RULES), "once a second: the no-data time");
    intervals.note(observation(BED_1, "PULSE=81", null, at(60)), observation(BED_1, "PULSE=82", null, at(60)));
    assertEquals(180_000, intervals.silentAfterMillis(Parameter.PULSE, RULES), "values received together: no interval");
    assertEquals(180_000, ReportIntervals.fromState(new JsonObject(intervals.toState().encode()))
        .silentAfterMillis(Parameter.PULSE, RULES), "kept in the patient's stored state");
  }

  @Test
  void givenAMonitorReportingOnceAMinute_whenItReports_thenNoNoDataAlarmBetween_andOneAfterThreeMissedReports() {
    WardState engine = new WardState(RULES);
    engine.apply(frame(BED_1, T0, "PULSE=80"), T0);
    engine.apply(frame(BED_1, at(60), "PULSE=81"), at(60));
    engine.apply(frame(BED_1, at(120), "PULSE=82"), at(120));

    assertEquals(List.of(), ticks(engine, 121, 300), "the parameter's next reports are due");
    AlarmTransition silent = only(engine.tick(at(301)).transitions());

    assertEquals(TransitionType.RAISED, silent.type());
    assertEquals("No data for Pulse for over 180 s", silent.snapshot().getString("message"));
  }

  @Test
  void givenACuffEveryThreeMinutes_whenANurseTakesAManualReadingBetween_thenNoNoDataAlarmBeforeItsNextReading() {
    WardState engine = new WardState(RULES);
    engine.apply(frame(BED_1, T0, "BP_SYSTOLIC=120"), T0);
    engine.apply(frame(BED_1, at(180), "BP_SYSTOLIC=121"), at(180));
    engine.apply(frame(BED_1, at(190), "BP_SYSTOLIC=118"), at(190)); // the manual reading

    assertEquals(List.of(), ticks(engine, 191, 360), "the cuff's next reading is due at 360 s");
    assertEquals(List.of(), engine.apply(frame(BED_1, at(360), "BP_SYSTOLIC=119"), at(360)).transitions());
    IntStream.rangeClosed(361, 363).forEach(second -> engine.apply(frame(BED_1, at(second), "BP_SYSTOLIC=119"),
        at(second))); // a stream from now on: silent at the no-data time again once its last three values say so
    assertEquals(List.of(), ticks(engine, 364, 393));
    assertEquals("No data for Systolic BP for over 30 s",
        only(engine.tick(at(394)).transitions()).snapshot().getString("message"));
  }

  @Test
  void givenAStreamOnceASecond_whenItStops_thenTheNoDataAlarmAtTheNoDataTime() {
    WardState engine = new WardState(RULES);
    IntStream.rangeClosed(0, 10).forEach(second -> engine.apply(frame(BED_1, at(second), "PULSE=80"), at(second)));

    assertEquals(List.of(), ticks(engine, 11, 40));
    assertTrue(only(engine.tick(at(41)).transitions()).snapshot().getString("message")
        .equals("No data for Pulse for over 30 s"));
  }

  @Test
  void givenParametersReportedSeldomAndOften_thenTheSnapshotSaysHowOftenTheSeldomOnesComeForTheDashboard() {
    WardState engine = new WardState(RULES);
    engine.apply(frame(BED_1, T0, "PULSE=80", "RESP_RATE=16"), T0);
    engine.apply(frame(BED_1, at(1), "RESP_RATE=17"), at(1));
    engine.apply(frame(BED_1, at(60), "PULSE=81"), at(60));

    JsonObject vitals = engine.view().snapshot("P1").orElseThrow().toJson().getJsonObject("vitals");

    assertEquals(60, vitals.getJsonObject("PULSE").getInteger("every"), "a tile is not stale between its reports");
    assertTrue(!vitals.getJsonObject("RESP_RATE").containsKey("every"), "a stream's is unsaid: 15 s stand");
  }

  @Test
  void givenACapBelowTheNoDataTime_whenRead_thenRefused() {
    ConfigException refused = assertThrows(ConfigException.class, () -> ClinicalRules.fromJson(new JsonObject(
        "{\"technical\": {\"noDataSeconds\": 60, \"maxNoDataSeconds\": 30}, \"thresholds\": []}")));

    assertTrue(refused.getMessage().startsWith("technical.maxNoDataSeconds: must be at least"), refused.getMessage());
  }

  private static List<AlarmTransition> ticks(WardState engine, int first, int last) {
    return IntStream.rangeClosed(first, last).mapToObj(second -> engine.tick(at(second)).transitions())
        .flatMap(List::stream).toList();
  }
}
