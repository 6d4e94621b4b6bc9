package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.only;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wardwatch.clinical.alarm.AlarmState;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

/** Clinicians' actions as JSON (dashboard and REST API) applied to the clinical engine. */
class AlarmActionsTest {

  private static final DeviceIdentity MON_1 = new DeviceIdentity("mon-1", "P1", "1", "surgery");
  private static final String NURSE = "nurse.kim";

  private static final ClinicalRules RULES = ClinicalRules.fromJson(new JsonObject("""
      {
        "alarms": {"maxAudioPauseSeconds": 60},
        "news2": {"bandPriorities": {"LOW": "NONE", "LOW_MEDIUM": "NONE", "MEDIUM": "NONE", "HIGH": "NONE"}},
        "thresholds": [{"parameter": "PULSE", "above": 150, "priority": "HIGH", "hysteresis": 5}]
      }
      """));

  private final WardState engine = new WardState(RULES);
  private String alarmId;

  @BeforeEach
  void givenPatientWithHighPulseAlarm() {
    Observation pulse = new Observation(MON_1, Parameter.PULSE, Parameter.PULSE.mdcCode(), new BigDecimal("190"),
        Parameter.PULSE.unit(), null, T0, null, false);
    List<AlarmTransition> raised = engine.apply(WardStateFixtures.report(MON_1, T0, List.of(pulse), null, null), T0)
        .transitions();
    assertEquals(1, raised.size(), raised::toString);
    alarmId = raised.get(0).alarmId();
  }

  @Test
  void givenActiveAlarm_whenAcknowledgeAction_thenAcknowledgedByTheUser() {
    WardUpdate update = apply(new JsonObject().put("action", "acknowledge").put("alarmId", alarmId)
        .put("user", NURSE), at(5));

    AlarmTransition ack = only(update.transitions());
    assertEquals(TransitionType.ACKNOWLEDGED, ack.type());
    assertEquals(alarmId, ack.alarmId());
    assertEquals(NURSE, ack.actor());
    assertEquals(at(5), ack.at());
    assertEquals(AlarmState.ACTIVE_ACKNOWLEDGED, ack.toState());
    assertEquals(NURSE, ack.snapshot().getString("acknowledgedBy"));
  }

