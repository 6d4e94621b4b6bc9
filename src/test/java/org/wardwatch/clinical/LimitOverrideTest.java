package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.Priority;

/** Per-patient limit overrides: made with a reason, audited, in force until they expire, then the default returns. */
class LimitOverrideTest {

  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final DeviceIdentity COPD_PATIENT = new DeviceIdentity("MON-1", "P-COPD", "4", "resp");
  private static final String RULES = """
      {"news2": {"bandPriorities": {"LOW_MEDIUM": "NONE", "MEDIUM": "NONE", "HIGH": "NONE"}},
       "thresholds": [{"parameter": "SPO2", "below": 90, "priority": "MEDIUM"}]}""";

  private WardState engine;

  @BeforeEach
  void patientOnTheWard() {
    engine = new WardState(ClinicalRules.fromJson(new JsonObject(RULES)));
    engine.apply(spo2(95, T0), T0);
  }

  @Test
  void givenOverrideWhenValueBetweenOwnAndWardLimitThenNoAlarmAndOverrideAudited() {
    WardUpdate set = engine.overrideLimits(copdTarget(60), T0.plusSeconds(1));

    assertEquals("LIMIT_OVERRIDE", AuditEntries.of(set).get(0).getString("type"));
    assertEquals("dr.patel", AuditEntries.of(set).get(0).getString("actor"));
    assertTrue(AuditEntries.of(set).get(0).getString("detail").contains("prescribed target 88-92 %"));
    JsonArray overrides = set.snapshots().get(0).toJson().getJsonArray("limitOverrides");
    assertEquals("SPO2", overrides.getJsonObject(0).getString("parameter"));
    assertEquals(List.of(), engine.apply(spo2(88, T0.plusSeconds(2)), T0.plusSeconds(2)).transitions());
  }

  @Test
  void givenOverrideWhenBelowOwnLimitThenAlarm() {
    engine.overrideLimits(copdTarget(60), T0.plusSeconds(1));

    List<AlarmTransition> transitions = engine.apply(spo2(84, T0.plusSeconds(2)), T0.plusSeconds(2)).transitions();

    assertEquals("SpO2 84 % below 85", transitions.get(0).snapshot().getString("message"));
  }

  @Test
  void givenOverrideWithAnOnsetDelayThatTheLatestValueBreaches_whenTheDelayRunsOut_thenTheTickAlarms() {
    ThresholdRule delayed = new ThresholdRule(Parameter.SPO2, ThresholdRule.Direction.BELOW, new BigDecimal("96"),
        Priority.MEDIUM, Duration.ofSeconds(5), BigDecimal.ZERO);
    engine.overrideLimits(new LimitOverride("P-COPD", Parameter.SPO2, List.of(delayed), "dr.patel", "close watch",
        T0.plusSeconds(1), T0.plusSeconds(3601)), T0.plusSeconds(1)); // the latest value, 95, breaches it now

    assertEquals(List.of(), engine.tick(T0.plusSeconds(5)).transitions(), "the delay runs");
    List<AlarmTransition> transitions = engine.tick(T0.plusSeconds(6)).transitions();

    assertEquals("SpO2 95 % below 96", transitions.get(0).snapshot().getString("message"));
  }

  @Test
  void givenOverrideWithAnOnsetDelayThatRanOutBeforeTheTick_whenAValueBackInsideComes_thenAlarmedFirst() {
    ThresholdRule delayed = new ThresholdRule(Parameter.SPO2, ThresholdRule.Direction.BELOW, new BigDecimal("96"),
        Priority.MEDIUM, Duration.ofSeconds(5), BigDecimal.ZERO);
    engine.tick(T0.plusMillis(900)); // reassessed: nothing due for a while
    engine.overrideLimits(new LimitOverride("P-COPD", Parameter.SPO2, List.of(delayed), "dr.patel", "close watch",
        T0.plusSeconds(1), T0.plusSeconds(3601)), T0.plusSeconds(1)); // 95 breaches it: due at 6 s

    List<AlarmTransition> transitions = engine.apply(spo2(97, T0.plusMillis(6_500)), T0.plusMillis(6_500))
        .transitions();

    assertEquals("SpO2 95 % below 96", transitions.get(0).snapshot().getString("message"),
        "the breach held through its delay before the value came back");
  }

  @Test
  void givenOverrideWhenItExpiresThenWardDefaultReturnsByItself() {
    engine.overrideLimits(copdTarget(60), T0.plusSeconds(1));
    Instant afterExpiry = T0.plusSeconds(1).plusSeconds(3600);

    WardUpdate expiry = engine.tick(afterExpiry);
    List<AlarmTransition> transitions = engine.apply(spo2(88, afterExpiry.plusSeconds(1)), afterExpiry.plusSeconds(1))
        .transitions();

    assertEquals("LIMIT_OVERRIDE_EXPIRED", AuditEntries.of(expiry).get(0).getString("type"));
    assertTrue(expiry.snapshots().get(0).toJson().getJsonArray("limitOverrides").isEmpty());
    assertEquals("SpO2 88 % below 90", transitions.get(0).snapshot().getString("message"));
  }

