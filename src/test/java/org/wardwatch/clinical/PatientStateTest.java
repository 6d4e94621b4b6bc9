package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.bus.SnapshotFixtures.received;
import static org.wardwatch.clinical.HandOver.IDS;
import static org.wardwatch.clinical.HandOver.MONITOR;
import static org.wardwatch.clinical.HandOver.NURSE;
import static org.wardwatch.clinical.HandOver.PATIENT;
import static org.wardwatch.clinical.HandOver.alarmId;
import static org.wardwatch.clinical.HandOver.at;
import static org.wardwatch.clinical.HandOver.frame;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.wardwatch.bus.PatientSnapshot;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.OxygenSupport;
import org.wardwatch.model.Parameter;

/**
 * The stored state of a patient as a format: versioned, plain JSON that survives being stored as a string, refused
 * when of another version or malformed; and the engine's side of a hand-over: which patients an update changed,
 * adopting and releasing a patient.
 */
class PatientStateTest {

  private static final ClinicalRules RULES = ClinicalRules.fromJson(new JsonObject(HandOver.THRESHOLD_RULES));
  private static final String OTHER = "P2";
  private static final DeviceIdentity OTHER_MONITOR = new DeviceIdentity("mon-2", OTHER, "2", "surgery");

  private final WardState engine = new WardState(RULES, IDS);

  @Test
  void givenPatient_whenStateTaken_thenVersionFirstAndPlainJsonThatSurvivesAStringUnchanged() {
    busyPatient();

    JsonObject state = engine.state(PATIENT).orElseThrow();
    String stored = state.encode();
    JsonObject read = new JsonObject(stored);

    assertEquals("v", state.fieldNames().iterator().next());
    assertEquals(1, read.getValue("v"));
    assertEquals(state, read);
    assertEquals(stored, read.encode());
    assertEquals(Instant.parse(read.getString("updated")),
        engine.view().snapshot(PATIENT).orElseThrow().toJson().getInstant("updated"));
    JsonObject acknowledged = read.getJsonArray("alarms").getJsonObject(0);
    JsonObject unacknowledged = read.getJsonArray("alarms").getJsonObject(1);
    assertEquals(NURSE, acknowledged.getString("acknowledgedBy"));
    assertEquals(at(16).toString(), acknowledged.getValue("reminderDue"), "instants as ISO-8601 strings");
    assertEquals(at(20).toString(), unacknowledged.getValue("escalationDue"));
    assertEquals("PT10S", acknowledged.getJsonObject("policy").getJsonObject("escalateAfter").getString("HIGH"));
    assertEquals("2.50", read.getJsonObject("oxygen").getString("value"), "decimals as strings keep their scale");
    WardState fromObject = new WardState(RULES, IDS);
    WardState fromString = new WardState(RULES, IDS);
    fromObject.adopt(state);
    fromString.adopt(read);
    assertEquals(stored, fromObject.state(PATIENT).orElseThrow().encode());
    assertEquals(stored, fromString.state(PATIENT).orElseThrow().encode());
  }

