package org.wardwatch.clinical;

import static org.wardwatch.clinical.WardStateFixtures.only;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;

/**
 * What the tests of the clinical engine's technical alarms share: an engine whose transitions all come from the
 * technical-alarm rules and the thresholds they mark stale, frames from one monitor, and the one transition of a type.
 */
abstract class WardStateTechnicalAlarmFixture {

  static final DeviceIdentity MON_1 = WardStateFixtures.BED_1;

  /** Escalation far away and no NEWS2 alarms, so every transition comes from the technical-alarm rules. */
  static final ClinicalRules RULES = ClinicalRules.fromJson(new JsonObject("""
      {
        "alarms": {"escalateAfterSeconds": {"LOW": 3600, "MEDIUM": 3600, "HIGH": 3600}},
        "news2": {"bandPriorities": {"LOW": "NONE", "LOW_MEDIUM": "NONE", "MEDIUM": "NONE", "HIGH": "NONE"}},
        "technical": {"noDataSeconds": 30, "firstReportSeconds": 0,
                      "priorities": {"DISCONNECTED": "MEDIUM", "NO_DATA": "HIGH", "INVALID_SIGNAL": "LOW"}},
        "thresholds": [
          {"parameter": "PULSE", "above": 150, "priority": "HIGH", "hysteresis": 5},
          {"parameter": "SPO2", "below": 90, "priority": "MEDIUM", "hysteresis": 2},
          {"parameter": "RESP_RATE", "above": 24, "priority": "MEDIUM", "delaySeconds": 15, "hysteresis": 2},
          {"parameter": "TEMPERATURE", "above": 38.5, "priority": "LOW", "delaySeconds": 60, "hysteresis": 0.2}
        ]
      }
      """));

  final WardState engine = new WardState(RULES);

  /** A frame from {@link #MON_1} whose values ({@code "PULSE=190"}) were measured and received at {@code at}. */
  static FrameReport frame(Instant at, String... values) {
    return WardStateFixtures.frame(MON_1, at, values);
  }

  static AlarmTransition ofType(WardUpdate update, TransitionType type) {
    return only(update.transitions().stream().filter(transition -> transition.type() == type).toList());
  }
}
