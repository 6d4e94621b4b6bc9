package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.only;
import static org.wardwatch.clinical.WardStateFixtures.onlyOf;
import static org.wardwatch.clinical.WardStateFixtures.snapshot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmState;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Parameter;

/**
 * A clinician stops measuring a parameter the patient no longer has a sensor for (an oximeter taken off for good while
 * the monitor carries on): its no-data and sensor-off alarms end instead of reminding for ever, a latched alarm stays
 * until acknowledged, NEWS2 goes on without it, and its next value starts it again; refused while it is still reported.
 */
class MeasurementStopTest {

  private static final DeviceIdentity MONITOR = WardStateFixtures.BED_1;
  private static final DeviceIdentity OXIMETER = new DeviceIdentity("ox-7", "P1", "1", "surgery");
  private static final Set<Parameter> SPO2 = Set.of(Parameter.SPO2);

  /** No data after 30 s; SpO2 below 85 a latching HIGH alarm; no NEWS2 alarms. */
  private static final ClinicalRules RULES = ClinicalRules.fromJson(new JsonObject("""
      {
        "alarms": {"escalateAfterSeconds": {"LOW": 3600, "MEDIUM": 3600, "HIGH": 3600}},
        "news2": {"bandPriorities": {"LOW": "NONE", "LOW_MEDIUM": "NONE", "MEDIUM": "NONE", "HIGH": "NONE"}},
        "technical": {"noDataSeconds": 30, "firstReportSeconds": 0,
                      "priorities": {"DISCONNECTED": "MEDIUM", "NO_DATA": "MEDIUM", "INVALID_SIGNAL": "LOW"}},
        "thresholds": [{"parameter": "SPO2", "below": 85, "priority": "HIGH"}]
      }
      """));

  private final WardState engine = new WardState(RULES);

  @Test
  void givenOximeterGoneSilent_whenItsMeasurementIsStopped_thenTheNoDataAlarmEndsAndStaysEnded() {
    engine.apply(WardStateFixtures.frame(OXIMETER, T0, "SPO2=97"), T0);
    for (int second = 0; second <= 40; second += 10) {
      engine.apply(WardStateFixtures.frame(MONITOR, at(second), "PULSE=80"), at(second));
    }
    JsonObject silent = onlyOf(engine.view().snapshot("P1").orElseThrow().toJson(), "technicalAlarms");
    assertEquals("No data for SpO2 for over 30 s", silent.getString("message"));
    String noData = silent.getString("id");

    WardUpdate stopped = engine.stopMeasuring("P1", SPO2, "nurse.kim", at(45));

    AlarmTransition cleared = only(stopped.transitions());
    assertEquals(noData, cleared.alarmId());
    assertEquals(TransitionType.CLEARED, cleared.type());
    JsonObject shown = snapshot(stopped);
    assertFalse(shown.getJsonObject("vitals").containsKey("SPO2"), shown::encode);
    assertEquals(new JsonArray(), shown.getJsonArray("technicalAlarms"));
    assertEquals(Set.of("P1"), stopped.changedPatients(), "stored, for a member that takes the patient over");
    JsonObject audit = stopped.audit().stream().map(AuditRecord::entry)
        .filter(entry -> "MEASUREMENT_STOPPED".equals(entry.getString("type"))).findFirst().orElseThrow();
    assertEquals("MEASUREMENT_STOPPED", audit.getString("type"));
    assertEquals("nurse.kim", audit.getString("actor"));
    assertEquals("stopped measuring SpO2", audit.getString("detail"));
    engine.apply(WardStateFixtures.frame(MONITOR, at(50), "PULSE=80"), at(50));
    assertEquals(List.of(), engine.tick(at(600)).transitions().stream()
        .filter(transition -> transition.type() == TransitionType.RAISED
            && transition.snapshot().getString("message").contains("SpO2")).toList());
  }

  @Test
  void givenMeasurementStopped_whenItsNextValueComes_thenItIsMeasuredAndAlarmsAgain() {
    engine.apply(WardStateFixtures.frame(OXIMETER, T0, "SPO2=97"), T0);
    engine.stopMeasuring("P1", SPO2, "nurse.kim", at(31));

    WardUpdate again = engine.apply(WardStateFixtures.frame(OXIMETER, at(60), "SPO2=96"), at(60));
    WardUpdate silent = engine.tick(at(91));

    assertEquals(96, snapshot(again).getJsonObject("vitals").getJsonObject("SPO2").getInteger("value"));
    assertEquals("No data for SpO2 for over 30 s", only(silent.transitions()).snapshot().getString("message"));
  }

  @Test
  void givenMeasurementStopped_whenAValueReceivedBeforeTheStopIsAppliedLate_thenItStaysStopped() {
    engine.apply(WardStateFixtures.frame(OXIMETER, T0, "SPO2=97"), T0);
    engine.apply(WardStateFixtures.frame(MONITOR, T0, "PULSE=80"), T0);
    engine.deviceEvent(DeviceEvent.disconnected(OXIMETER, null, at(1)), at(1)); // stoppable at once
    engine.stopMeasuring("P1", SPO2, "nurse.kim", at(3));

    // in flight when the oximeter's connection closed: received at 0.5 s, applied after the stop
    WardUpdate late = engine.apply(WardStateFixtures.frame(OXIMETER, T0.plusMillis(500), "SPO2=96"), at(4));
    List<String> later = IntStream.rangeClosed(5, 120).mapToObj(second -> engine.tick(at(second)).transitions())
        .flatMap(List::stream).map(transition -> transition.snapshot().getString("message")).toList();
    WardUpdate again = engine.apply(WardStateFixtures.frame(OXIMETER, at(121), "SPO2=95"), at(121));

    assertFalse(snapshot(late).getJsonObject("vitals").containsKey("SPO2"), "stopped before it was applied");
    assertTrue(later.stream().noneMatch(message -> message.contains("SpO2")), later::toString);
    assertEquals(95, snapshot(again).getJsonObject("vitals").getJsonObject("SPO2").getInteger("value"),
        "a value received after the stop starts it again");
  }

