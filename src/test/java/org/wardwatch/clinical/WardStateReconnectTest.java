package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.WardStateFixtures.BED_1;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.frame;
import static org.wardwatch.clinical.WardStateFixtures.on;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.FrameStamp;

/**
 * A monitor that reconnects while its old connection is still open on the gateway (half-open: the monitor is gone from
 * it, and it is found closed only at its idle timeout), or that moves between relay connections: the engine judges
 * each disconnection by the connection that ended, and by the one the monitor's latest frame came on. An end is
 * ignored only while another connection carries the monitor, whose latest frame came after the ended one opened; a
 * frame of a connection found closed never shows the monitor back, whatever the clocks say.
 */
class WardStateReconnectTest {

  private static final ClinicalRules RULES = ClinicalRules.fromJson(new JsonObject("""
      {"technical": {"noDataSeconds": 300, "firstReportSeconds": 0}, "thresholds": []}
      """));
  private static final DeviceIdentity OXIMETER = new DeviceIdentity("ox-7", "P1", "1", "surgery");
  private static final ConnectionId OLD = ConnectionId.opened(T0);
  private static final ConnectionId NEW = ConnectionId.opened(at(20));

  private final WardState engine = new WardState(RULES);

  @Test
  void givenTheMonitorCarriedOnThroughANewConnection_whenTheOldOneIsFoundClosedLate_thenNoAlarm() {
    engine.apply(on(OLD, frame(BED_1, T0, "PULSE=80")), T0);
    engine.apply(on(NEW, frame(BED_1, at(21), "PULSE=81")), at(21));
    engine.apply(on(OLD, frame(BED_1, at(19), "PULSE=82")), at(25)); // read before the monitor left it, applied late
    engine.apply(on(NEW, frame(BED_1, at(26), "PULSE=83")), at(26));

    assertEquals(List.of(), closed(OLD, at(120)), "the old connection's idle timeout, long after the reconnection");
    assertEquals(List.of(TransitionType.RAISED), closed(NEW, at(130)), "the monitor left its only live connection");
  }

  @Test
  void givenAReconnectionThatDeliveredNoFrame_whenItEnds_thenTheMonitorIsAlarmedAtOnce() {
    engine.apply(on(OLD, frame(BED_1, T0, "PULSE=80")), T0);

    assertEquals(List.of(TransitionType.RAISED), closed(NEW, at(25)), "it delivered nothing (its frames refused)");
    assertEquals(List.of(), closed(OLD, at(120)), "alarmed already");
  }

  @Test
  void givenTheNewConnectionClosed_whenTheOldOneStillDeliversFramesReadAfterThat_thenItsEndIsAlarmedToo() {
    engine.apply(on(NEW, frame(BED_1, at(21), "PULSE=81")), at(21));
    closed(NEW, at(30));
    assertEquals(List.of(TransitionType.CLEARED), types(engine.apply(on(OLD, frame(BED_1, at(31), "PULSE=80")),
        at(31))), "the monitor kept its old connection, live after all");

    assertEquals(List.of(TransitionType.RAISED), closed(OLD, at(40)));
  }

  @Test
  void givenTheOldConnectionsEndIgnored_whenItsFrameReadBeforeThatArrivesAfterTheNewOnesEnd_thenTheAlarmStays() {
    engine.apply(on(OLD, frame(BED_1, T0, "PULSE=80")), T0);
    engine.apply(on(NEW, frame(BED_1, at(21), "PULSE=81")), at(21));
    assertEquals(List.of(TransitionType.RAISED), closed(NEW, at(30)));
    assertEquals(List.of(), closed(OLD, at(32)), "reset while its last frame was at the parser; alarmed already");

    assertEquals(List.of(), types(engine.apply(on(OLD, frame(BED_1, at(31), "PULSE=82")), at(33))),
        "a frame of a connection found closed does not show the monitor back, whatever the clocks say");
    assertEquals(List.of(), closed(OLD, at(34)), "announced again once its batch is answered");
  }