  @Test
  void givenOverrideActionWithoutReasonThenRejected() {
    JsonObject action = new JsonObject().put("action", "override-limits").put("patient", "P-COPD")
        .put("user", "dr.patel").put("parameter", "SPO2").put("minutes", 60).put("thresholds", new JsonArray());

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> AlarmActions.apply(engine, action, T0));

    assertTrue(error.getMessage().contains("'reason' is required"), error.getMessage());
  }

  @Test
  void givenOverrideActionThenParsedWithItsRulesAndExpiry() {
    JsonObject action = new JsonObject().put("action", "override-limits").put("patient", "P-COPD")
        .put("user", "dr.patel").put("parameter", "SPO2").put("reason", "COPD target").put("minutes", 30)
        .put("thresholds", new JsonArray().add(new JsonObject().put("below", 85).put("priority", "HIGH")));

    WardUpdate update = AlarmActions.apply(engine, action, T0);

    JsonObject override = AuditEntries.of(update).get(0).getJsonObject("override");
    assertEquals(T0.plusSeconds(1800), override.getInstant("expiresAt"));
    assertEquals("HIGH", override.getJsonArray("thresholds").getJsonObject(0).getString("priority"));
  }

  @Test
  void givenAStandingAlarm_whenAnOverrideGivesItsLimitAnotherPriority_thenTheSameAlarmGoesOnAtThatPriority() {
    String id = engine.apply(spo2(88, T0.plusSeconds(1)), T0.plusSeconds(1)).transitions().get(0).alarmId();
    ThresholdRule urgent = new ThresholdRule(Parameter.SPO2, ThresholdRule.Direction.BELOW, new BigDecimal("90"),
        Priority.HIGH, Duration.ofSeconds(15), BigDecimal.ONE);
    List<AlarmTransition> set = engine.overrideLimits(new LimitOverride("P-COPD", Parameter.SPO2, List.of(urgent),
        "dr.patel", "deteriorating", T0.plusSeconds(2), T0.plusSeconds(3602)), T0.plusSeconds(2)).transitions();

    assertEquals(1, set.size(), set::toString);
    assertEquals(id, set.get(0).alarmId(), "not ended, to be raised anew once a new delay has run");
    assertEquals(Priority.HIGH, set.get(0).priority(), "judged at once against the new limits");
    assertEquals(List.of(), engine.apply(spo2(88, T0.plusSeconds(3)), T0.plusSeconds(3)).transitions());
  }

  @Test
  void givenALatestValueInsideTheWardLimit_whenAnOverrideItBreachesIsSet_thenAlarmedAtOnceNotAtTheNextValue() {
    engine.apply(spo2(93, T0.plusSeconds(1)), T0.plusSeconds(1)); // a cuff or spot check: the next value is far off
    ThresholdRule stricter = new ThresholdRule(Parameter.SPO2, ThresholdRule.Direction.BELOW, new BigDecimal("94"),
        Priority.MEDIUM);

    WardUpdate set = engine.overrideLimits(new LimitOverride("P-COPD", Parameter.SPO2, List.of(stricter), "dr.patel",
        "post-op target 94 %", T0.plusSeconds(2), T0.plusSeconds(3602)), T0.plusSeconds(2));

    assertEquals("SpO2 93 % below 94", set.transitions().get(0).snapshot().getString("message"));
  }

  @Test
  void givenAValueTheOverrideAllowed_whenTheOverrideExpires_thenTheWardLimitAlarmsAtOnce() {
    engine.overrideLimits(copdTarget(60), T0.plusSeconds(1));
    Instant expiresAt = T0.plusSeconds(1).plusSeconds(3600);
    WardUpdate allowed = engine.apply(spo2(88, expiresAt.minusSeconds(5)), expiresAt.minusSeconds(5));
    assertEquals(List.of(), allowed.transitions().stream().filter(t -> t.alarmId().contains("THRESHOLD")).toList(),
        "allowed (its no-data alarm, of the hour before, is raised and ends)");

    WardUpdate expiry = engine.tick(expiresAt);

    assertTrue(expiry.transitions().stream()
        .anyMatch(t -> "SpO2 88 % below 90".equals(t.snapshot().getString("message"))), expiry.transitions()::toString);
  }

  private static LimitOverride copdTarget(int minutes) {
    ThresholdRule low = new ThresholdRule(Parameter.SPO2, ThresholdRule.Direction.BELOW, new BigDecimal("85"),
        Priority.MEDIUM);
    return new LimitOverride("P-COPD", Parameter.SPO2, List.of(low), "dr.patel", "prescribed target 88-92 %",
        T0.plusSeconds(1), T0.plusSeconds(1).plusSeconds(minutes * 60L));
  }

  private static FrameReport spo2(int value, Instant at) {
    Observation observation = new Observation(COPD_PATIENT, Parameter.SPO2, Parameter.SPO2.mdcCode(),
        BigDecimal.valueOf(value), Parameter.SPO2.unit(), null, at, null, false);
    return WardStateFixtures.report(COPD_PATIENT, at, List.of(observation), null, null);
  }
}
