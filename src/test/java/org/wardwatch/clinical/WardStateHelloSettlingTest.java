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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.DeviceEvent;

/**
 * A cuff alarmed disconnected reconnects and says only {@code HELLO}: the alarm ends once the connection has outlasted
 * one half-open since that {@code HELLO} (the cuff died after it), as the device server says how soon it closes such a
 * connection (reckoned from the {@code HELLO}'s arrival at the engine when the announcing node's clock is behind), and
 * 30 s more for its end to reach the patient ({@link HelloAlone#END_APPLIED_WITHIN}); never on a
 * {@code HELLO} whose node did not say; on a node that takes the patient over as on the one that heard the
 * {@code HELLO}.
 */
class WardStateHelloSettlingTest {

  private static final ClinicalRules RULES = ClinicalRules.fromJson(new JsonObject("""
      {"technical": {"noDataSeconds": 3600, "firstReportSeconds": 0}, "thresholds": []}
      """));
  private static final ConnectionId OLD = ConnectionId.opened(T0);
  private static final ConnectionId NEW = ConnectionId.opened(at(20));

  private final WardState engine = new WardState(RULES);

  @BeforeEach
  void cuffAlarmedDisconnected() {
    engine.apply(on(OLD, frame(BED_1, T0, "BP_SYSTOLIC=120")), T0);
    assertEquals(List.of(TransitionType.RAISED), closed(OLD, at(10)));
  }

  @Test
  void givenAConnectionClosedIfSilentWithin120s_whenItStaysUp_thenTheAlarmEnds30sAfterThat() {
    greeted(NEW, at(20), Duration.ofSeconds(120));

    assertFalse(cleared(engine.tick(at(169))), "up 149 s: it might be half-open, its end on its way");
    assertTrue(cleared(engine.tick(at(170))), "up 150 s: back before its next reading");
    assertEquals(List.of(TransitionType.RAISED), movedOn(NEW, at(180)), "moved on to another patient: gone again");
  }

  @Test
  void givenAConnectionClosedIfSilentWithin300s_whenHalfOpenSinceItsHello_thenItIsFoundClosedBeforeItShowsTheCuff() {
    greeted(NEW, at(20), Duration.ofSeconds(300)); // the cuff died after it

    assertFalse(cleared(engine.tick(at(170))), "up 150 s, but closed only at 320 s");
    assertEquals(List.of(), closed(NEW, at(320)), "alarmed still");
    assertFalse(cleared(engine.tick(at(350))), "carried by no connection");
  }

  @Test
  void givenAConnectionClosedIfSilentWithin300s_whenItStaysUp_thenTheAlarmEnds30sAfterThat_alsoOnANodeTakingOver() {
    greeted(NEW, at(20), Duration.ofSeconds(300));
    WardState taker = new WardState(RULES); // another node takes the patient over from its stored state
    taker.adopt(new JsonObject(engine.state(BED_1.patientKey()).orElseThrow().encode()));

    assertFalse(cleared(taker.tick(at(349))), "it might be half-open still, or its end on its way");
    assertTrue(cleared(taker.tick(at(350))), "up 300 s and 30 s more");
  }

  @Test
  void givenTheAnnouncingNodesClockBehindThisOnes_thenTheClosingIsReckonedFromTheHellosArrivalHere() {
    ConnectionId onANodeBehind = new ConnectionId(at(5), 2, 1); // its clock reads 5 s at this one's 20 s
    engine.deviceEvent(DeviceEvent.connected(BED_1, onANodeBehind, at(5), Duration.ofSeconds(120)), at(20));

    assertFalse(cleared(engine.tick(at(169))), "that node closes a connection half-open since at this one's 140 s");
    assertTrue(cleared(engine.tick(at(170))), "up 120 s and 30 s more by this node's clock");
  }

  @Test
  void givenAHelloFromANodeThatDidNotSayHowSoonItsConnectionCloses_thenItNeverShowsTheCuffBack_norStateThatDidNotSay() {
    engine.deviceEvent(new DeviceEvent(DeviceEvent.Kind.CONNECTED, BED_1, null, NEW, at(20), false, null), at(20));
    WardState taker = new WardState(RULES);
    taker.adopt(new JsonObject(engine.state(BED_1.patientKey()).orElseThrow().encode()));

    assertFalse(cleared(engine.tick(at(3600))), "its connection may be half-open");
    assertFalse(cleared(taker.tick(at(3600))), "stored by a node that did not say");
    assertEquals(List.of(TransitionType.CLEARED), types(taker.apply(on(NEW, frame(BED_1, at(3601), "BP_SYSTOLIC=118")),
        at(3601))), "its next reading");
  }

  private void greeted(ConnectionId connection, Instant helloAt, Duration closedIfSilentWithin) {
    engine.deviceEvent(DeviceEvent.connected(BED_1, connection, helloAt, closedIfSilentWithin), helloAt);
  }

  private List<TransitionType> movedOn(ConnectionId connection, Instant movedAt) {
    return types(engine.deviceEvent(DeviceEvent.movedOn(BED_1, connection, movedAt), movedAt));
  }

  private List<TransitionType> closed(ConnectionId connection, Instant at) {
    return types(engine.deviceEvent(DeviceEvent.disconnected(BED_1, connection, at), at));
  }

  /** True when {@code update} ended the disconnection alarm (it may escalate in the same tick). */
  private static boolean cleared(WardUpdate update) {
    return types(update).contains(TransitionType.CLEARED);
  }

  private static List<TransitionType> types(WardUpdate update) {
    return update.transitions().stream().map(AlarmTransition::type).toList();
  }
}