  @Test
  void givenActiveAlarm_whenPauseAudioWithinTheMaximum_thenPausedForTheRequestedTime() {
    WardUpdate update = apply(pauseAudio(30), at(5));

    AlarmTransition paused = only(update.transitions());
    assertEquals(TransitionType.AUDIO_PAUSED, paused.type());
    assertEquals(NURSE, paused.actor());
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, paused.toState(), "pausing is not acknowledging");
    assertEquals(at(35), paused.snapshot().getInstant("audioPausedUntil"));
    assertFalse(paused.detail().contains("capped"), paused.detail());
  }

  @Test
  void givenActiveAlarm_whenPauseAudioLongerThanTheMaximum_thenCappedByThePolicy() {
    WardUpdate update = apply(pauseAudio(600), at(5));

    AlarmTransition paused = only(update.transitions());
    assertEquals(TransitionType.AUDIO_PAUSED, paused.type());
    assertEquals(at(65), paused.snapshot().getInstant("audioPausedUntil"));
    assertTrue(paused.detail().contains("capped"), paused.detail());
  }

  @Test
  void givenAPauseOfPartSeconds_whenApplied_thenRefusedRatherThanCutShort() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> apply(pauseAudio(30).put("seconds", 30.5), at(5)));

    assertEquals("'seconds' must be a positive whole number of seconds", refused.getMessage());
  }

  @Test
  void givenAnotherWardsScreen_whenAcknowledgeAction_thenUnknownThereAndTheAlarmUntouched() {
    JsonObject acknowledge = new JsonObject().put("action", "acknowledge").put("alarmId", alarmId).put("user", NURSE);

    ActionRefused.UnknownTarget refused = assertThrows(ActionRefused.UnknownTarget.class,
        () -> apply(acknowledge.copy().put("ward", "medical"), at(5)));

    assertEquals("no alarm " + alarmId + " on ward medical", refused.getMessage());
    assertEquals(TransitionType.ACKNOWLEDGED,
        only(apply(acknowledge.copy().put("ward", "surgery"), at(6)).transitions()).type(), "its own ward's screen");
  }

  @Test
  void givenThePatientMovedWard_whenActedOnFromTheirNewWard_thenAppliedButNotFromTheWardTheyLeft() {
    DeviceIdentity moved = new DeviceIdentity("mon-1", "P1", "4", "medical");
    Observation pulse = new Observation(moved, Parameter.PULSE, Parameter.PULSE.mdcCode(), new BigDecimal("190"),
        Parameter.PULSE.unit(), null, at(1), null, false);
    engine.apply(WardStateFixtures.report(moved, at(1), List.of(pulse), null, null), at(1));

    assertThrows(ActionRefused.UnknownTarget.class, () -> apply(pauseAudio(30).put("ward", "surgery"), at(2)),
        "the ward the alarm was raised on, whose screens were told the patient left");
    assertEquals(TransitionType.ACKNOWLEDGED, only(apply(new JsonObject().put("action", "acknowledge")
        .put("alarmId", alarmId).put("user", NURSE).put("ward", "medical"), at(3)).transitions()).type());
    assertThrows(ActionRefused.UnknownTarget.class, () -> apply(pauseAudio(30).put("ward", "icu"), at(4)));
  }

  @Test
  void givenAnAlarmActionNamingAnotherPatient_thenTheAlarmsPatientDecidesTheWard() {
    JsonObject redirected = new JsonObject().put("action", "acknowledge").put("alarmId", alarmId).put("user", NURSE)
        .put("patient", "P2").put("ward", "icu");

    assertEquals("P1", ActionTarget.patientOf(redirected));
    assertThrows(ActionRefused.UnknownTarget.class, () -> apply(redirected, at(5)));
  }

  @Test
  void givenUnknownAlarm_whenAcknowledgeAction_thenUnknownTarget() {
    assertThrows(ActionRefused.UnknownTarget.class, () -> apply(new JsonObject().put("action", "acknowledge")
        .put("alarmId", "P1/THRESHOLD:PULSE/0").put("user", NURSE), at(5)));
  }

  @Test
  void givenKnownPatient_whenAssessAction_thenAssessmentInTheSnapshotAndScore() {
    WardUpdate update = apply(new JsonObject().put("action", "assess").put("patient", "P1").put("user", NURSE)
        .put("consciousness", "v").put("oxygen", "2").put("spo2Scale2", true), at(5));

    JsonObject snapshot = only(update.snapshots()).toJson();
    assertEquals("V", snapshot.getJsonObject("consciousness").getString("value"));
    assertEquals(at(5), snapshot.getJsonObject("consciousness").getInstant("time"));
    assertTrue(snapshot.getJsonObject("oxygen").getBoolean("onOxygen"));
    assertEquals(0, new BigDecimal("2").compareTo(
        new BigDecimal(snapshot.getJsonObject("oxygen").getValue("flow").toString())));
    assertTrue(snapshot.getBoolean("spo2Scale2"));
    JsonObject news2 = snapshot.getJsonObject("news2");
    assertEquals(2, news2.getInteger("scale"));
    assertEquals(3, news2.getJsonObject("components").getInteger("CONSCIOUSNESS"));
    assertEquals(2, news2.getJsonObject("components").getInteger("AIR_OR_OXYGEN"));
  }

  @Test
  void givenAnActionFromTheBridge_thenItsAuditRecordsCarryTheOriginAlsoAsKeptForTheNextOwner() {
    WardUpdate update = engine.attributed(apply(new JsonObject().put("action", "acknowledge").put("alarmId", alarmId)
        .put("user", NURSE), at(5)), "bridge 10.1.2.3");

    AuditRecord acknowledged = only(update.audit());
    assertEquals("bridge 10.1.2.3", acknowledged.audited().getString("origin"));
    assertNull(acknowledged.entry().getString("origin"), "not published to the ward");
    JsonArray kept = engine.state("P1").orElseThrow().getJsonObject("auditOutbox").getJsonArray("pending");
    JsonObject last = kept.getJsonObject(kept.size() - 1);
    assertEquals(acknowledged.key(), last.getString("key"));
    assertEquals("bridge 10.1.2.3", last.getString("origin"), "a member taking P1 over records it with its origin");
  }

  @Test
  void givenAssessAction_whenApplied_thenTheUpdateCarriesItsAuditEntryToBeStoredBeforeItIsAcknowledged() {
    WardUpdate update = apply(new JsonObject().put("action", "assess").put("patient", "P1").put("user", " " + NURSE)
        .put("consciousness", "c").put("oxygen", "2.5").put("spo2Scale2", false), at(5));

    JsonObject entry = only(AuditEntries.of(update));
    assertEquals("ASSESSMENT", entry.getString("type"));
    assertEquals("P1", entry.getString("patient"));
    assertEquals(NURSE, entry.getString("actor"), "the name, not as typed");
    assertEquals(at(5), entry.getInstant("at"));
    assertEquals("New confusion; oxygen 2.5 L/min; SpO2 scale 1", entry.getString("detail"));
    assertEquals(new JsonObject().put("consciousness", "C").put("oxygen", "2.5").put("spo2Scale2", false),
        entry.getJsonObject("assessment"));
    WardUpdate onAir = apply(new JsonObject().put("action", "assess").put("patient", "P1").put("user", NURSE)
        .put("oxygen", "air"), at(6));
    assertEquals("air", only(AuditEntries.of(onAir)).getString("detail"));
  }

  @Test
  void givenKnownPatient_whenAssessActionWithAirOnly_thenOtherPartsUnchanged() {
    WardUpdate update = apply(new JsonObject().put("action", "assess").put("patient", "P1").put("user", NURSE)
        .put("oxygen", "AIR"), at(5));

    JsonObject snapshot = only(update.snapshots()).toJson();
    assertFalse(snapshot.getJsonObject("oxygen").getBoolean("onOxygen"));
    assertNull(snapshot.getValue("consciousness"));
    assertFalse(snapshot.getBoolean("spo2Scale2"));
  }

  @Test
  void givenUnknownPatient_whenAssessAction_thenUnknownTarget() {
    assertThrows(ActionRefused.UnknownTarget.class, () -> apply(new JsonObject().put("action", "assess")
        .put("patient", "P9").put("user", NURSE).put("consciousness", "A"), at(5)));
  }

  @Test
  void givenDisconnectedPatient_whenDischargedFromAnotherWardsScreen_thenUnknownThereAndDischargedFromItsOwn() {
    apply(new JsonObject().put("action", "acknowledge").put("alarmId", alarmId).put("user", NURSE), at(1));
    engine.deviceEvent(DeviceEvent.disconnected(MON_1, null, null), at(1));
    JsonObject discharge = new JsonObject().put("action", "discharge").put("patient", "P1").put("user", NURSE);

    assertThrows(ActionRefused.UnknownTarget.class, () -> apply(discharge.copy().put("ward", "icu"), at(2)));
    WardUpdate discharged = apply(discharge.copy().put("ward", "surgery"), at(3));

    assertEquals(2, discharged.transitions().size(), "the pulse alarm and the disconnection, cleared");
    assertTrue(engine.view().snapshot("P1").isEmpty());
  }

  @Test
  void givenAUserNameWithSurroundingSpaces_thenRecordedAsTheName() {
    AlarmTransition acknowledged = only(apply(new JsonObject().put("action", "acknowledge").put("alarmId", alarmId)
        .put("user", "  nurse.kim  "), at(5)).transitions());

    assertEquals("nurse.kim", acknowledged.actor());
  }

  @Test
  void givenAUserNameWrittenWithLookAlikeCharacters_thenRecordedAsTheNameItLooksLike() {
    AlarmTransition acknowledged = only(apply(new JsonObject().put("action", "acknowledge").put("alarmId", alarmId)
        .put("user", "\uff4eurse\u00a0 \u2003kim\u00a0"), at(5)).transitions());

    assertEquals("nurse kim", acknowledged.actor(), "full-width n, no-break and em spaces as what they look like");
  }

  @Test
  void givenANameSpeltWithAZeroWidthNonJoinerBetweenLetters_thenRecordedAsSpelt() {
    String mahsa = "\u0645\u0647\u200c\u0633\u0627"; // Persian: the non-joiner is part of the spelling
    AlarmTransition acknowledged = only(apply(new JsonObject().put("action", "acknowledge").put("alarmId", alarmId)
        .put("user", mahsa), at(5)).transitions());

    assertEquals(mahsa, acknowledged.actor());
  }

  @Test
  void givenAPatientActionCarryingAnAlarmIdOfThisWard_thenRefusedRatherThanActingOnAnotherWardsPatient() {
    engine.apply(WardStateFixtures.report(new DeviceIdentity("mon-2", "P2", "2", "icu"), at(1), List.of(), null, null),
        at(1));
    engine.deviceEvent(DeviceEvent.disconnected(new DeviceIdentity("mon-2", "P2", "2", "icu"), null, null), at(2));
    for (String verb : List.of("discharge", "assess", "override-limits")) {
      JsonObject action = new JsonObject().put("action", verb).put("patient", "P2").put("user", NURSE)
          .put("alarmId", alarmId).put("ward", "surgery").put("consciousness", "V");

      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> apply(action, at(3)));

      assertEquals("'alarmId' is not part of a " + verb + " action, which names its patient", refused.getMessage());
    }
    assertTrue(engine.view().snapshot("P2").isPresent(), "the icu's patient, not discharged from surgery's screen");
  }

  static Stream<Arguments> malformedActions() {
    return Stream.of(
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\"}", "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"  \"}", "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": 7}", "user"),
        Arguments.of("{\"user\": \"nurse\"}", "action"),
        Arguments.of("{\"action\": \"acknowledge\", \"user\": \"nurse\"}", "alarmId"),
        Arguments.of("{\"action\": \"pause-audio\", \"user\": \"nurse\", \"seconds\": 30}", "alarmId"),
        Arguments.of("{\"action\": \"snooze\", \"user\": \"nurse\"}", "snooze"),
        Arguments.of("{\"action\": \"pause-audio\", \"alarmId\": \"a\", \"user\": \"nurse\"}", "seconds"),
        Arguments.of("{\"action\": \"pause-audio\", \"alarmId\": \"a\", \"user\": \"nurse\", \"seconds\": 0}",
            "seconds"),
        Arguments.of("{\"action\": \"pause-audio\", \"alarmId\": \"a\", \"user\": \"nurse\", \"seconds\": -5}",
            "seconds"),
        Arguments.of("{\"action\": \"pause-audio\", \"alarmId\": \"a\", \"user\": \"nurse\", \"seconds\": \"60\"}",
            "seconds"),
        Arguments.of("{\"action\": \"assess\", \"user\": \"nurse\", \"consciousness\": \"A\"}", "patient"),
        Arguments.of("{\"action\": \"assess\", \"patient\": \"P1\", \"user\": \"nurse\", \"consciousness\": \"X\"}",
            "consciousness"),
        Arguments.of("{\"action\": \"assess\", \"patient\": \"P1\", \"user\": \"nurse\", \"consciousness\": \"AV\"}",
            "consciousness"),
        Arguments.of("{\"action\": \"assess\", \"patient\": \"P1\", \"user\": \"nurse\", \"oxygen\": \"lots\"}",
            "oxygen"),
        Arguments.of("{\"action\": \"assess\", \"patient\": \"P1\", \"user\": \"nurse\", \"oxygen\": \"-1\"}",
            "oxygen"),
        Arguments.of("{\"action\": \"assess\", \"patient\": \"P1\", \"user\": \"nurse\"}", "consciousness"),
        Arguments.of("{\"action\": \"discharge\", \"user\": \"nurse\"}", "patient"),
        Arguments.of("{\"action\": \"discharge\", \"patient\": \"P1\"}", "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"nurse\\nDISCHARGED by admin\"}",
            "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"" + "n".repeat(129) + "\"}",
            "128 characters"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"nurse\u202eknil\"}", "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"nurse\u2028admin\"}", "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"\u00a0\u3000\"}", "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"System\"}", "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"system\u034f\"}", "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"sys\ufe0ftem\"}", "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"system\u3164\"}", "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"system\u2800\"}", "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"sys\u200dtem\"}", "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"kim\u200d\"}", "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"" + "\ufdfa".repeat(20) + "\"}",
            "128 characters"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"\uff53ystem\u00a0\"}", "user"));
  }

  @ParameterizedTest
  @MethodSource("malformedActions")
  void givenMalformedAction_whenApplied_thenIllegalArgumentNamingTheField(String action, String field) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> apply(new JsonObject(action), at(5)));

    assertTrue(error.getMessage().toLowerCase(Locale.ROOT).contains(field.toLowerCase(Locale.ROOT)),
        error::getMessage);
  }

  @Test
  void givenMalformedAction_whenRejected_thenNothingChanged() {
    JsonObject before = engine.view().snapshot("P1").orElseThrow().toJson();

    assertThrows(IllegalArgumentException.class, () -> apply(new JsonObject().put("action", "assess")
        .put("patient", "P1").put("user", NURSE).put("consciousness", "V").put("oxygen", "lots"), at(5)));

    assertEquals(before, engine.view().snapshot("P1").orElseThrow().toJson());
  }

  @ParameterizedTest
  @ValueSource(strings = {"spo2Scale2", "news2Applies"})
  void givenNonBooleanFlag_whenAssessAction_thenIllegalArgumentNamingTheField(String flag) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> apply(new JsonObject()
        .put("action", "assess").put("patient", "P1").put("user", NURSE).put(flag, "yes"), at(5)));

    assertTrue(error.getMessage().contains(flag), error::getMessage);
  }

  @Test
  void givenKnownPatient_whenAssessActionStopsNews2_thenNotScoredAndAudited() {
    WardUpdate update = apply(new JsonObject().put("action", "assess").put("patient", "P1").put("user", NURSE)
        .put("news2Applies", false).put("news2Reason", "under 16"), at(5));

    JsonObject snapshot = only(update.snapshots()).toJson();
    assertFalse(snapshot.getBoolean("news2Applies"));
    assertNull(snapshot.getValue("news2"));
    JsonObject audited = only(AuditEntries.of(update));
    assertEquals("NEWS2 not used: under 16", audited.getString("detail"));
    assertEquals(new JsonObject().put("news2Applies", false).put("news2Reason", "under 16"),
        audited.getJsonObject("assessment"));
  }

  @Test
  void givenNews2StoppedWithoutAReason_whenAssessAction_thenIllegalArgumentAskingForIt() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> apply(new JsonObject()
        .put("action", "assess").put("patient", "P1").put("user", NURSE).put("news2Applies", false), at(5)));

    assertTrue(error.getMessage().contains("'news2Reason'"), error::getMessage);
  }

  @ParameterizedTest
  @MethodSource("reasonsOutOfPlace")
  void givenAReasonWithoutAStopOfNews2_whenAssessAction_thenIllegalArgument(JsonObject assess) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> apply(assess.put("action", "assess").put("patient", "P1").put("user", NURSE), at(5)));

    assertTrue(error.getMessage().contains("'news2Reason'"), error::getMessage);
  }

  static Stream<JsonObject> reasonsOutOfPlace() {
    return Stream.of(new JsonObject().put("news2Reason", "pregnant"),
        new JsonObject().put("news2Applies", true).put("news2Reason", "pregnant"),
        new JsonObject().put("news2Applies", false).put("news2Reason", "line\nbreak"),
        new JsonObject().put("news2Applies", false).put("news2Reason", 16));
  }

  @Test
  void givenImplausibleOxygenFlow_whenAssessAction_thenIllegalArgumentNamingTheField() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> apply(new JsonObject()
        .put("action", "assess").put("patient", "P1").put("user", NURSE).put("oxygen", "500"), at(5)));

    assertTrue(error.getMessage().toLowerCase(Locale.ROOT).contains("oxygen"), error::getMessage);
  }

  private WardUpdate apply(JsonObject action, Instant now) {
    return AlarmActions.apply(engine, action, now);
  }

  private JsonObject pauseAudio(long seconds) {
    return new JsonObject().put("action", "pause-audio").put("alarmId", alarmId).put("user", NURSE)
        .put("seconds", seconds);
  }
}
