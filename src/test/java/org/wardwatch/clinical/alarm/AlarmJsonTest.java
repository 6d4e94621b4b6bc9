package org.wardwatch.clinical.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.wardwatch.clinical.alarm.AlarmFixtures.BED_12;
import static org.wardwatch.clinical.alarm.AlarmFixtures.NURSE;
import static org.wardwatch.clinical.alarm.AlarmFixtures.POLICY;
import static org.wardwatch.clinical.alarm.AlarmFixtures.T0;
import static org.wardwatch.clinical.alarm.AlarmFixtures.at;
import static org.wardwatch.clinical.alarm.AlarmFixtures.only;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.Priority;

/** The JSON published to browsers and written to the audit trail, checked as it looks on the wire. */
class AlarmJsonTest {

  private static final Set<String> ALARM_FIELDS = Set.of("id", "kind", "condition", "patient", "device", "bed",
      "ward", "priority", "state", "message", "raisedAt", "acknowledgedBy", "acknowledgedAt", "audioPausedUntil",
      "dataStale", "escalations");

  @Test
  void givenNewAlarm_whenEncoded_thenEveryFieldWithAbsentOnesNull() {
    Alarm alarm = Alarm.raise("P123/PULSE/1", AlarmKind.PHYSIOLOGICAL, "PULSE", BED_12, Priority.HIGH,
        "Pulse 190 /min above 150", Set.of(), T0, POLICY).alarm();

    JsonObject json = wire(alarm.toJson());

    assertEquals(ALARM_FIELDS, json.fieldNames());
    assertEquals("P123/PULSE/1", json.getString("id"));
    assertEquals("PHYSIOLOGICAL", json.getString("kind"));
    assertEquals("PULSE", json.getString("condition"));
    assertEquals("P123", json.getString("patient"));
    assertEquals("mon-7", json.getString("device"));
    assertEquals("12", json.getString("bed"));
    assertEquals("icu", json.getString("ward"));
    assertEquals("HIGH", json.getString("priority"));
    assertEquals("ACTIVE_UNACKNOWLEDGED", json.getString("state"));
    assertEquals("Pulse 190 /min above 150", json.getString("message"));
    assertEquals("2026-11-22T10:00:00Z", json.getString("raisedAt"));
    assertNull(json.getString("acknowledgedBy"));
    assertNull(json.getString("acknowledgedAt"));
    assertNull(json.getString("audioPausedUntil"));
    assertEquals(false, json.getBoolean("dataStale"));
    assertEquals(0, json.getInteger("escalations"));
  }

  @Test
  void givenAcknowledgedEscalatedStaleAlarm_whenEncoded_thenItsStatusShows() {
    Alarm alarm = AlarmFixtures.physiological(Priority.LOW);
    alarm.pauseAudio(NURSE, Duration.ofMinutes(1), at(250));
    alarm.tick(at(300));
    alarm.markData(true, at(301));
    alarm.acknowledge(NURSE, at(302));

    JsonObject json = wire(alarm.toJson());

    assertEquals("MEDIUM", json.getString("priority"));
    assertEquals("ACTIVE_ACKNOWLEDGED", json.getString("state"));
    assertEquals(NURSE, json.getString("acknowledgedBy"));
    assertEquals("2026-11-22T10:05:02Z", json.getString("acknowledgedAt"));
    assertNull(json.getString("audioPausedUntil"));
    assertEquals(true, json.getBoolean("dataStale"));
    assertEquals(1, json.getInteger("escalations"));
  }

  @Test
  void givenPausedAlarm_whenEncoded_thenPauseEndShown() {
    Alarm alarm = AlarmFixtures.technical(Priority.MEDIUM);
    alarm.pauseAudio(NURSE, Duration.ofSeconds(90), at(10));

    assertEquals("2026-11-22T10:01:40Z", wire(alarm.toJson()).getString("audioPausedUntil"));
  }

