package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.Priority;

class WardStateTest {

  private static final String RULES = """
      {"thresholds": [
        {"parameter": "PULSE", "above": 130, "priority": "MEDIUM"},
        {"parameter": "PULSE", "above": 150, "priority": "HIGH"},
        {"parameter": "PULSE", "below": 40, "priority": "HIGH"},
        {"parameter": "SPO2", "below": 90, "priority": "MEDIUM"}
      ]}""";
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final DeviceIdentity BED_12 = new DeviceIdentity("mon-7", "P123", "12", "icu");

  private final WardState ward = new WardState(new ThresholdEvaluator(ThresholdRules.fromJson(new JsonObject(RULES))));

  @Test
  void givenNormalValue_whenApplied_thenNoAlarm() {
    WardState.Update update = ward.apply(List.of(pulse(82, 0)), at(0));

    assertEquals(List.of(), update.alarmChanges());
    assertEquals(new JsonArray(), update.snapshot().getJsonArray("alarms"));
    assertEquals("icu", update.ward());
  }

  @Test
  void givenValueAtTheLimit_whenApplied_thenNoAlarm() {
    assertEquals(List.of(), ward.apply(List.of(pulse(130, 0)), at(0)).alarmChanges());
  }

  @Test
  void givenValueCrossingALimit_whenApplied_thenOneActiveAlarmWithPriorityMessageValueAndLimit() {
    WardState.Update update = ward.apply(List.of(pulse(135, 0)), at(0));

    assertEquals(1, update.alarmChanges().size());
    AlarmEvent alarm = update.alarmChanges().get(0);
    assertEquals(AlarmEvent.State.ACTIVE, alarm.state());
    assertEquals(Parameter.PULSE, alarm.parameter());
    assertEquals(Priority.MEDIUM, alarm.priority());
    assertEquals("Pulse 135 /min above 130", alarm.message());
    assertEquals(0, new BigDecimal("135").compareTo(alarm.value()));
    assertEquals(0, new BigDecimal("130").compareTo(alarm.limit()));
    assertEquals(at(0), alarm.raisedAt());
    assertEquals(at(0), alarm.time());
    assertEquals("P123/PULSE/" + at(0).toEpochMilli(), alarm.id());
    assertEquals(BED_12, alarm.source());
  }

  @Test
  void givenValueBelowALowLimit_whenApplied_thenAlarmSaysBelow() {
    AlarmEvent alarm = ward.apply(List.of(pulse(35, 0)), at(0)).alarmChanges().get(0);

    assertEquals(Priority.HIGH, alarm.priority());
    assertEquals("Pulse 35 /min below 40", alarm.message());
  }

  @Test
  void givenActiveAlarm_whenAnotherValueOfTheSamePriorityArrives_thenNothingNew() {
    ward.apply(List.of(pulse(135, 0)), at(0));

    WardState.Update update = ward.apply(List.of(pulse(140, 1)), at(1));

    assertEquals(List.of(), update.alarmChanges());
    assertEquals(1, update.snapshot().getJsonArray("alarms").size());
  }

  @Test
  void givenActiveAlarm_whenAHigherPriorityLimitIsCrossed_thenEscalatedWithSameIdAndRaisedAt() {
    AlarmEvent raised = ward.apply(List.of(pulse(135, 0)), at(0)).alarmChanges().get(0);

    List<AlarmEvent> changes = ward.apply(List.of(pulse(160, 5)), at(5)).alarmChanges();

    assertEquals(1, changes.size());
    AlarmEvent escalated = changes.get(0);
    assertEquals(AlarmEvent.State.ACTIVE, escalated.state());
    assertEquals(Priority.HIGH, escalated.priority());
    assertEquals(raised.id(), escalated.id());
    assertEquals(raised.raisedAt(), escalated.raisedAt());
    assertEquals(at(5), escalated.time());
    assertEquals("Pulse 160 /min above 150", escalated.message());
    assertEquals(0, new BigDecimal("150").compareTo(escalated.limit()));
  }

