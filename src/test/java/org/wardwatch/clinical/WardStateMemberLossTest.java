package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.WardStateFixtures.BED_1;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.frame;
import static org.wardwatch.clinical.WardStateFixtures.on;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.DeviceEvent;

/**
 * A member of the cluster dies (or is cut off) with a device's connection: no end of that connection is ever announced,
 * so the engine disconnects the device itself once it has found the member gone from the cluster for 30 s and the
 * connection silent as long, unless the device carries on through another member or the member is back; as by an
 * announced end, so a {@code HELLO} through another member shows it back; and not for good: the member may merge back
 * with its connection.
 */
class WardStateMemberLossTest {

  private static final ClinicalRules RULES = ClinicalRules.fromJson(new JsonObject("""
      {"technical": {"noDataSeconds": 3600, "firstReportSeconds": 0}, "thresholds": []}
      """));
  /** The member that dies, and another. */
  private static final long LOST = 7;
  private static final long SURVIVOR = 8;
  private static final ConnectionId ON_LOST = new ConnectionId(T0, LOST, 1);
  private static final ConnectionId ON_SURVIVOR = new ConnectionId(at(20), SURVIVOR, 1);

  private final WardState engine = new WardState(RULES);
  /** The origins of the members there, as the engine verticle tells each tick; null: not known. */
  private Set<Long> present;

  @Test
  void givenACuffOnAGoneMembersConnection_thenATickAlarmsItDisconnected_30sAfterItFoundTheMemberGone() {
    engine.apply(on(ON_LOST, frame(BED_1, T0, "BP_SYSTOLIC=120")), T0);
    present = Set.of(SURVIVOR);

    assertEquals(List.of(), types(tick(engine, at(5))), "found gone: it may be back, or the cuff through another");
    assertEquals(List.of(), types(tick(engine, at(34))));
    assertEquals(List.of(TransitionType.RAISED), types(tick(engine, at(35))), "its connection is gone with the member");
    assertEquals(List.of(), types(tick(engine, at(36))), "one alarm");
  }

  @Test
  void givenTheCuffsMemberGoneForLessThan30s_thenNoAlarm() {
    engine.apply(on(ON_LOST, frame(BED_1, T0, "BP_SYSTOLIC=120")), T0);
    present = Set.of(SURVIVOR); // a pause past the cluster's failure detection, say
    assertEquals(List.of(), types(tick(engine, at(600))));
    assertEquals(List.of(), types(tick(engine, at(629))));
    present = Set.of(LOST, SURVIVOR);

    assertEquals(List.of(), types(tick(engine, at(630))), "back, with the cuff's connection");
    present = Set.of(SURVIVOR);
    assertEquals(List.of(), types(tick(engine, at(640))), "gone again: counted afresh");
    assertEquals(List.of(TransitionType.RAISED), types(tick(engine, at(670))));
  }

  @Test
  void givenMembersNotKnown_orTheMemberThere_thenNoAlarm() {
    engine.apply(on(ON_LOST, frame(BED_1, T0, "BP_SYSTOLIC=120")), T0);

    assertEquals(List.of(), types(tick(engine, at(60))), "no member list yet (or one of an earlier version)");
    present = Set.of(LOST, SURVIVOR);
    assertEquals(List.of(), types(tick(engine, at(61))));
  }

  @Test
  void givenAMonitorThatCarriedOnThroughAnotherMember_whenTheFirstIsGone_thenNoAlarm() {
    engine.apply(on(ON_LOST, frame(BED_1, T0, "PULSE=80")), T0);
    engine.apply(on(ON_SURVIVOR, frame(BED_1, at(21), "PULSE=81")), at(21));
    present = Set.of(SURVIVOR);

    assertEquals(List.of(), types(tick(engine, at(60))));
  }

  @Test
  void givenACuffThatSaysHelloThroughAnotherMemberAfterTheAlarm_thenItIsBackAsAfterAnAnnouncedEnd() {
    alarmedOnAGoneMember();
    ConnectionId later = new ConnectionId(at(11), SURVIVOR, 2);
    engine.deviceEvent(DeviceEvent.connected(BED_1, later, at(12), Duration.ofSeconds(120)), at(37)); // read at 12 s

    assertFalse(cleared(tick(engine, at(186))), "its connection might be half-open");
    assertTrue(cleared(tick(engine, at(187))), "up 120 s from its arrival, and 30 s more");
  }

  @Test
  void givenFramesOfTheGoneMembersConnectionStillArriving_thenNoAlarmUntilTheyStop_andThenOne() {
    engine.apply(on(ON_LOST, frame(BED_1, T0, "PULSE=80")), T0);
    present = Set.of(SURVIVOR); // cut off from the others, not from this one: its frames still come
    List<TransitionType> transitions = new ArrayList<>();
    for (int second = 1; second <= 10; second++) {
      transitions.addAll(types(engine.apply(on(ON_LOST, frame(BED_1, at(second), "PULSE=80")), at(second))));
      transitions.addAll(types(tick(engine, at(second))));
    }
    for (int second = 11; second <= 40; second++) {
      transitions.addAll(types(tick(engine, at(second))));
    }

    assertEquals(List.of(TransitionType.RAISED), transitions, "delivering, then silent 30 s: one alarm");
  }

  @Test
  void givenAMemberCutOffThatMergesBack_whenItsConnectionDeliversAgain_thenTheMonitorIsBack_andStaysSo() {
    alarmedOnAGoneMember();
    present = Set.of(LOST, SURVIVOR);

    assertEquals(List.of(TransitionType.CLEARED), types(engine.apply(on(ON_LOST, frame(BED_1, at(40), "PULSE=82")),
        at(40))), "its connection carried on");
    assertEquals(List.of(), types(tick(engine, at(80))));
  }

  @Test
  void givenAPatientTakenOverByAMemberThatJoinedAfterTheLoss_thenItsCuffOnTheGoneMemberIsAlarmed() {
    engine.apply(on(ON_LOST, frame(BED_1, T0, "BP_SYSTOLIC=120")), T0);
    WardState joinedLater = new WardState(RULES); // its own connections' origin and the survivor's: the lost one unseen
    present = Set.of(SURVIVOR, 9L);
    joinedLater.adopt(new JsonObject(engine.state(BED_1.patientKey()).orElseThrow().encode()));

    assertEquals(List.of(), types(tick(joinedLater, at(40))), "30 s from its own finding");
    assertEquals(List.of(TransitionType.RAISED), types(tick(joinedLater, at(70))));
  }

  /** The device on {@code ON_LOST}, whose member the engine finds gone at 5 s, is alarmed disconnected at 35 s. */
  private void alarmedOnAGoneMember() {
    engine.apply(on(ON_LOST, frame(BED_1, T0, "BP_SYSTOLIC=120")), T0);
    present = Set.of(SURVIVOR);
    assertEquals(List.of(), types(tick(engine, at(5))));
    assertEquals(List.of(TransitionType.RAISED), types(tick(engine, at(35))));
  }

  private WardUpdate tick(WardState ward, Instant now) {
    return ward.tick(now, 0, 1, present);
  }

  private static boolean cleared(WardUpdate update) {
    return types(update).contains(TransitionType.CLEARED);
  }

  private static List<TransitionType> types(WardUpdate update) {
    return update.transitions().stream().map(AlarmTransition::type).toList();
  }
}