  @Test
  void givenStateOfAnotherVersion_whenAdopted_thenRefusedNamingTheVersion() {
    busyPatient();
    JsonObject state = engine.state(PATIENT).orElseThrow();
    WardState other = new WardState(RULES, IDS);

    IllegalArgumentException newer = assertThrows(IllegalArgumentException.class,
        () -> other.adopt(state.copy().put("v", 2)));
    IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
        () -> other.adopt(state.copy().put("v", "1")));
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> other.adopt(without(state, "v")));

    assertEquals("patient state of format version 2 refused: this node reads version 1 only", newer.getMessage());
    assertTrue(text.getMessage().contains("format version 1 refused"), text.getMessage());
    assertEquals("patient state without a format version 'v' refused", none.getMessage());
    assertEquals(Optional.empty(), other.view().snapshot(PATIENT));
  }

  @Test
  void givenMalformedState_whenAdopted_thenRefusedSayingWhatIsWrongAndNothingChanges() {
    busyPatient();
    JsonObject state = engine.state(PATIENT).orElseThrow();
    WardState other = new WardState(RULES, IDS);
    frame(at(0), "PULSE=70").apply(other);
    JsonObject before = other.view().snapshot(PATIENT).orElseThrow().toJson();

    assertRefused(other, without(state, "alarms"), "'alarms' is missing");
    assertRefused(other, state.copy().put("alarms", "none"), "class java.lang.String cannot be cast");
    assertRefused(other, edit(state, s -> firstAlarm(s).put("state", "SNOOZED")),
        "'state' must be one of [ACTIVE_UNACKNOWLEDGED, ACTIVE_ACKNOWLEDGED, CLEARED_UNACKNOWLEDGED, CLEARED], "
            + "got SNOOZED");
    assertRefused(other, edit(state, s -> firstAlarm(s).put("escalationDue", "soon")),
        "'escalationDue' must be an ISO-8601 instant, got soon");
    assertRefused(other, edit(state, s -> firstAlarm(s).getJsonObject("policy").put("reminderInterval", "PT0S")),
        "reminderInterval must be positive");
    assertRefused(other, edit(state, s -> firstAlarm(s).remove("id")), "'id' is missing");
    assertRefused(other, edit(state, s -> s.getJsonArray("alarms").add(firstAlarm(s).copy())),
        "two alarms have the id P1/THRESHOLD:PULSE/2026-11-22T10:00:00Z");
    assertRefused(other, edit(state, s -> s.getJsonObject("trackers").getJsonObject("PULSE").getJsonArray("active")
        .getJsonObject(0).put("limit", "high")), "'limit' must be a decimal, got high");
    assertRefused(other, edit(state, s -> s.getJsonObject("latest").put("HEART", new JsonObject())),
        "'latest' must be one of [PULSE, SPO2, RESP_RATE, BP_SYSTOLIC, BP_DIASTOLIC, BP_MEAN, ART_SYSTOLIC,"
            + " ART_DIASTOLIC, ART_MEAN, TEMPERATURE], got HEART");
    assertRefused(other, edit(state, s -> s.getJsonObject("news2").put("total", 99)), "Total 99");
    assertRefused(other, edit(state, s -> s.getJsonObject("oxygen").put("value", "lots")),
        "Air or oxygen must be \"air\" or an oxygen flow");
    assertRefused(other, state.copy().put("spo2Scale2", null), "'spo2Scale2' is missing");

    assertEquals(before, other.view().snapshot(PATIENT).orElseThrow().toJson(), "a refused state changes nothing");
  }

  @Test
  void givenHeldPatient_whenStateAdopted_thenItReplacesThePatientHeldHere() {
    busyPatient();
    WardState other = new WardState(RULES, IDS);
    frame(at(0), "PULSE=70").apply(other);

    other.adopt(engine.state(PATIENT).orElseThrow());

    assertEquals(engine.view().snapshot(PATIENT).orElseThrow().toJson(),
        other.view().snapshot(PATIENT).orElseThrow().toJson());
  }

  @Test
  void givenUpdates_thenChangedPatientsNameExactlyThePatientsWhoseStateChanged() {
    WardUpdate first = frame(at(0), "PULSE=190").apply(engine);
    WardUpdate second = engine.apply(WardStateFixtures.report(OTHER_MONITOR, at(1), List.of(), Consciousness.A, null),
        at(1));
    WardUpdate quiet = engine.tick(at(2));
    WardUpdate escalation = engine.tick(at(10));
    WardUpdate acknowledged = engine.act(alarmId("THRESHOLD:PULSE", at(0)),
        alarm -> alarm.acknowledge(NURSE, at(11)), at(11));
    WardUpdate again = engine.act(alarmId("THRESHOLD:PULSE", at(0)),
        alarm -> alarm.acknowledge(NURSE, at(12)), at(12));
    WardUpdate assessed = engine.assess(OTHER, new Assessment(null, OxygenSupport.air(), null, null), "nurse.kim",
        at(13));
    WardUpdate elsewhere = engine.deviceEvent(
        DeviceEvent.disconnected(new DeviceIdentity("mon-9", "P9", "9", "icu"), null, null), at(14));

    assertEquals(Set.of(PATIENT), first.changedPatients());
    assertEquals(Set.of(OTHER), second.changedPatients());
    assertEquals(Set.of(), quiet.changedPatients());
    assertEquals(Set.of(PATIENT), escalation.changedPatients());
    assertEquals(Set.of(PATIENT), acknowledged.changedPatients());
    assertEquals(Set.of(), again.changedPatients(), "a repeated acknowledgement changes nothing");
    assertEquals(Set.of(OTHER), assessed.changedPatients());
    assertEquals(Set.of(), elsewhere.changedPatients());
    for (WardUpdate update : List.of(first, second, quiet, escalation, acknowledged, again, assessed)) {
      assertEquals(update.changedPatients(), Set.copyOf(update.snapshots().stream()
          .map(PatientSnapshot::patient).toList()), "each changed patient has its snapshot");
    }
  }

  @Test
  void givenAlarmMessageRefreshedWithoutTransition_whenDeviceEvent_thenPatientChangedAndSnapshotPublished() {
    frame(at(0), "PULSE=80").apply(engine);
    engine.deviceEvent(DeviceEvent.rejected(MONITOR, "Pulse 400 /min is implausible", null), at(1));
    long seq = engine.view().snapshot(PATIENT).orElseThrow().toJson().getLong("seq");

    WardUpdate refreshed = engine.deviceEvent(
        DeviceEvent.rejected(MONITOR, "SpO2 140 % is implausible", null), at(2));

    assertEquals(List.of(), refreshed.transitions());
    assertEquals(Set.of(PATIENT), refreshed.changedPatients());
    JsonObject snapshot = refreshed.snapshots().get(0).toJson();
    assertEquals(seq + 1, snapshot.getLong("seq"));
    assertEquals("Invalid data from mon-1: SpO2 140 % is implausible",
        snapshot.getJsonArray("technicalAlarms").getJsonObject(0).getString("message"));
    assertEquals(WardUpdate.NOTHING,
        engine.deviceEvent(DeviceEvent.rejected(MONITOR, "SpO2 140 % is implausible", null), at(3)),
        "the same message again");
  }

  @Test
  void givenUpdateBuiltTheOldWay_thenItsChangedPatientsAreThoseOfItsSnapshots() {
    WardUpdate update = new WardUpdate(List.of(), List.of(received(OTHER, "icu", "{}"),
        received(PATIENT, "icu", "{}")), List.of());

    assertEquals(List.of(OTHER, PATIENT), List.copyOf(update.changedPatients()));
  }

  @Test
  void givenHeldPatient_whenReleased_thenForgottenWithItsHistory() {
    busyPatient();

    assertTrue(engine.release(PATIENT));

    assertFalse(engine.release(PATIENT));
    assertTrue(engine.state(PATIENT).isEmpty());
    assertTrue(engine.view().snapshot(PATIENT).isEmpty());
    assertTrue(engine.view().history(PATIENT, 60, at(10)).isEmpty());
    assertThrows(ActionRefused.UnknownTarget.class, () -> engine.act(alarmId("THRESHOLD:PULSE", at(0)),
        alarm -> alarm.acknowledge(NURSE, at(11)), at(11)));
    frame(at(12), "PULSE=80").apply(engine);
    assertEquals(new JsonArray(), engine.view().history(PATIENT, 60, at(12)).orElseThrow().getJsonArray("events"),
        "a patient that comes back starts a new history");
  }

  @Test
  void givenPatientReleasedThenAdoptedBetweenTicks_thenTheTickInSlicesFollowsIt() {
    frame(at(0), "SPO2=85").apply(engine); // a MEDIUM alarm, escalated when ticked 20 s on
    JsonObject state = engine.state(PATIENT).orElseThrow();
    assertEquals(List.of(), tickInSlices(at(5)), "nothing due yet");

    engine.release(PATIENT);
    assertEquals(List.of(), tickInSlices(at(21)), "a released patient is not ticked");
    engine.adopt(state);

    assertEquals(List.of(alarmId("THRESHOLD:SPO2", at(0))), tickInSlices(at(21)), "an adopted one is, once");
  }

  /** The ids of the alarms a tick in four slices changed, the slices taken in turn. */
  private List<String> tickInSlices(Instant now) {
    List<String> changed = new ArrayList<>();
    for (int slice = 0; slice < 4; slice++) {
      engine.tick(now, slice, 4, null).transitions().forEach(transition -> changed.add(transition.alarmId()));
    }
    return changed;
  }

  /** A patient with an acknowledged, a paused and an escalating alarm, an override and an assessment. */
  private void busyPatient() {
    frame(at(0), "PULSE=190", "SPO2=85", "TEMPERATURE=39.0").apply(engine);
    engine.act(alarmId("THRESHOLD:PULSE", at(0)), alarm -> alarm.acknowledge(NURSE, at(1)), at(1));
    engine.act(alarmId("THRESHOLD:TEMPERATURE", at(0)),
        alarm -> alarm.pauseAudio(NURSE, Duration.ofSeconds(30), at(1)), at(1));
    engine.assess(PATIENT, new Assessment(Consciousness.C, OxygenSupport.parse("2.50"), true, null), "nurse.kim",
        at(2));
    engine.overrideLimits(new LimitOverride(PATIENT, Parameter.BP_SYSTOLIC, List.of(), "dr.patel",
        "palliative", at(3), at(3603)), at(3));
    frame(at(4), "PULSE=185", "SPO2=85", "TEMPERATURE=39.00").apply(engine); // a scale a double would lose
  }

  private static void assertRefused(WardState engine, JsonObject state, String reason) {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> engine.adopt(state));
    assertTrue(refused.getMessage().startsWith("malformed patient state (version 1, patient P1): "),
        refused.getMessage());
    assertTrue(refused.getMessage().contains(reason), () -> "expected '" + reason + "' in " + refused.getMessage());
  }

  private static JsonObject firstAlarm(JsonObject state) {
    return state.getJsonArray("alarms").getJsonObject(0);
  }

  private static JsonObject edit(JsonObject state, Consumer<JsonObject> change) {
    JsonObject edited = state.copy();
    change.accept(edited);
    return edited;
  }

  private static JsonObject without(JsonObject state, String field) {
    return edit(state, s -> s.remove(field));
  }
}
