package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.only;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmState;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

/**
 * Clinicians' actions on an alarm as JSON (dashboard and REST API) applied to the clinical engine: acknowledging, and
 * pausing the audio for at most the policy's maximum, only from the screens of the ward the patient is on; discharging;
 * and the user's name recorded as it reads.
 */
class AlarmActionsTest extends AlarmActionsFixture {

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
}