  @Test
  void givenDeviceWithoutPatientOrWard_whenEncoded_thenPatientIsTheDeviceAndWardUnassigned() {
    DeviceIdentity bare = new DeviceIdentity("mon-9", null, null, null);
    Alarm alarm = Alarm.raise("mon-9/NO_DATA/1", AlarmKind.TECHNICAL, "NO_DATA", bare, Priority.MEDIUM, "No data",
        Set.of(), T0, POLICY).alarm();

    JsonObject json = wire(alarm.toJson());

    assertEquals("mon-9@", json.getString("patient"));
    assertEquals(DeviceIdentity.UNASSIGNED_WARD, json.getString("ward"));
    assertNull(json.getString("bed"));
    assertEquals("TECHNICAL", json.getString("kind"));
  }

  @Test
  void givenRaisedTransition_whenEncoded_thenItsFieldsAndTheAlarmSnapshot() {
    Alarm.Raised raised = Alarm.raise("P123/PULSE/1", AlarmKind.PHYSIOLOGICAL, "PULSE", BED_12, Priority.HIGH,
        "Pulse 190 /min above 150", Set.of(), T0, POLICY);

    JsonObject json = wire(raised.transition().toJson());

    assertEquals(Set.of("alarmId", "patient", "ward", "type", "from", "to", "priority", "actor", "at", "detail",
        "alarm"), json.fieldNames());
    assertEquals("P123/PULSE/1", json.getString("alarmId"));
    assertEquals("P123", json.getString("patient"));
    assertEquals("icu", json.getString("ward"));
    assertEquals("RAISED", json.getString("type"));
    assertNull(json.getString("from"));
    assertEquals("ACTIVE_UNACKNOWLEDGED", json.getString("to"));
    assertEquals("HIGH", json.getString("priority"));
    assertEquals("system", json.getString("actor"));
    assertEquals("2026-11-22T10:00:00Z", json.getString("at"));
    assertEquals(wire(raised.alarm().toJson()), json.getJsonObject("alarm"));
  }

  @Test
  void givenEarlierTransition_whenTheAlarmChangesLater_thenItsSnapshotStillShowsTheAlarmAsItWas() {
    Alarm.Raised raised = Alarm.raise("a1", AlarmKind.PHYSIOLOGICAL, "PULSE", BED_12, Priority.HIGH, "m", Set.of(), T0,
        POLICY);
    AlarmTransition ack = only(raised.alarm().acknowledge(NURSE, at(10)));
    raised.alarm().conditionEnded(at(20));

    assertEquals("ACTIVE_UNACKNOWLEDGED", raised.transition().snapshot().getString("state"));
    JsonObject ackJson = wire(ack.toJson());
    assertEquals("ACTIVE_UNACKNOWLEDGED", ackJson.getString("from"));
    assertEquals("ACTIVE_ACKNOWLEDGED", ackJson.getString("to"));
    assertEquals(NURSE, ackJson.getString("actor"));
    assertEquals("ACTIVE_ACKNOWLEDGED", ackJson.getJsonObject("alarm").getString("state"));
    assertEquals(NURSE, ackJson.getJsonObject("alarm").getString("acknowledgedBy"));
  }

  @Test
  void givenTransition_whenUsedAsAuditEntryBeforeEncoding_thenAtPatientAndTypeReadable() {
    AlarmTransition transition = only(AlarmFixtures.physiological(Priority.HIGH).acknowledge(NURSE, at(10)));

    JsonObject entry = transition.toJson();

    assertEquals("2026-11-22T10:00:10Z", entry.getString("at"));
    assertEquals(at(10), entry.getInstant("at"));
    assertEquals("P123", entry.getString("patient"));
    assertEquals("ACKNOWLEDGED", entry.getString("type"));
  }

  @Test
  void givenTransition_whenItsSnapshotCopyIsChanged_thenTheTransitionIsNot() {
    AlarmTransition transition = Alarm.raise("a1", AlarmKind.TECHNICAL, "NO_DATA", BED_12, Priority.LOW, "m", Set.of(),
        T0, POLICY).transition();

    transition.snapshot().put("state", "TAMPERED");
    transition.toJson().getJsonObject("alarm").put("state", "TAMPERED");

    assertEquals("ACTIVE_UNACKNOWLEDGED", transition.snapshot().getString("state"));
  }

  /** The object as a browser receives it: encoded to text and parsed back. */
  private static JsonObject wire(JsonObject json) {
    return new JsonObject(json.encode());
  }
}
