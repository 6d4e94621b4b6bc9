package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.OxygenSupport;

/**
 * What the tests of NEWS2 in the clinical engine share: an engine whose only alarms come from NEWS2, with values and
 * chartings stale after one minute, frames from one monitor, and a nurse's assessments.
 */
abstract class WardStateNews2Fixture {

  static final DeviceIdentity MON_1 = WardStateFixtures.BED_1;
  static final OxygenSupport TWO_LITRES = OxygenSupport.flow(new BigDecimal("2"));

  /** No threshold rules, so every alarm comes from NEWS2; values and chartings go stale after one minute. */
  static final ClinicalRules RULES = ClinicalRules.fromJson(new JsonObject("""
      {
        "news2": {"freshnessMinutes": 1, "chartedFreshnessMinutes": 1,
                  "bandPriorities": {"LOW_MEDIUM": "LOW", "MEDIUM": "MEDIUM", "HIGH": "HIGH"}},
        "technical": {"noDataSeconds": 86400,
                      "priorities": {"DISCONNECTED": "MEDIUM", "NO_DATA": "MEDIUM", "INVALID_SIGNAL": "LOW"}},
        "thresholds": []
      }
      """));

  final WardState engine = new WardState(RULES);

  /** A frame from {@link #MON_1} at {@code at} with the given assessment (either may be null) and values. */
  static FrameReport frame(Instant at, Consciousness consciousness, OxygenSupport oxygen, String... values) {
    return WardStateFixtures.frame(MON_1, at, consciousness, oxygen, values);
  }

  /** A nurse's assessment of {@code patient} at {@code at} (any part may be null). */
  WardUpdate assess(String patient, Consciousness consciousness, OxygenSupport oxygen, Boolean spo2Scale2,
      Instant at) {
    return engine.assess(patient, new Assessment(consciousness, oxygen, spo2Scale2, null), "nurse.kim", at);
  }
}