  @Test
  void givenHighAlarm_whenValueFallsToAMediumBreach_thenPriorityLoweredWithSameId() {
    AlarmEvent raised = ward.apply(List.of(pulse(160, 0)), at(0)).alarmChanges().get(0);

    AlarmEvent lowered = ward.apply(List.of(pulse(140, 1)), at(1)).alarmChanges().get(0);

    assertEquals(Priority.MEDIUM, lowered.priority());
    assertEquals(AlarmEvent.State.ACTIVE, lowered.state());
    assertEquals(raised.id(), lowered.id());
  }

  @Test
  void givenActiveAlarm_whenValueReturnsToNormal_thenOneClearedWithSameId() {
    AlarmEvent raised = ward.apply(List.of(pulse(135, 0)), at(0)).alarmChanges().get(0);
    ward.apply(List.of(pulse(160, 1)), at(1));

    WardState.Update update = ward.apply(List.of(pulse(90, 2)), at(2));

    assertEquals(1, update.alarmChanges().size());
    AlarmEvent cleared = update.alarmChanges().get(0);
    assertEquals(AlarmEvent.State.CLEARED, cleared.state());
    assertEquals(raised.id(), cleared.id());
    assertEquals(raised.raisedAt(), cleared.raisedAt());
    assertEquals(at(2), cleared.time());
    assertEquals(0, new BigDecimal("90").compareTo(cleared.value()));
    assertEquals(new JsonArray(), update.snapshot().getJsonArray("alarms"));
    assertEquals(List.of(), ward.apply(List.of(pulse(88, 3)), at(3)).alarmChanges());
  }

  @Test
  void givenClearedAlarm_whenLimitIsCrossedAgain_thenNewEpisodeWithNewId() {
    AlarmEvent first = ward.apply(List.of(pulse(135, 0)), at(0)).alarmChanges().get(0);
    ward.apply(List.of(pulse(90, 1)), at(1));

    AlarmEvent second = ward.apply(List.of(pulse(135, 2)), at(2)).alarmChanges().get(0);

    assertEquals(AlarmEvent.State.ACTIVE, second.state());
    assertFalse(first.id().equals(second.id()));
    assertEquals(at(2), second.raisedAt());
  }

  @Test
  void givenFrameWithSeveralParameters_whenApplied_thenEachParameterAlarmsIndependently() {
    WardState.Update update = ward.apply(List.of(pulse(135, 0), observation(BED_12, Parameter.SPO2, "85", 0)), at(0));

    assertEquals(List.of(Parameter.PULSE, Parameter.SPO2),
        update.alarmChanges().stream().map(AlarmEvent::parameter).toList());
    assertEquals(2, update.snapshot().getJsonArray("alarms").size());
  }

  @Test
  void givenObservations_whenApplied_thenSnapshotHasPatientBedWardAndVitals() {
    ward.apply(List.of(pulse(82, 0)), at(0));
    JsonObject snapshot = ward.apply(List.of(pulse(260, 1)), at(1)).snapshot();

    assertEquals("P123", snapshot.getString("patient"));
    assertEquals("mon-7", snapshot.getString("device"));
    assertEquals("12", snapshot.getString("bed"));
    assertEquals("icu", snapshot.getString("ward"));
    assertEquals(at(1), snapshot.getInstant("updated"));
    JsonObject pulse = snapshot.getJsonObject("vitals").getJsonObject("PULSE");
    assertEquals(0, new BigDecimal("260").compareTo(new BigDecimal(pulse.getValue("value").toString())));
    assertEquals("/min", pulse.getString("unit"));
    assertEquals(at(1), pulse.getInstant("time"));
    assertTrue(pulse.getBoolean("questionable"));
  }

  @Test
  void givenQuestionableValue_whenItAlarms_thenMessageSaysSo() {
    AlarmEvent alarm = ward.apply(List.of(pulse(260, 0)), at(0)).alarmChanges().get(0);

    assertEquals("Pulse 260 /min above 150 (questionable reading)", alarm.message());
  }

  @Test
  void givenSnapshotWithAlarm_whenRead_thenAlarmListedWithItsFields() {
    JsonObject snapshot = ward.apply(List.of(pulse(160, 0)), at(0)).snapshot();

    JsonObject alarm = snapshot.getJsonArray("alarms").getJsonObject(0);
    assertEquals("P123", alarm.getString("patient"));
    assertEquals("PULSE", alarm.getString("parameter"));
    assertEquals("HIGH", alarm.getString("priority"));
    assertEquals("ACTIVE", alarm.getString("state"));
    assertEquals("icu", alarm.getString("ward"));
  }

