package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.WardStateFixtures.BED_1;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.THRESHOLDS;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.frame;
import static org.wardwatch.clinical.WardStateFixtures.only;
import static org.wardwatch.clinical.WardStateFixtures.snapshot;
import static org.wardwatch.clinical.WardStateFixtures.thresholdRules;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.Priority;

/**
 * Onset delays run out with time, not only at the next value: a monitor reporting once a minute (HL7) is alarmed at
 * the delay (the pulse's MEDIUM limit, above 130, has a 10 s delay here).
 */
class WardStateOnsetDelayTest {

  private final WardState engine = new WardState(thresholdRules(THRESHOLDS));

  @Test
  void givenOneBreachingValue_whenTheDelayRunsOutWithoutAnother_thenAlarmedAtTheDelay() {
    assertEquals(List.of(), engine.apply(frame(BED_1, T0, "PULSE=140"), T0).transitions());
    assertEquals(List.of(), ticks(1, 9), "the delay runs");

    AlarmTransition raised = only(engine.tick(at(10)).transitions());

    assertEquals(TransitionType.RAISED, raised.type());
    assertEquals(Priority.MEDIUM, raised.priority());
    assertEquals(at(10), raised.at());
    assertTrue(raised.detail().contains("Pulse 140 /min above 130"), raised.detail());
    assertEquals(List.of(), engine.tick(at(11)).transitions(), "raised once");
    assertEquals(List.of(), engine.apply(frame(BED_1, at(60), "PULSE=141"), at(60)).transitions(),
        "the next report finds it raised");
  }

  @Test
  void givenDelayRunOutBeforeTheTick_whenAValueBackInsideTheLimitComes_thenAlarmedFirst() {
    engine.apply(frame(BED_1, T0, "PULSE=140"), T0);

    // 10.5 s of breach, and the patient's tick (once a second) not yet come: the delay ran out before this value
    WardUpdate update = engine.apply(frame(BED_1, T0.plusMillis(10_500), "PULSE=128"), T0.plusMillis(10_500));

    AlarmTransition raised = only(update.transitions());
    assertEquals(TransitionType.RAISED, raised.type());
    assertEquals(Priority.MEDIUM, raised.priority());
    assertTrue(raised.detail().contains("Pulse 140 /min above 130"), raised.detail());
    assertEquals(1, snapshot(update).getJsonArray("alarms").size(), "128 is within its hysteresis of 5: it stays");
  }

  @Test
  void givenDelayRunOutOnlyAfterTheValueBackInsideWasReceived_whenThatValueIsAppliedLate_thenNothing() {
    engine.apply(frame(BED_1, T0, "PULSE=140"), T0);
    engine.deviceEvent(DeviceEvent.disconnected(BED_1, null, T0.plusMillis(9_900)), T0.plusMillis(9_900));

    // received at 9.8 s, before the close and before the delay ran out; applied at 10.3 s
    WardUpdate late = engine.apply(frame(BED_1, T0.plusMillis(9_800), "PULSE=120"), T0.plusMillis(10_300));

    assertEquals(List.of(), late.transitions().stream().filter(t -> t.alarmId().contains("THRESHOLD")).toList());
  }

  @Test
  void givenPatientTakenOverFromItsState_whenAValueBackInsideComesAfterTheDelay_thenLeftToItsTick() {
    engine.apply(frame(BED_1, T0, "PULSE=140"), T0);
    WardState successor = new WardState(thresholdRules(THRESHOLDS));
    successor.adopt(engine.state("P1").orElseThrow());

    WardUpdate first = successor.apply(frame(BED_1, at(12), "PULSE=120"), at(12));

    assertEquals(List.of(), first.transitions(), "not reassessed yet on this member: the frame is judged as it is");
  }

  @Test
  void givenBreachEndedByAValueInsideTheLimit_whenTheDelayWouldHaveRunOut_thenNothing() {
    engine.apply(frame(BED_1, T0, "PULSE=140"), T0);
    engine.apply(frame(BED_1, at(5), "PULSE=120"), at(5));

    assertEquals(List.of(), ticks(6, 30));
  }

