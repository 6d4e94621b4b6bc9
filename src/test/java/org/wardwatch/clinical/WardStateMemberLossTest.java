package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wardwatch.clinical.WardStateFixtures.BED_1;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.frame;
import static org.wardwatch.clinical.WardStateFixtures.on;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.ConnectionId;

/**
 * A member of the cluster dies (or is cut off) with a monitor's connection: no end of that connection is ever
 * announced, so the engine disconnects the monitor itself once the cluster reports the member gone, unless the monitor
 * carries on through another member; and not for good: the member may merge back with its connection.
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

  @Test
  void givenAMonitorOnALostMembersConnection_thenTheNextTickAlarmsItDisconnected_once() {
    engine.apply(on(ON_LOST, frame(BED_1, T0, "PULSE=80")), T0);
    engine.memberLost(LOST);

    assertEquals(List.of(TransitionType.RAISED), types(engine.tick(at(30))), "its connection is gone with the member");
    assertEquals(List.of(), types(engine.tick(at(31))), "one alarm");
  }

  @Test
  void givenAMonitorThatCarriedOnThroughAnotherMember_whenTheFirstIsLost_thenNoAlarm() {
    engine.apply(on(ON_LOST, frame(BED_1, T0, "PULSE=80")), T0);
    engine.apply(on(ON_SURVIVOR, frame(BED_1, at(21), "PULSE=81")), at(21));
    engine.memberLost(LOST);

    assertEquals(List.of(), types(engine.tick(at(30))));
  }

  @Test
  void givenAMemberCutOffThatMergesBack_whenItsConnectionDeliversAgain_thenTheMonitorIsBack_andStaysSo() {
    engine.apply(on(ON_LOST, frame(BED_1, T0, "PULSE=80")), T0);
    engine.memberLost(LOST);
    assertEquals(List.of(TransitionType.RAISED), types(engine.tick(at(30))));
    engine.memberBack(LOST);

    assertEquals(List.of(TransitionType.CLEARED), types(engine.apply(on(ON_LOST, frame(BED_1, at(40), "PULSE=82")),
        at(40))), "its connection carried on");
    assertEquals(List.of(), types(engine.tick(at(41))));
  }

  @Test
  void givenAPatientTakenOverAfterTheLoss_thenItsMonitorOnTheLostMemberIsAlarmedToo() {
    engine.apply(on(ON_LOST, frame(BED_1, T0, "PULSE=80")), T0);
    WardState taker = new WardState(RULES);
    taker.memberLost(LOST);
    taker.adopt(new JsonObject(engine.state(BED_1.patientKey()).orElseThrow().encode()));

    assertEquals(List.of(TransitionType.RAISED), types(taker.tick(at(30))));
  }

  private static List<TransitionType> types(WardUpdate update) {
    return update.transitions().stream().map(AlarmTransition::type).toList();
  }
}
