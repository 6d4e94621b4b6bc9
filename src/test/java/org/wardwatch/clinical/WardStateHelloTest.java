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
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.DeviceEvent;

/**
 * A device that reconnects and says {@code HELLO} on its new connection, with no value yet (a cuff that measures every
 * 15 minutes): the new connection carries it from the {@code HELLO} on, so that neither its old connection's end,
 * found late, nor the time until its next value is alarmed as a disconnection; and a {@code HELLO} announced late never
 * takes the device from a newer connection, nor shows it back on a connection found closed. When a {@code HELLO} alone
 * ends a standing disconnection: {@link WardStateHelloSettlingTest}.
 */
class WardStateHelloTest {

  private static final ClinicalRules RULES = ClinicalRules.fromJson(new JsonObject("""
      {"technical": {"noDataSeconds": 3600, "firstReportSeconds": 0}, "thresholds": []}
      """));
  private static final ConnectionId OLD = ConnectionId.opened(T0);
  private static final ConnectionId NEW = ConnectionId.opened(at(20));
  /** How soon after its HELLO a connection is closed should it send nothing more, as its device server says. */
  private static final Duration CLOSED_IF_SILENT_WITHIN = Duration.ofSeconds(120);

  private final WardState engine = new WardState(RULES);

  @Test
  void givenTheCuffSaidHelloOnANewConnection_whenItsOldOneIsFoundClosedLate_thenNoAlarm_untilTheNewOneEnds() {
    engine.apply(on(OLD, frame(BED_1, T0, "BP_SYSTOLIC=120")), T0);
    assertEquals(List.of(), greeted(NEW, at(20)));

    assertEquals(List.of(), closed(OLD, at(120)), "the old connection's idle timeout, after the reconnection");
    assertEquals(List.of(TransitionType.RAISED), closed(NEW, at(130)), "the cuff left its only live connection");
  }

  @Test
  void givenTheCuffAlarmedDisconnected_whenItSaysHelloOnANewConnection_thenTheAlarmStaysUntilItsNextReading() {
    engine.apply(on(OLD, frame(BED_1, T0, "BP_SYSTOLIC=120")), T0);
    assertEquals(List.of(TransitionType.RAISED), closed(OLD, at(10)));

    WardUpdate hello = engine.deviceEvent(DeviceEvent.connected(BED_1, NEW, at(20), CLOSED_IF_SILENT_WITHIN), at(20));

    assertEquals(List.of(), types(hello), "a HELLO shows no device back: a device that keeps dropping is one alarm");
    assertTrue(hello.changedPatients().contains(BED_1.patientKey()), "another node taking over knows the carrier");
    assertFalse(engine.deviceEvent(DeviceEvent.connected(BED_1, NEW, at(20), CLOSED_IF_SILENT_WITHIN), at(22))
        .changedPatients().contains(BED_1.patientKey()), "an announcement repeated changes nothing");
    assertEquals(List.of(TransitionType.CLEARED), types(engine.apply(on(NEW, frame(BED_1, at(900), "BP_SYSTOLIC=118")),
        at(900))), "its next reading");
  }

  @Test
  void givenANewerConnectionCarriesTheCuff_whenTheOldOnesHelloIsAnnouncedLate_thenItDoesNotTakeTheCuffBack() {
    engine.apply(on(NEW, frame(BED_1, at(21), "BP_SYSTOLIC=120")), at(21));
    assertEquals(List.of(), greeted(OLD, T0), "its HELLO, read as it opened, announced behind the new one's frame");

    assertEquals(List.of(), closed(OLD, at(120)), "carried by the new connection, heard after the old one opened");
    assertEquals(List.of(TransitionType.RAISED), closed(NEW, at(130)));
  }

