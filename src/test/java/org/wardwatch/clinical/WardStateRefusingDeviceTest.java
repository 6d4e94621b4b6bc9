package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.frame;
import static org.wardwatch.clinical.WardStateFixtures.only;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;

/**
 * A device beside the patient's monitor whose every frame is refused (a thermometer set to Fahrenheit), so that it
 * never sends a value recorded: its invalid-signal alarm stands while its refused frames come (in bursts, or five
 * minutes apart: from the second), also on the member that takes the patient over, and ends once they stop, by the tick
 * when nothing else comes; it keeps the patient from a discharge, naming itself. A refusal blamed on a relay's
 * connection raises nothing for a patient the relay never reported for.
 */
class WardStateRefusingDeviceTest {

  private static final DeviceIdentity MONITOR = WardStateFixtures.BED_1;
  private static final DeviceIdentity THERMOMETER = new DeviceIdentity("temp-3", "P1", "1", "surgery");
  private static final String FAHRENHEIT = "Temperature 104 Cel is implausible (accepted range 0–50)";
  private static final String CONDITION = "TECHNICAL:INVALID_SIGNAL";
  private static final ClinicalRules RULES = WardStateFixtures.DEVICE_RULES;

  private final WardState engine = new WardState(RULES);
  /** An engine whose first report's interval is taken as a minute, the default, as for monitors reporting over HL7. */
  private final WardState minutely = new WardState(WardStateFixtures.deviceRules(60));

  /**
   * Refused every 2 s: the alarm stands though the monitor's frames come between, and ends once the thermometer has
   * sent none for the no-data time (30 s, over three intervals).
   */
  @Test
  void itAlarmsWhileItSendsThemThoughItNeverSentAValueRecorded() {
    engine.apply(frame(MONITOR, T0, "PULSE=80"), T0);

    AlarmTransition raised = only(refused(1));
    assertEquals(List.of(TransitionType.RAISED, "Invalid data from temp-3: " + FAHRENHEIT, "temp-3"),
        List.of(raised.type(), raised.snapshot().getString("message"), raised.snapshot().getString("device")));
    assertEquals(List.of(), engine.apply(frame(MONITOR, at(2), "PULSE=81"), at(2)).transitions());
    assertEquals(List.of(), refused(3), "the same alarm stands");
    assertEquals(List.of(), engine.apply(frame(MONITOR, at(33), "PULSE=82"), at(33)).transitions(), "sent 30 s ago");

    AlarmTransition ended = only(engine.apply(frame(MONITOR, at(34), "PULSE=82"), at(34)).transitions());
    assertEquals(List.of(raised.alarmId(), TransitionType.CLEARED), List.of(ended.alarmId(), ended.type()));
  }

  /** The monitor is gone too: the tick ends the thermometer's alarm once its refused frames stopped. */
  @Test
  void itsAlarmEndsByTheTickOnceItStoppedThoughNoOtherFrameComes() {
    engine.apply(frame(MONITOR, T0, "PULSE=80"), T0);
    String raised = only(refused(1)).alarmId();
    refused(3);

    assertEquals(List.of(), invalidSignal(engine.tick(at(33)).transitions()));
    assertEquals(List.of(TransitionType.CLEARED + " " + raised), describe(invalidSignal(engine.tick(at(34))
        .transitions())));
  }

  /**
   * A thermometer whose reading each minute is refused, retried twice by its sender at once, beside a streaming
   * monitor: the first burst alone shows only its 0.2 s and its alarm ends with the no-data time; from the second on,
   * the minute between bursts stands, and one alarm stands throughout.
   */
  @Test
  void refusalsInBurstsEachMinuteKeepOneAlarmFromTheSecond() {
    List<List<String>> byMinute = refusedEvery(60, 3, 5);

    assertEquals(List.of("RAISED", "CLEARED"), types(byMinute.get(0)));
    assertEquals(List.of("RAISED"), types(byMinute.get(1)));
    assertEquals(List.of(List.of(), List.of(), List.of()), byMinute.subList(2, 5));
  }

  /** A cuff whose every reading, each five minutes, is refused: from its second, one alarm stands. */
  @Test
  void refusalsEveryFiveMinutesKeepOneAlarmFromTheSecond() {
    List<List<String>> byPeriod = refusedEvery(300, 1, 5);

    assertEquals(List.of("RAISED", "CLEARED"), types(byPeriod.get(0)), "its first window is the first report's");
    assertEquals(List.of("RAISED"), types(byPeriod.get(1)));
    assertEquals(List.of(List.of(), List.of(), List.of()), byPeriod.subList(2, 5));
  }

  /**
   * The monitor's frames, every 5 s, have its patient's state stored with the thermometer's refusals so far: the member
   * that takes the patient over knows the thermometer sent one two seconds ago, and keeps the alarm, acknowledged,
   * rather than ending it and raising a new one.
   */
  @Test
  void aMemberTakingThePatientOverKeepsTheAlarmAcknowledged() {
    JsonObject stored = null;
    engine.apply(frame(MONITOR, T0, "PULSE=80"), T0);
    String raised = only(refused(1)).alarmId();
    engine.act(raised, alarm -> alarm.acknowledge("nurse.kim", at(2)), at(2));
    for (int s = 3; s <= 59; s++) {
      WardUpdate update = s % 2 == 1 ? engine.deviceEvent(DeviceEvent.rejected(THERMOMETER, FAHRENHEIT, at(s)), at(s))
          : s % 5 == 0 ? engine.apply(frame(MONITOR, at(s), "PULSE=80"), at(s)) : WardUpdate.NOTHING;
      stored = update.changedPatients().contains("P1") ? engine.state("P1").orElseThrow() : stored;
    }
    WardState takeover = new WardState(RULES);
    takeover.adopt(new JsonObject(stored.encode()));

    assertEquals(List.of(), invalidSignal(takeover.apply(frame(MONITOR, at(60), "PULSE=81"), at(60)).transitions()));
    assertEquals(List.of(), invalidSignal(takeover.deviceEvent(DeviceEvent.rejected(THERMOMETER, FAHRENHEIT, at(61)),
        at(61)).transitions()), "the same alarm, still acknowledged");
  }