  @Test
  void givenAlarmOfTheMeasurementUnacknowledged_whenStopped_thenRefusedUntilAcknowledged() {
    String low = only(engine.apply(WardStateFixtures.frame(OXIMETER, T0, "SPO2=80"), T0).transitions()).alarmId();

    ActionRefused refused = assertThrows(ActionRefused.AlarmsUnacknowledged.class,
        () -> engine.stopMeasuring("P1", SPO2, "nurse.kim", at(31)));
    engine.act(low, alarm -> alarm.acknowledge("nurse.kim", at(32)), at(32));
    WardUpdate stopped = engine.stopMeasuring("P1", SPO2, "nurse.kim", at(33));

    assertEquals(409, refused.failureCode());
    assertEquals("Acknowledge patient P1's alarms first: SpO2 80 % below 85", refused.getMessage(),
        "it would end unseen");
    AlarmTransition ended = only(stopped.transitions());
    assertEquals(low, ended.alarmId());
    assertEquals(AlarmState.CLEARED, ended.toState());
  }

  @Test
  void givenNews2AlarmUnacknowledged_whenStopped_thenRefused() {
    WardState scoring = new WardState(ClinicalRules.fromJson(new JsonObject("""
        {"news2": {"bandPriorities": {"LOW": "LOW", "LOW_MEDIUM": "MEDIUM", "MEDIUM": "MEDIUM", "HIGH": "HIGH"}},
         "technical": {"noDataSeconds": 30, "firstReportSeconds": 0}, "thresholds": []}
        """)));
    scoring.apply(WardStateFixtures.frame(OXIMETER, T0, "SPO2=91", "RESP_RATE=22", "PULSE=115", "BP_DIASTOLIC=70"),
        T0);

    ActionRefused refused = assertThrows(ActionRefused.AlarmsUnacknowledged.class,
        () -> scoring.stopMeasuring("P1", SPO2, "nurse.kim", at(31)));
    WardUpdate unscored = scoring.stopMeasuring("P1", Set.of(Parameter.BP_DIASTOLIC), "nurse.kim", at(31));

    assertTrue(refused.getMessage().startsWith("Acknowledge patient P1's alarms first: NEWS2 "), refused::getMessage);
    assertFalse(snapshot(unscored).getJsonObject("vitals").containsKey("BP_DIASTOLIC"), "NEWS2 does not score it");
  }

  @Test
  void givenValueStillReported_whenStopped_thenRefusedWithWhatToDoFirst() {
    engine.apply(WardStateFixtures.frame(OXIMETER, T0, "SPO2=97"), T0);

    ActionRefused refused = assertThrows(ActionRefused.StillMonitored.class,
        () -> engine.stopMeasuring("P1", SPO2, "nurse.kim", at(20)));

    assertEquals(409, refused.failureCode());
    assertEquals("Patient P1's SpO2 is still measured by ox-7: take its sensor off (or stop its reports) first, or its"
        + " next report starts it again", refused.getMessage());
    assertTrue(engine.view().snapshot("P1").orElseThrow().toJson().getJsonObject("vitals").containsKey("SPO2"),
        "nothing changed");
  }

  @Test
  void givenSensorReportedOffInEveryFrame_whenStopped_thenRefusedUntilTheMonitorStopsReportingIt() {
    engine.apply(WardStateFixtures.frame(OXIMETER, T0, "SPO2=97"), T0);
    // the monitor's clock 20 s behind: its frame says 20 s, the gateway received it at 40 s
    engine.apply(new FrameReport(MONITOR, at(20), at(40), List.of(), null, null, SPO2, null, null, List.of()),
        at(40));

    ActionRefused refused = assertThrows(ActionRefused.StillMonitored.class,
        () -> engine.stopMeasuring("P1", SPO2, "nurse.kim", at(65)));
    WardUpdate stopped = engine.stopMeasuring("P1", SPO2, "nurse.kim", at(71));

    assertEquals("Patient P1's SpO2 sensor is still reported off: turn the measurement off on the device first, or its"
        + " next report starts it again", refused.getMessage());
    AlarmTransition sensorOff = only(stopped.transitions());
    assertEquals(TransitionType.CLEARED, sensorOff.type());
    assertEquals("TECHNICAL:SENSOR_OFF", sensorOff.snapshot().getString("condition"));
  }

  @Test
  void givenNoSuchMeasurement_whenStopped_thenUnknown() {
    engine.apply(WardStateFixtures.frame(MONITOR, T0, "PULSE=80"), T0);

    ActionRefused refused = assertThrows(ActionRefused.UnknownTarget.class,
        () -> engine.stopMeasuring("P1", Set.of(Parameter.TEMPERATURE), "nurse.kim", at(60)));

    assertEquals("patient P1 has no Temperature measurement", refused.getMessage());
  }
}