  @Test
  void givenBreachWhoseSensorWentOff_whenTheDelayRunsOut_thenNoThresholdAlarm() {
    engine.apply(frame(BED_1, T0, "PULSE=140"), T0);
    FrameReport sensorOff = WardStateFixtures.report(BED_1, at(2), List.of(), null, null, Set.of(Parameter.PULSE));
    engine.apply(sensorOff, at(2));

    assertEquals(List.of(), ticks(3, 30).stream().filter(t -> t.alarmId().contains("THRESHOLD")).toList(),
        "a value before a probe came off is the artefact the delay is for");
  }

  @Test
  void givenBreachOfAParameterGoneSilent_whenTheDelayRunsOut_thenOnlyTheNoDataAlarm() {
    WardState quick = new WardState(ClinicalRules.fromJson(new JsonObject("""
        {"technical": {"noDataSeconds": 5, "firstReportSeconds": 0},
         "news2": {"bandPriorities": {"LOW": "NONE", "LOW_MEDIUM": "NONE", "MEDIUM": "NONE", "HIGH": "NONE"}},
         "thresholds": [{"parameter": "PULSE", "above": 130, "priority": "MEDIUM", "delaySeconds": 10}]}""")));
    quick.apply(frame(BED_1, T0, "PULSE=140"), T0);

    List<AlarmTransition> later = IntStream.rangeClosed(1, 30)
        .mapToObj(second -> quick.tick(at(second)).transitions()).flatMap(List::stream).toList();

    assertEquals(1, later.size(), later::toString);
    assertTrue(later.get(0).alarmId().contains("NO_DATA"), later.get(0)::toString);
  }

  @Test
  void givenPendingBreachWhoseLimitWasRaisedAboveTheValue_whenTheDelayRunsOut_thenNothing() {
    engine.apply(frame(BED_1, T0, "PULSE=140"), T0);
    engine.replaceRules(thresholdRules(THRESHOLDS.replace("\"above\": 130", "\"above\": 145")));

    assertEquals(List.of(), ticks(1, 30), "140 is not above the new limit, 145");
  }

  @Test
  void givenPendingBreachHandedOver_whenTheDelayRunsOut_thenTheNewOwnerAlarms() {
    engine.apply(frame(BED_1, T0, "PULSE=140"), T0);
    WardState newOwner = new WardState(thresholdRules(THRESHOLDS));
    newOwner.adopt(new JsonObject(engine.state("P1").orElseThrow().encode()));

    assertEquals(List.of(), newOwner.tick(at(9)).transitions());
    assertEquals(TransitionType.RAISED, only(newOwner.tick(at(10)).transitions()).type());
  }

  @Test
  void givenBreachWhoseDeviceDisconnected_whenTheDelayRunsOut_thenAlarmedOnItsLastValueMarkedStale() {
    engine.apply(frame(BED_1, T0, "PULSE=140"), T0);
    engine.deviceEvent(DeviceEvent.disconnected(BED_1, null, at(3)), at(3));

    List<AlarmTransition> atDelay = engine.tick(at(10)).transitions();

    assertEquals(List.of(TransitionType.RAISED, TransitionType.DATA_STALE),
        atDelay.stream().map(AlarmTransition::type).toList(), atDelay::toString);
    assertTrue(atDelay.get(1).snapshot().getBoolean("dataStale"), "the value was the device's last");
    AlarmTransition fresh = only(engine.apply(frame(BED_1, at(11), "PULSE=141"), at(11)).transitions().stream()
        .filter(transition -> transition.alarmId().contains("THRESHOLD")).toList());
    assertEquals(TransitionType.DATA_FRESH, fresh.type(), "the device back");
  }

  /** The transitions of ticks at each second from {@code first} to {@code last}. */
  private List<AlarmTransition> ticks(int first, int last) {
    return IntStream.rangeClosed(first, last).mapToObj(second -> engine.tick(at(second)).transitions())
        .flatMap(List::stream).toList();
  }
}