  @Test
  void givenTheMonitorMovedToARelayWhoseBatchWaitedSinceBeforeItsLastFrameOnTheOther_whenThatRelayDrops_thenAlarmed() {
    ConnectionId relayA = ConnectionId.opened(T0);
    ConnectionId relayB = ConnectionId.opened(at(1));
    engine.apply(on(relayB, frame(BED_1, at(100), "PULSE=80")), at(100)); // its last frame on relay B
    engine.apply(on(relayA, frame(BED_1, at(99), "PULSE=81")), at(101)); // read at 100.5, its batch waiting since 99

    assertEquals(List.of(TransitionType.RAISED), closed(relayA, at(102)), "relay B, still up, no longer carries it");
  }

  @Test
  void givenAFrameReadBeforeAReconnectionOpened_whenAppliedAfterThatOnesEndWasAlarmed_thenTheAlarmStays() {
    ConnectionId reconnected = ConnectionId.opened(at(12));
    engine.apply(on(OLD, frame(BED_1, at(9), "PULSE=80")), at(9)); // the monitor reboots at 10 s
    assertEquals(List.of(TransitionType.RAISED), closed(reconnected, at(13)), "it delivered nothing and was unplugged");

    assertEquals(List.of(), types(engine.apply(on(OLD, frame(BED_1, at(9).plusMillis(900), "PULSE=81")), at(14))),
        "read on the old, half-open connection before the reconnection; held at the parser");
  }

  @Test
  void givenASecondDevicesReconnectionEndedBeforeItsFirstFrame_whenThatFrameInFlightIsApplied_thenItIsAlarmed() {
    ConnectionId oximeterLine = ConnectionId.opened(T0);
    ConnectionId monitorOld = ConnectionId.opened(at(1));
    ConnectionId monitorReconnected = ConnectionId.opened(at(12));
    engine.apply(on(oximeterLine, frame(OXIMETER, at(5), "SPO2=97")), at(5)); // the patient, on an oximeter
    // the monitor's first frame, read at 9.9 s, waits at the parser; the monitor reboots at 10 s
    assertEquals(List.of(), types(engine.deviceEvent(DeviceEvent.disconnected(BED_1, monitorReconnected, at(13)),
        at(13))), "its reconnection delivered nothing and was unplugged: the patient is not monitored through it yet");

    assertEquals(List.of(TransitionType.RAISED), types(engine.apply(on(monitorOld,
        frame(BED_1, at(9).plusMillis(900), "PULSE=80")), at(14))), "monitored now through a monitor known gone");
  }

  @Test
  void givenANewPatientsConnectionEndedBeforeItsFirstFrameWasApplied_whenThatFrameAdmitsThePatient_thenItIsAlarmed() {
    assertEquals(List.of(), closed(OLD, at(2)), "reset while the first batch was at the parser: no patient yet");
    assertEquals(List.of(), closed(OLD, at(11)), "again, when the batch's answer timed out");

    List<TransitionType> admitted = types(engine.apply(on(OLD, frame(BED_1, at(1), "PULSE=80")), at(12)));

    assertEquals(List.of(TransitionType.RAISED), admitted, "admitted through a monitor on no connection");
    assertEquals(List.of(TransitionType.CLEARED),
        types(engine.apply(on(NEW, frame(BED_1, at(20), "PULSE=81")), at(20))), "the monitor back");
  }

