package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wardwatch.clinical.WardStateFixtures.T0;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

/**
 * What the tests of clinicians' actions as JSON share: an engine whose only alarms are a HIGH pulse limit, a patient
 * raising one before each test, and an action applied as the dashboard and the REST API apply it.
 */
abstract class AlarmActionsFixture {

  static final DeviceIdentity MON_1 = new DeviceIdentity("mon-1", "P1", "1", "surgery");
  static final String NURSE = "nurse.kim";

  static final ClinicalRules RULES = ClinicalRules.fromJson(new JsonObject("""
      {
        "alarms": {"maxAudioPauseSeconds": 60},
        "news2": {"bandPriorities": {"LOW": "NONE", "LOW_MEDIUM": "NONE", "MEDIUM": "NONE", "HIGH": "NONE"}},
        "thresholds": [{"parameter": "PULSE", "above": 150, "priority": "HIGH", "hysteresis": 5}]
      }
      """));

  final WardState engine = new WardState(RULES);
  String alarmId;

  @BeforeEach
  void givenPatientWithHighPulseAlarm() {
    Observation pulse = new Observation(MON_1, Parameter.PULSE, Parameter.PULSE.mdcCode(), new BigDecimal("190"),
        Parameter.PULSE.unit(), null, T0, null, false);
    List<AlarmTransition> raised = engine.apply(WardStateFixtures.report(MON_1, T0, List.of(pulse), null, null), T0)
        .transitions();
    assertEquals(1, raised.size(), raised::toString);
    alarmId = raised.get(0).alarmId();
  }

  WardUpdate apply(JsonObject action, Instant now) {
    return AlarmActions.apply(engine, action, now);
  }

  JsonObject pauseAudio(long seconds) {
    return new JsonObject().put("action", "pause-audio").put("alarmId", alarmId).put("user", NURSE)
        .put("seconds", seconds);
  }
}
