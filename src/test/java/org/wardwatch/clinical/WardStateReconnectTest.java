package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wardwatch.clinical.WardStateFixtures.BED_1;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.frame;
import static org.wardwatch.clinical.WardStateFixtures.on;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.DeviceEvent;

/**
 * A monitor that reconnects while its old connection is still open on the gateway (half-open: the monitor is gone from
 * it, and it is found closed only at its idle timeout): the engine judges each disconnection by the connection that
 * ended, not by clocks. The end of a connection older than the one that carries the monitor on is no disconnection;
 * the end of the one that carries it, or of a newer one, is, whatever the frames of the old one still in flight.
 */
class WardStateReconnectTest {

  private static final ClinicalRules RULES = ClinicalRules.fromJson(new JsonObject("""
      {"technical": {"noDataSeconds": 300, "firstReportSeconds": 0}, "thresholds": []}
      """));
  private static final ConnectionId OLD = ConnectionId.opened(T0);
  private static final ConnectionId NEW = ConnectionId.opened(at(20));

  private final WardState engine = new WardState(RULES);

  @Test
  void givenTheMonitorCarriedOnThroughANewConnection_whenTheOldOneIsFoundClosedLate_thenNoAlarm() {
    engine.apply(on(OLD, frame(BED_1, T0, "PULSE=80")), T0);
    engine.apply(on(NEW, frame(BED_1, at(21), "PULSE=81")), at(21));

    assertEquals(List.of(), closed(OLD, at(120)), "the old connection's idle timeout, long after the reconnection");
    assertEquals(List.of(TransitionType.RAISED), closed(NEW, at(121)), "the connection that carries it");
  }

  @Test
  void givenAFrameOfTheOldConnectionStillInFlight_whenAppliedAfterTheNewConnectionsFrame_thenTheNewOneStillCarries() {
    engine.apply(on(OLD, frame(BED_1, T0, "PULSE=80")), T0);
    engine.apply(on(NEW, frame(BED_1, at(21), "PULSE=81")), at(21));
    engine.apply(on(OLD, frame(BED_1, at(19), "PULSE=82")), at(25)); // read before the reset, applied late

    assertEquals(List.of(), closed(OLD, at(22)), "reset while that frame was at the parser");
    assertEquals(List.of(TransitionType.RAISED), closed(NEW, at(30)), "the monitor left its only live connection");
  }

  @Test
  void givenAReconnectionThatDeliveredNoFrame_whenItEnds_thenTheMonitorIsAlarmedAtOnce() {
    engine.apply(on(OLD, frame(BED_1, T0, "PULSE=80")), T0);

    assertEquals(List.of(TransitionType.RAISED), closed(NEW, at(25)), "it only said HELLO, or its frames were refused");
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
  void givenAStateStoredWithItsConnections_whenAnotherNodeTakesThePatientOver_thenItJudgesByThem() {
    engine.apply(on(OLD, frame(BED_1, T0, "PULSE=80")), T0);
    engine.apply(on(NEW, frame(BED_1, at(21), "PULSE=81")), at(21));
    WardState taker = new WardState(RULES);
    taker.adopt(new JsonObject(engine.state(BED_1.patientKey()).orElseThrow().encode()));

    assertEquals(List.of(), types(taker.deviceEvent(DeviceEvent.disconnected(BED_1, OLD, at(120)), at(120))));
    assertEquals(List.of(TransitionType.RAISED),
        types(taker.deviceEvent(DeviceEvent.disconnected(BED_1, NEW, at(121)), at(121))));
  }

  private List<TransitionType> closed(ConnectionId connection, Instant at) {
    return types(engine.deviceEvent(DeviceEvent.disconnected(BED_1, connection, at), at));
  }

  private static List<TransitionType> types(WardUpdate update) {
    return update.transitions().stream().map(AlarmTransition::type).toList();
  }
}