  @Test
  void givenTwoNodesClocksApart_whenTheOldConnectionsInFlightFrameArrivesLast_thenItDoesNotEndTheAlarm() {
    ConnectionId onNodeA = new ConnectionId(at(5), 1, 1); // node A's clock 5 s ahead
    ConnectionId onNodeB = new ConnectionId(at(12), 2, 1);
    engine.apply(on(onNodeA, frame(BED_1, at(5), "PULSE=80")), T0);
    assertEquals(List.of(TransitionType.RAISED), closed(onNodeA, at(16)), "reset, a frame of it at the parser");
    engine.apply(on(onNodeB, frame(BED_1, at(13), "PULSE=81")), at(13)); // the monitor back, on node B
    assertEquals(List.of(TransitionType.RAISED), closed(onNodeB, at(14)));

    assertEquals(List.of(), types(engine.apply(on(onNodeA, frame(BED_1, at(15), "PULSE=82")), at(15))));
  }

  @Test
  void givenTheMonitorReconnectedToANodeWhoseClockIsALittleBehind_whenItLeavesThatConnection_thenItIsAlarmed() {
    ConnectionId onNodeB = new ConnectionId(at(1), 2, 7); // node B's clock 1 s ahead
    ConnectionId onNodeA = new ConnectionId(T0.plusMillis(500), 1, 3); // half a second later, by node A's clock
    engine.apply(on(onNodeB, frame(BED_1, at(1), "PULSE=80")), T0);
    for (int second = 1; second <= 5; second++) {
      engine.apply(on(onNodeA, frame(BED_1, at(second), "PULSE=81")), at(second));
    }

    assertEquals(List.of(TransitionType.RAISED), closed(onNodeA, at(6)), "its old connection is half-open");
  }

  @Test
  void givenTheMonitorResentOnItsNewConnectionWhatItHadNoAckFor_whenTheOldOneIsFoundClosed_thenNoAlarm() {
    FrameReport sent = frame(BED_1, at(1), "PULSE=80").withStamp(FrameStamp.of("mon-1", 7, "Pulse=80|Seq=7"));
    engine.apply(on(OLD, sent), at(1));
    FrameReport resent = on(NEW, resentAt(sent, at(21)));
    assertTrue(engine.isResend(resent));

    WardUpdate heard = engine.heardResend(resent, at(21));

    assertEquals(Set.of(BED_1.patientKey()), heard.changedPatients(), "stored: a next owner knows it too");
    WardState next = new WardState(RULES);
    next.adopt(new JsonObject(engine.state(BED_1.patientKey()).orElseThrow().encode()));
    assertEquals(List.of(), types(next.deviceEvent(DeviceEvent.disconnected(BED_1, OLD, at(120)), at(120))),
        "found closed at its idle timeout; the monitor is on the new one");
  }

  @Test
  void givenTheMonitorResentOnItsNewConnection_whenTheOriginalHeldOnTheOldOneComesAfter_thenTheOldOnesEndIsNoAlarm() {
    engine.apply(on(OLD, frame(BED_1, T0, "PULSE=79")), T0);
    FrameReport held = frame(BED_1, at(15), "PULSE=80").withStamp(FrameStamp.of("mon-1", 8, "Pulse=80|Seq=8"));
    engine.apply(on(NEW, resentAt(held, at(21))), at(21)); // the resend, applied first: the original is held on OLD
    assertTrue(engine.isResend(on(OLD, held)));

    engine.heardResend(on(OLD, held), at(24)); // read on OLD at 15 s, before NEW's copy
    assertEquals(List.of(), closed(OLD, at(30)), "the monitor is on NEW, whose copy was read after OLD's");
  }

  @Test
  void givenTheMonitorsConnectionEndedBeforeItsAck_whenItResendsOnItsNewOne_thenTheDisconnectionEnds() {
    FrameReport sent = frame(BED_1, at(1), "PULSE=80").withStamp(FrameStamp.of("mon-1", 7, "Pulse=80|Seq=7"));
    engine.apply(on(OLD, sent), at(1));
    assertEquals(List.of(TransitionType.RAISED), closed(OLD, at(2)));

    assertEquals(List.of(TransitionType.CLEARED), types(engine.heardResend(on(NEW, resentAt(sent, at(21))), at(21))),
        "the monitor is back (a cuff's next reading may be a quarter of an hour away)");
    assertEquals(List.of(), types(engine.heardResend(on(OLD, sent), at(22))), "one in flight at the old one's close");
  }