  /**
   * A frame unreadable before its identity on a relay whose {@code HELLO} named P1, which also relays P2's: it may have
   * been P2's, and the relay sent none of P1's values, so nothing is raised for P1.
   */
  @Test
  void aRefusalBlamedOnARelaysConnectionRaisesNothingForAPatientItNeverReportedFor() {
    engine.apply(frame(MONITOR, T0, "PULSE=80"), T0);
    DeviceIdentity relay = new DeviceIdentity("relay-9", "P1", "1", "surgery");

    assertEquals(List.of(), engine.deviceEvent(DeviceEvent.rejectedOnConnection(relay,
        "malformed field 'Pulse': expected Key=Value", at(1)), at(1)).transitions());
  }

  /** The monitor unplugged, the thermometer still sending: the discharge is refused, naming the thermometer. */
  @Test
  void aDischargeIsRefusedWhileItsRefusedFramesComeNamingIt() {
    engine.apply(frame(MONITOR, T0, "PULSE=80"), T0);
    engine.deviceEvent(DeviceEvent.disconnected(MONITOR, null, at(1)), at(1));
    for (int s = 1; s <= 41; s += 2) {
      refused(s);
    }

    ActionRefused.StillMonitored refused = assertThrows(ActionRefused.StillMonitored.class,
        () -> engine.discharge("P1", "nurse.a", at(42)));
    assertEquals("Patient P1's device temp-3 is still sending data the gateway refuses: unplug it (or stop its "
        + "reports) first, or its next reading admits the patient again", refused.getMessage());
  }

  /**
   * The monitor silent since its frame at 0, the thermometer's refused frames until 41: once those have stopped for its
   * window, the patient may be discharged; they do not keep the monitor's own window open.
   */
  @Test
  void aDischargeIsAllowedOnceItsRefusedFramesStoppedThoughTheMonitorWasHeardBefore() {
    engine.apply(frame(MONITOR, T0, "PULSE=80"), T0);
    for (int s = 1; s <= 41; s += 2) {
      refused(s);
    }

    assertThrows(ActionRefused.StillMonitored.class, () -> engine.discharge("P1", "nurse.a", at(71)));
    assertEquals(Set.of("P1"), engine.discharge("P1", "nurse.a", at(72)).discharged());
  }

  /** A monitor over HL7 whose every message, one a minute, is refused: monitored between its messages. */
  @Test
  void aPatientOfAMonitorWhoseMessagesAreRefusedOnceAMinuteIsNotDischargedBetweenThem() {
    DeviceIdentity hl7 = new DeviceIdentity("hl7-mon", "P9", "9", "icu");
    for (int s = 0; s <= 120; s += 60) {
      minutely.deviceEvent(DeviceEvent.rejected(hl7, FAHRENHEIT, at(s)), at(s));
    }

    assertThrows(ActionRefused.StillMonitored.class, () -> minutely.discharge("P9", "nurse.a", at(151)));
  }

  /**
   * The thermometer's invalid-signal transitions, period by period, on {@link #minutely}: refused {@code burst} times
   * 0.2 s apart each {@code periodSeconds}, for {@code periods}, beside the monitor streaming every 5 s.
   */
  private List<List<String>> refusedEvery(int periodSeconds, int burst, int periods) {
    minutely.apply(frame(MONITOR, T0, "PULSE=80"), T0);
    List<List<String>> byPeriod = new ArrayList<>();
    for (int period = 0; period < periods; period++) {
      List<String> seen = new ArrayList<>();
      for (int retry = 0; retry < burst; retry++) {
        Instant at = at((long) periodSeconds * period + 1).plusMillis(200L * retry);
        seen.addAll(describe(minutely.deviceEvent(DeviceEvent.rejected(THERMOMETER, FAHRENHEIT, at), at)
            .transitions()));
      }
      for (int s = 5; s < periodSeconds; s += 5) {
        Instant at = at((long) periodSeconds * period + s);
        seen.addAll(describe(invalidSignal(minutely.apply(frame(MONITOR, at, "PULSE=80"), at).transitions())));
        seen.addAll(describe(invalidSignal(minutely.tick(at).transitions())));
      }
      byPeriod.add(seen);
    }
    return byPeriod;
  }

  private static List<String> types(List<String> described) {
    return described.stream().map(transition -> transition.substring(0, transition.indexOf(' '))).toList();
  }

  private List<AlarmTransition> refused(long second) {
    return engine.deviceEvent(DeviceEvent.rejected(THERMOMETER, FAHRENHEIT, at(second)), at(second)).transitions();
  }

  private static List<AlarmTransition> invalidSignal(List<AlarmTransition> transitions) {
    return transitions.stream().filter(t -> CONDITION.equals(t.snapshot().getString("condition"))).toList();
  }

  private static List<String> describe(List<AlarmTransition> transitions) {
    return transitions.stream().map(t -> t.type() + " " + t.alarmId()).toList();
  }
}
