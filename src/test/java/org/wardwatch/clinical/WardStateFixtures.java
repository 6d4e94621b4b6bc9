package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;
import org.wardwatch.model.OxygenSupport;
import org.wardwatch.model.Parameter;
import org.wardwatch.testing.TestClock;

/**
 * What the {@link WardState} tests feed the engine and read back: frames written as {@code "PULSE=190"}, times as
 * seconds after {@link #T0}, and the one transition, snapshot or alarm a step is expected to give.
 */
final class WardStateFixtures {

  /** The {@link TestClock}'s time zero. */
  static final Instant T0 = TestClock.T0;
  static final DeviceIdentity BED_1 = new DeviceIdentity("mon-1", "P1", "1", "surgery");
  /** The user who acts on the alarms. */
  static final String NURSE = "nurse.kim";

  /**
   * Escalation and reminders within seconds, no NEWS2 alarms and no "no data" alarms, so that every transition a test
   * sees comes from the threshold rules or the alarm policy.
   */
  private static final String THRESHOLD_SETTINGS = """
      "alarms": {"escalateAfterSeconds": {"LOW": 40, "MEDIUM": 20, "HIGH": 10}, "reminderSeconds": 15,
                 "maxAudioPauseSeconds": 60},
      "news2": {"bandPriorities": {"LOW": "NONE", "LOW_MEDIUM": "NONE", "MEDIUM": "NONE", "HIGH": "NONE"}},
      "technical": {"noDataSeconds": 3600,
                    "priorities": {"DISCONNECTED": "MEDIUM", "NO_DATA": "MEDIUM", "INVALID_SIGNAL": "LOW"}},
      """;

  /** The threshold tests' limits: two for the pulse (one with an onset delay), SpO2, and the ICU's own SpO2. */
  static final String THRESHOLDS = """
      "thresholds": [
        {"parameter": "PULSE", "above": 150, "priority": "HIGH", "hysteresis": 5},
        {"parameter": "PULSE", "above": 130, "priority": "MEDIUM", "delaySeconds": 10, "hysteresis": 5},
        {"parameter": "SPO2", "below": 90, "priority": "MEDIUM", "hysteresis": 2},
        {"parameter": "RESP_RATE", "above": 24, "priority": "MEDIUM", "hysteresis": 2}
      ],
      "wards": {"icu": {"thresholds": [{"parameter": "SPO2", "below": 94, "priority": "MEDIUM", "hysteresis": 2}]}}
      """;

  /** {@link #deviceRules} with no first-report interval. */
  static final ClinicalRules DEVICE_RULES = deviceRules(0);

  private WardStateFixtures() {
  }

  /**
   * The device tests' rules: no escalation, no NEWS2 alarms, no data after 30 s, a first report's interval taken as
   * {@code firstReportSeconds}, and a high pulse and a low SpO2 to alarm on.
   */
  static ClinicalRules deviceRules(int firstReportSeconds) {
    return ClinicalRules.fromJson(new JsonObject("""
        {
          "alarms": {"escalateAfterSeconds": {"LOW": 3600, "MEDIUM": 3600, "HIGH": 3600}},
          "news2": {"bandPriorities": {"LOW": "NONE", "LOW_MEDIUM": "NONE", "MEDIUM": "NONE", "HIGH": "NONE"}},
          "technical": {"noDataSeconds": 30, "firstReportSeconds": %d},
          "thresholds": [
            {"parameter": "PULSE", "above": 150, "priority": "HIGH", "hysteresis": 5},
            {"parameter": "SPO2", "below": 90, "priority": "MEDIUM", "hysteresis": 2}
          ]
        }
        """.formatted(firstReportSeconds)));
  }

  /** Rules whose only alarms are {@code thresholds} (a {@code "thresholds"} entry and more) and the alarm policy. */
  static ClinicalRules thresholdRules(String thresholds) {
    return ClinicalRules.fromJson(new JsonObject("{" + THRESHOLD_SETTINGS + thresholds + "}"));
  }

  /** {@link TestClock#at}: {@code seconds} after {@link #T0}. */
  static Instant at(long seconds) {
    return TestClock.at(seconds);
  }

  /** A frame from {@code source} whose values ({@code "PULSE=190"}) were measured and received at {@code at}. */
  static FrameReport frame(DeviceIdentity source, Instant at, String... values) {
    return frame(source, at, null, null, values);
  }