  @Test
  void givenTheMonitorMovedToAnOlderRelayConnection_whenThatOneDrops_thenAlarmed_andNotWhenTheOneItLeftDrops() {
    ConnectionId relayA = ConnectionId.opened(T0);
    ConnectionId relayB = ConnectionId.opened(at(10));
    engine.apply(on(relayB, frame(BED_1, at(20), "PULSE=80")), at(20));
    engine.apply(on(relayA, frame(BED_1, at(40), "PULSE=81")), at(40)); // moved: now relayed by A only

    assertEquals(List.of(), closed(relayB, at(50)), "relay B, which the monitor left, restarted");
    assertEquals(List.of(TransitionType.RAISED), closed(relayA, at(60)));
  }

  @Test
  void givenARelayThatOnceDeliveredTheMonitor_whenTheMonitorsOwnOlderConnectionEnds_thenAlarmed() {
    ConnectionId monitor = ConnectionId.opened(T0);
    ConnectionId relay = ConnectionId.opened(at(5));
    engine.apply(on(monitor, frame(BED_1, at(10), "PULSE=80")), at(10));
    engine.apply(on(relay, frame(BED_1, at(20), "PULSE=81")), at(20)); // one frame relayed; the relay moves on
    engine.apply(on(monitor, frame(BED_1, at(30), "PULSE=82")), at(30));

    assertEquals(List.of(TransitionType.RAISED), closed(monitor, at(50)), "the monitor unplugged");
  }

  @Test
  void givenAMonitorThatReconnectedOftenMeanwhile_whenAFrameInFlightAtItsFirstConnectionsEndArrives_thenNotBack() {
    engine.apply(on(OLD, frame(BED_1, at(1), "PULSE=80")), at(1));
    assertEquals(List.of(TransitionType.RAISED), closed(OLD, at(2)));
    for (int flap = 1; flap < DeviceLink.MAX_ENDED; flap++) { // reconnections cut before a frame was accepted
      closed(ConnectionId.opened(at(2 + flap)), at(2 + flap));
    }

    assertEquals(List.of(), types(engine.apply(on(OLD, frame(BED_1, at(2), "PULSE=81")), at(20))));
  }

  @Test
  void givenAStateStoredWithItsConnections_whenAnotherNodeTakesThePatientOver_thenItJudgesByThem() {
    engine.apply(on(OLD, frame(BED_1, T0, "PULSE=80")), T0);
    engine.apply(on(NEW, frame(BED_1, at(21), "PULSE=81")), at(21));
    WardState taker = new WardState(RULES);
    taker.adopt(new JsonObject(engine.state(BED_1.patientKey()).orElseThrow().encode()));

    assertEquals(List.of(), types(taker.deviceEvent(DeviceEvent.disconnected(BED_1, OLD, at(120)), at(120))));
    assertEquals(List.of(TransitionType.RAISED),
        types(taker.deviceEvent(DeviceEvent.disconnected(BED_1, NEW, at(121)), at(121))));
  }

  /** {@code sent}, resent: received again at {@code receivedAt}. */
  private static FrameReport resentAt(FrameReport sent, Instant receivedAt) {
    return new FrameReport(sent.source(), sent.time(), receivedAt, sent.observations(), sent.consciousness(),
        sent.oxygen(), sent.sensorsOff(), sent.stamp(), null, sent.refused());
  }

  private List<TransitionType> closed(ConnectionId connection, Instant at) {
    return types(engine.deviceEvent(DeviceEvent.disconnected(BED_1, connection, at), at));
  }

  private static List<TransitionType> types(WardUpdate update) {
    return update.transitions().stream().map(AlarmTransition::type).toList();
  }
}