  @Test
  void givenDeviceWithoutPatientOrWard_whenApplied_thenFiledUnderDeviceInUnassignedWard() {
    DeviceIdentity anonymous = new DeviceIdentity("mon-9", null, null, null);

    WardState.Update update = ward.apply(List.of(observation(anonymous, Parameter.PULSE, "82", 0)), at(0));

    assertEquals(DeviceIdentity.UNASSIGNED_WARD, update.ward());
    assertEquals("mon-9", update.snapshot().getString("patient"));
    assertEquals("unassigned", update.snapshot().getString("ward"));
    assertNull(update.snapshot().getString("bed"));
    assertTrue(ward.snapshot("mon-9").isPresent());
  }

  @Test
  void givenUpdates_whenApplied_thenSnapshotSeqIncreasesByOnePerUpdate() {
    List<Long> seqs = List.of(
        ward.apply(List.of(pulse(82, 0)), at(0)).snapshot().getLong("seq"),
        ward.apply(List.of(pulse(83, 1), observation(BED_12, Parameter.SPO2, "97", 1)), at(1)).snapshot()
            .getLong("seq"),
        ward.apply(List.of(pulse(135, 2)), at(2)).snapshot().getLong("seq"));

    assertEquals(List.of(1L, 2L, 3L), seqs);
    assertEquals(3L, ward.snapshot("P123").orElseThrow().getLong("seq"));
  }

  @Test
  void givenTwoPatients_whenApplied_thenEachHasItsOwnSnapshotAndSeq() {
    DeviceIdentity other = new DeviceIdentity("mon-8", "P456", "14", "icu");
    ward.apply(List.of(pulse(82, 0)), at(0));
    ward.apply(List.of(pulse(83, 1)), at(1));

    JsonObject snapshot = ward.apply(List.of(observation(other, Parameter.PULSE, "70", 1)), at(1)).snapshot();

    assertEquals(1L, snapshot.getLong("seq"));
    assertEquals(2, ward.snapshots().size());
  }

  @Test
  void givenOlderObservationArrivingLate_whenApplied_thenLatestValueIsKept() {
    ward.apply(List.of(pulse(90, 10)), at(10));

    JsonObject snapshot = ward.apply(List.of(pulse(70, 5)), at(11)).snapshot();

    JsonObject pulse = snapshot.getJsonObject("vitals").getJsonObject("PULSE");
    assertEquals(0, new BigDecimal("90").compareTo(new BigDecimal(pulse.getValue("value").toString())));
    assertEquals(at(10), pulse.getInstant("time"));
  }

  @Test
  void givenActiveAlarm_whenAnOlderNormalObservationArrivesLate_thenAlarmIsNotCleared() {
    ward.apply(List.of(pulse(160, 10)), at(10));

    WardState.Update update = ward.apply(List.of(pulse(80, 5)), at(11));

    assertEquals(List.of(), update.alarmChanges());
    assertEquals(1, update.snapshot().getJsonArray("alarms").size());
  }

  @Test
  void givenNormalLatestValue_whenAnOlderAbnormalObservationArrivesLate_thenNoAlarmIsRaised() {
    ward.apply(List.of(pulse(80, 10)), at(10));

    WardState.Update update = ward.apply(List.of(pulse(160, 5)), at(11));

    assertEquals(List.of(), update.alarmChanges());
    assertEquals(new JsonArray(), update.snapshot().getJsonArray("alarms"));
  }

  @Test
  void givenUnknownPatient_whenSnapshotRequested_thenEmpty() {
    assertTrue(ward.snapshot("nobody").isEmpty());
  }

  private static Observation pulse(int value, int second) {
    return observation(BED_12, Parameter.PULSE, Integer.toString(value), second);
  }

  private static Observation observation(DeviceIdentity source, Parameter parameter, String value, int second) {
    BigDecimal decimal = new BigDecimal(value);
    return new Observation(source, parameter, parameter.mdcCode(), decimal, parameter.unit(), at(second), at(second),
        null, !parameter.softRange().contains(decimal));
  }

  private static Instant at(int second) {
    return T0.plus(Duration.ofSeconds(second));
  }
}