  /** {@code report} with the values {@code refused} alone beside its recorded ones, and why. */
  static FrameReport partly(FrameReport report, String... refused) {
    return new FrameReport(report.source(), report.time(), report.receivedAt(), report.observations(),
        report.consciousness(), report.oxygen(), report.sensorsOff(), report.stamp(), report.connection(),
        List.of(refused));
  }

  /** A report of a frame received at {@code time} (it gave no time of its own), with no stamp and no connection. */
  static FrameReport report(DeviceIdentity source, Instant time, List<Observation> observations,
      Consciousness consciousness, OxygenSupport oxygen, Set<Parameter> sensorsOff) {
    return new FrameReport(source, time, time, observations, consciousness, oxygen, sensorsOff, null, null,
        List.of());
  }

  /** {@link #report(DeviceIdentity, Instant, List, Consciousness, OxygenSupport, Set)} with no sensor off. */
  static FrameReport report(DeviceIdentity source, Instant time, List<Observation> observations,
      Consciousness consciousness, OxygenSupport oxygen) {
    return report(source, time, observations, consciousness, oxygen, Set.of());
  }

  /** {@code report}, as delivered on device connection {@code connection}. */
  static FrameReport on(ConnectionId connection, FrameReport report) {
    return new FrameReport(report.source(), report.time(), report.receivedAt(), report.observations(),
        report.consciousness(), report.oxygen(), report.sensorsOff(), report.stamp(), connection,
        report.refused());
  }

  /** {@link #frame(DeviceIdentity, Instant, String...)} with an assessment (either part may be null). */
  static FrameReport frame(DeviceIdentity source, Instant at, Consciousness consciousness, OxygenSupport oxygen,
      String... values) {
    List<Observation> observations = Arrays.stream(values)
        .map(value -> observation(source, value, null, at)).toList();
    return report(source, at, observations, consciousness, oxygen);
  }

  /**
   * One value ({@code "PULSE=190"}) the device measured at {@code deviceTime} (null: it sent no time) and the gateway
   * received at {@code gatewayTime}; questionable when outside the parameter's soft range, as the parser marks it.
   */
  static Observation observation(DeviceIdentity source, String parameterAndValue, Instant deviceTime,
      Instant gatewayTime) {
    String[] parts = parameterAndValue.split("=");
    Parameter parameter = Parameter.valueOf(parts[0]);
    BigDecimal value = new BigDecimal(parts[1]);
    return new Observation(source, parameter, parameter.mdcCode(), value, parameter.unit(), deviceTime, gatewayTime,
        null, !parameter.softRange().contains(value));
  }

  /** The built-in rules document ({@code conf/rules.json}), to be read as is or changed first. */
  static JsonObject builtInRules() {
    try {
      return new JsonObject(Files.readString(Path.of("conf/rules.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The update's transitions of the arterial systolic pressure's alarms (NEWS2 may raise its own alongside). */
  static List<AlarmTransition> arterial(WardUpdate update) {
    return update.transitions().stream().filter(t -> t.alarmId().contains("THRESHOLD:ART_SYSTOLIC")).toList();
  }

  /** The one item of {@code items} (transitions, snapshots, audit records), failing the test unless exactly one. */
  static <T> T only(List<T> items) {
    assertEquals(1, items.size(), () -> "expected one, got " + items);
    return items.get(0);
  }

  /** The id of the alarm the update raised, its only transition. */
  static String raisedId(WardUpdate update) {
    AlarmTransition raised = only(update.transitions());
    assertEquals(TransitionType.RAISED, raised.type());
    return raised.alarmId();
  }

  /** The update's only snapshot, as browsers get it. */
  static JsonObject snapshot(WardUpdate update) {
    assertEquals(1, update.snapshots().size(), () -> "expected one snapshot, got " + update.snapshots());
    return update.snapshots().get(0).toJson();
  }

  /** The only alarm in the snapshot's list {@code list} ({@code "alarms"} or {@code "technicalAlarms"}). */
  static JsonObject onlyOf(JsonObject snapshot, String list) {
    JsonArray alarms = snapshot.getJsonArray(list);
    assertEquals(1, alarms.size(), alarms::encode);
    return alarms.getJsonObject(0);
  }

  /** The snapshot's only physiological alarm. */
  static JsonObject onlyAlarm(JsonObject snapshot) {
    return onlyOf(snapshot, "alarms");
  }

  static void assertDecimal(String expected, Object actual) {
    assertNotNull(actual);
    assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())),
        () -> "expected " + expected + ", got " + actual);
  }
}