  @Test
  void givenTwoConnectionsOpenedTogether_whenTheFirstOnesHelloIsAnnouncedAfterTheSecondOnes_thenItTakesNothingBack() {
    ConnectionId first = ConnectionId.opened(at(20));
    ConnectionId second = ConnectionId.opened(at(20));
    engine.apply(on(first, frame(BED_1, at(21), "BP_SYSTOLIC=120")), at(21));
    assertEquals(List.of(), greeted(second, at(23)), "the cuff moved to the second connection");
    assertEquals(List.of(), greeted(first, at(21)), "the first one's HELLO, announced through another node, late");

    assertEquals(List.of(), closed(first, at(120)), "the second connection carries the cuff");
    assertEquals(List.of(TransitionType.RAISED), closed(second, at(130)));
  }

  @Test
  void givenTheOldConnectionHeardTheCuffAfterTheNewOnesHello_whenThatHelloIsAnnouncedLate_thenTheOldOnesEndAlarms() {
    engine.apply(on(OLD, frame(BED_1, T0, "BP_SYSTOLIC=120")), T0);
    engine.apply(on(OLD, frame(BED_1, at(21), "BP_SYSTOLIC=121")), at(21)); // read after NEW's HELLO
    assertEquals(List.of(), greeted(NEW, at(20)), "NEW's HELLO, read at 20 s, announced behind that reading");

    assertEquals(List.of(TransitionType.RAISED), closed(OLD, at(100)), "NEW said HELLO before it and nothing since");
  }

  @Test
  void givenTwoNodes_whenTheNewConnectionsHelloIsAnnouncedBehindALaterReadingOnTheOld_thenTheOldOnesEndAlarms() {
    ConnectionId oldOnNode1 = new ConnectionId(T0, 1, 1);
    ConnectionId newOnNode2 = new ConnectionId(at(20), 2, 1);
    engine.apply(on(oldOnNode1, frame(BED_1, T0, "BP_SYSTOLIC=120")), T0);
    engine.apply(on(oldOnNode1, frame(BED_1, at(30), "BP_SYSTOLIC=121")), at(30)); // 10 s after NEW's HELLO
    assertEquals(List.of(), greeted(newOnNode2, at(20)));

    assertEquals(List.of(TransitionType.RAISED), closed(oldOnNode1, at(100)));
  }

  @Test
  void givenTheConnectionWasFoundClosed_whenItsHelloIsAnnouncedAfter_thenTheCuffStaysAlarmed() {
    engine.apply(on(OLD, frame(BED_1, T0, "BP_SYSTOLIC=120")), T0);
    assertEquals(List.of(TransitionType.RAISED), closed(NEW, at(25)), "it said HELLO and was unplugged");

    assertEquals(List.of(), greeted(NEW, at(20)), "the HELLO announced after the end, from another node's parser");
    assertEquals(List.of(), closed(OLD, at(120)), "alarmed already");
  }

  @Test
  void givenTheCuffSaidHelloForThisPatientOnANewConnection_whenThatConnectionMovesOn_thenTheOldOnesEndAlarms() {
    engine.apply(on(OLD, frame(BED_1, T0, "BP_SYSTOLIC=120")), T0);
    greeted(NEW, at(20)); // its remembered patient
    assertEquals(List.of(), movedOn(NEW, at(30)), "admitted to another patient: no disconnection of this one's yet");

    assertEquals(List.of(TransitionType.RAISED), closed(OLD, at(120)), "this patient is on no connection");
  }

  @Test
  void givenAMonitorThatKeepsReconnectingAndDropping_thenItStaysOneAlarm() {
    engine.apply(on(OLD, frame(BED_1, T0, "PULSE=80")), T0);
    assertEquals(List.of(TransitionType.RAISED), closed(OLD, at(10)));

    for (int cycle = 1; cycle <= 3; cycle++) {
      ConnectionId again = ConnectionId.opened(at(10 + cycle * 10));
      assertEquals(List.of(), greeted(again, at(11 + cycle * 10)), "a HELLO: the alarm stands, and escalates");
      assertEquals(List.of(), closed(again, at(15 + cycle * 10)), "alarmed already");
    }
  }

