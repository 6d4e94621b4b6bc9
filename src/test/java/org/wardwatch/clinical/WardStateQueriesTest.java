package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.at;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.bus.PatientSnapshot;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.Priority;

/** What the REST queries read from the engine: a patient's trend with its limits and events, wards, a ward's list. */
class WardStateQueriesTest {

  private static final String RULES = """
      {"news2": {"bandPriorities": {"LOW_MEDIUM": "NONE", "MEDIUM": "NONE", "HIGH": "NONE"}},
       "technical": {"noDataSeconds": 3600, "priorities": {"INVALID_SIGNAL": "LOW"}},
       "thresholds": [
         {"parameter": "PULSE", "above": 150, "priority": "HIGH", "hysteresis": 5},
         {"parameter": "PULSE", "below": 40, "priority": "HIGH"},
         {"parameter": "SPO2", "below": 90, "priority": "MEDIUM", "delaySeconds": 15, "hysteresis": 2}],
       "wards": {"icu": {"thresholds": [{"parameter": "SPO2", "below": 94, "priority": "MEDIUM"}]}}}""";
  private static final String WARD_LIMITS = "{\"PULSE\":[{\"above\":150,\"priority\":\"HIGH\",\"hysteresis\":5},"
      + "{\"below\":40,\"priority\":\"HIGH\"}],\"SPO2\":[{\"below\":94,\"priority\":\"MEDIUM\"}]}";

  private final WardState engine = new WardState(ClinicalRules.fromJson(new JsonObject(RULES)));

  @Test
  void historyNamesTheWardTheLimitsInForceAndTheTransitionsAsPublished() {
    WardUpdate update = engine.apply(frame(bed("P1", "icu"), T0, T0, "PULSE", "190"), T0);

    JsonObject history = engine.view().history("P1", 60, at(5)).orElseThrow();

    assertEquals("P1", history.getString("patient"));
    assertEquals("icu", history.getString("ward"));
    assertEquals("[[" + T0.toEpochMilli() + ",190.0,190.0,190.0]]",
        history.getJsonObject("series").getJsonArray("PULSE").encode());
    assertEquals(WARD_LIMITS, history.getJsonObject("limits").encode());
    assertEquals(1, update.transitions().size());
    assertEquals(new JsonArray(update.transitions().stream().map(AlarmTransition::toJson).toList()),
        history.getJsonArray("events"));
  }

  @Test
  void patientsOverrideReplacesTheWardsLimitsWhileInForce() {
    engine.apply(frame(bed("P1", "icu"), T0, T0, "SPO2", "97"), T0);
    ThresholdRule own = new ThresholdRule(Parameter.SPO2, ThresholdRule.Direction.BELOW, new BigDecimal("85"),
        Priority.HIGH, Duration.ofSeconds(10), BigDecimal.ONE);
    engine.overrideLimits(override(Parameter.SPO2, List.of(own)), T0);
    engine.overrideLimits(override(Parameter.PULSE, List.of()), T0);

    assertEquals("{\"SPO2\":[{\"below\":85,\"priority\":\"HIGH\",\"delaySeconds\":10,\"hysteresis\":1}]}",
        engine.view().history("P1", 60, at(30)).orElseThrow().getJsonObject("limits").encode(),
        "SPO2 by the patient's own rule, PULSE silenced");
    assertEquals(WARD_LIMITS, engine.view().history("P1", 60, at(3600)).orElseThrow().getJsonObject("limits").encode(),
        "the ward's limits once the overrides expire");
  }

  @Test
  void lateValueGoesToItsBucketButDoesNotBecomeTheLatestValue() {
    engine.apply(frame(bed("P1", "icu"), at(20), at(20), "PULSE", "80"), at(20));
    engine.apply(frame(bed("P1", "icu"), at(5), at(21), "PULSE", "60"), at(21));

    JsonObject history = engine.view().history("P1", 60, at(25)).orElseThrow();

    assertEquals("[[" + at(5).toEpochMilli() + ",60.0,60.0,60.0],[" + at(20).toEpochMilli() + ",80.0,80.0,80.0]]",
        history.getJsonObject("series").getJsonArray("PULSE").encode());
    assertEquals(80, engine.view().snapshot("P1").orElseThrow().toJson().getJsonObject("vitals").getJsonObject("PULSE")
        .getInteger("value"));
  }

  @Test
  void unknownPatientHasNoHistory() {
    assertTrue(engine.view().history("nobody", 60, T0).isEmpty());
  }

  @Test
  void wardSummaryCountsPatientsAndAlarmsActiveOrAwaitingAcknowledgementByPriority() {
    String acknowledged = engine.apply(frame(bed("P1", "icu"), T0, T0, "PULSE", "190"), T0)
        .transitions().get(0).alarmId();
    engine.act(acknowledged, alarm -> alarm.acknowledge("nurse.kim", at(1)), at(1));
    engine.apply(frame(bed("P2", "icu"), T0, T0, "PULSE", "30"), T0);
    engine.apply(frame(bed("P2", "icu"), at(1), at(1), "PULSE", "70"), at(1));
    engine.apply(frame(bed("P3", "icu"), T0, T0, "SPO2", "92"), T0);
    engine.apply(frame(bed("P3", "icu"), at(1), at(1), "SPO2", "97"), at(1));
    engine.apply(frame(bed("P4", "icu"), T0, T0, "SPO2", "92"), T0);
    engine.apply(frame(bed("P5", "b"), T0, T0, "PULSE", "80"), T0);
    engine.deviceEvent(DeviceEvent.rejected(bed("P5", "b"), "Pulse 400 outside 15-300", null), at(1));

    JsonArray expected = new JsonArray()
        .add(new JsonObject().put("ward", "b").put("patients", 1).put("alarms", counts(0, 0, 0))
            .put("technical", counts(0, 0, 1)))
        .add(new JsonObject().put("ward", "icu").put("patients", 4).put("alarms", counts(2, 1, 0))
            .put("technical", counts(0, 0, 0)));
    assertEquals(expected, engine.view().wardSummary(),
        "P1 acknowledged and P2 latched count, P3 cleared does not, P5's technical alarm does, apart");
    assertEquals(expected, WardSummary.of(engine.view().snapshots(null).stream().map(PatientSnapshot::toJson).toList()),
        "counted from the snapshots (as a clustered node counts the stored ones): the same");
  }

  private static DeviceIdentity bed(String patient, String ward) {
    return new DeviceIdentity("mon-" + patient, patient, "1", ward);
  }

  /** One value of {@code parameter} the device measured at {@code measured} and the gateway got at {@code received}. */
  private static FrameReport frame(DeviceIdentity source, Instant measured, Instant received, String parameter,
      String value) {
    Parameter measuredParameter = Parameter.valueOf(parameter);
    Observation observation = new Observation(source, measuredParameter, measuredParameter.mdcCode(),
        new BigDecimal(value), measuredParameter.unit(), measured, received, null, false);
    return WardStateFixtures.report(source, measured, List.of(observation), null, null);
  }

  private static LimitOverride override(Parameter parameter, List<ThresholdRule> rules) {
    return new LimitOverride("P1", parameter, rules, "dr.patel", "target agreed", T0, T0.plus(Duration.ofHours(1)));
  }

  private static JsonObject counts(int high, int medium, int low) {
    return new JsonObject().put("HIGH", high).put("MEDIUM", medium).put("LOW", low);
  }
}