  @Test
  void givenTheOldConnectionFoundClosedWhileAHelloAloneCarriedTheCuff_whenThatConnectionMovesOn_thenAlarmed() {
    engine.apply(on(OLD, frame(BED_1, T0, "BP_SYSTOLIC=120")), T0);
    greeted(NEW, at(20));
    assertEquals(List.of(), closed(OLD, at(25)), "ignored: NEW carries the cuff by its HELLO");
    WardState taker = new WardState(RULES); // another node takes the patient over from its stored state
    taker.adopt(new JsonObject(engine.state(BED_1.patientKey()).orElseThrow().encode()));

    assertEquals(List.of(TransitionType.RAISED), types(taker.deviceEvent(DeviceEvent.movedOn(BED_1, NEW, at(30)),
        at(30))), "the cuff is now another patient's, and this one's old connection is closed: on no connection");
  }

  @Test
  void givenAHelloAloneTakenOverByAnotherHelloAlone_whenTheLaterMovesOn_thenTheEndTheFirstHidAlarms() {
    ConnectionId newer = ConnectionId.opened(at(40));
    engine.apply(on(OLD, frame(BED_1, T0, "BP_SYSTOLIC=120")), T0);
    greeted(NEW, at(20));
    assertEquals(List.of(), closed(OLD, at(25)), "ignored: NEW carries the cuff by its HELLO");
    assertEquals(List.of(), greeted(newer, at(41)), "the cuff reconnected again; NEW is left half-open");

    assertEquals(List.of(TransitionType.RAISED), movedOn(newer, at(60)), "OLD closed, the newer moved on");
  }

  @Test
  void givenAHelloAloneTakenOverByAnotherHelloAlone_whenTheFirstIsFoundClosedAndTheLaterMovesOn_thenAlarmed() {
    ConnectionId newer = ConnectionId.opened(at(40));
    engine.apply(on(OLD, frame(BED_1, T0, "BP_SYSTOLIC=120")), T0);
    greeted(NEW, at(20));
    greeted(newer, at(41));
    assertEquals(List.of(), closed(OLD, at(45)), "ignored: the newer connection carries the cuff by its HELLO");
    assertEquals(List.of(), closed(NEW, at(50)), "ignored too");

    assertEquals(List.of(TransitionType.RAISED), movedOn(newer, at(60)), "OLD and NEW closed, the newer moved on");
  }

  @Test
  void givenAReadingOnTheNewConnectionSinceItsHello_whenAnotherConnectionMovesOn_thenNothingChanges() {
    engine.apply(on(OLD, frame(BED_1, T0, "BP_SYSTOLIC=120")), T0);
    greeted(NEW, at(20));
    engine.apply(on(NEW, frame(BED_1, at(25), "BP_SYSTOLIC=121")), at(25));

    assertEquals(List.of(), movedOn(OLD, at(30)), "OLD does not carry the cuff");
    assertEquals(List.of(), closed(OLD, at(120)));
  }

  @Test
  void givenAPatientNotHeld_whenAConnectionSaysHelloForIt_thenNoPatientIsAdmitted() {
    assertEquals(List.of(), greeted(NEW, at(20)));

    assertFalse(engine.holds(BED_1.patientKey()), "a HELLO carries no value to monitor");
  }

  private List<TransitionType> greeted(ConnectionId connection, Instant helloAt) {
    return types(engine.deviceEvent(DeviceEvent.connected(BED_1, connection, helloAt, CLOSED_IF_SILENT_WITHIN),
        helloAt.plusSeconds(1)));
  }

  private List<TransitionType> movedOn(ConnectionId connection, Instant movedAt) {
    return types(engine.deviceEvent(DeviceEvent.movedOn(BED_1, connection, movedAt), movedAt));
  }

  private List<TransitionType> closed(ConnectionId connection, Instant at) {
    return types(engine.deviceEvent(DeviceEvent.disconnected(BED_1, connection, at), at));
  }

  private static List<TransitionType> types(WardUpdate update) {
    return update.transitions().stream().map(AlarmTransition::type).toList();
  }
}
