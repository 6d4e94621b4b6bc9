package org.wardwatch.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.wardwatch.testing.DeviceClient;
import org.wardwatch.testing.RelayWardNodeTest;
import org.wardwatch.testing.SlowParser;

/**
 * A whole node, a monitor reconnecting while its old, half-open connection is still open on the gateway: every real
 * disconnection is alarmed, whatever the new connection did (only said {@code HELLO}, had its frames refused, was
 * moved to another patient), whatever the old one carried (a relay's patients), and with a batch of the old one at the
 * parser when it was reset; and the end of the old connection of a monitor that carried on through the new one (with
 * frames or a resend; with a {@code HELLO} alone: {@code DeviceHelloTest}) is no disconnection.
 */
class DeviceReconnectTest extends RelayWardNodeTest {

  /**
   * The monitor reconnects while its old connection is half-open and carries on through the new one: when the old one
   * is found closed at last, no false disconnection alarm (which also made a discharge look safe); the new one's end
   * is alarmed.
   */
  @Test
  void aMonitorThatCarriedOnThroughItsNewConnectionIsNotAlarmedWhenTheOldOneEnds() throws InterruptedException {
    try (DeviceClient old = new DeviceClient(node.devicePort()); // half-open: its device is gone
        DeviceClient reconnected = new DeviceClient(node.devicePort())) {
      old.exchange("HELLO|Device=MON-P5|Patient=PP5|Ward=relay\nPulse=80|Seq=1\n", "ACK|", "ACK|1");
      reconnected.exchange("HELLO|Device=MON-P5|Patient=PP5|Ward=relay\nPulse=81|Seq=2\n", "ACK|", "ACK|2");
      old.close(); // found closed at last (its idle timeout, here its close)
      assertNull(raised("PP5", 3), "MON-P5 carries on through its new connection");
      reconnected.exchange("Pulse=82|Seq=3\n", "ACK|3");
    }
    assertNotNull(raised("PP5", 5), "MON-P5 left its only live connection: no disconnection alarm");
  }

  /**
   * As above, but the ACK of the monitor's last frame was lost with the old connection: it resends that frame on the
   * new one, which is acknowledged, not applied again, and shows the new connection carries the monitor on.
   */
  @Test
  void aMonitorThatOnlyResentOnItsNewConnectionIsNotAlarmedWhenTheOldOneEnds() throws InterruptedException {
    try (DeviceClient old = new DeviceClient(node.devicePort()); // half-open: its device is gone
        DeviceClient reconnected = new DeviceClient(node.devicePort())) {
      old.exchange("HELLO|Device=MON-P6|Patient=PP6|Ward=relay\nPulse=80|Seq=1\n", "ACK|", "ACK|1");
      reconnected.send("HELLO|Device=MON-P6|Patient=PP6|Ward=relay\nPulse=80|Seq=1\n");
      assertEquals("ACK|", reconnected.readLine());
      assertTrue(reconnected.readLine().startsWith("ACK|1"), "the resend acknowledged");
      old.close();
      assertNull(raised("PP6", 3), "MON-P6 carries on through its new connection");
    }
  }

  /**
   * The monitor reconnects (its old connection half-open, still open on the gateway), says {@code HELLO} on the new one
   * and leaves before sending a value: its only live connection ended, alarmed at once, not at the old one's idle
   * timeout.
   */
  @Test
  void aReconnectionThatEndsBeforeAnyValueIsAlarmedAtOnce() throws InterruptedException {
    try (DeviceClient old = new DeviceClient(node.devicePort())) { // half-open: its device is gone
      old.exchange("HELLO|Device=MON-P1|Patient=PP1|Ward=relay\nPulse=80|Seq=1\n", "ACK|", "ACK|1");
      try (DeviceClient reconnected = new DeviceClient(node.devicePort())) {
        reconnected.exchange("HELLO|Device=MON-P1|Patient=PP1|Ward=relay\n", "ACK|");
      } // the device is really gone now
      assertNotNull(raised("PP1", 5), "MON-P1 left its only live connection: no disconnection alarm");
    }
  }

  /**
   * As above, but the reconnected monitor's one frame was refused: the new connection's end is alarmed, as it never
   * carried the monitor on.
   */
  @Test
  void aReconnectionWhoseFramesWereRefusedIsStillAlarmedDisconnected() throws InterruptedException {
    try (DeviceClient old = new DeviceClient(node.devicePort())) {
      old.exchange("HELLO|Device=MON-P2|Patient=PP2|Ward=relay\nPulse=80|Seq=1\n", "ACK|", "ACK|1");
      try (DeviceClient reconnected = new DeviceClient(node.devicePort())) {
        reconnected.exchange("HELLO|Device=MON-P2|Patient=PP2|Ward=relay\nPulse=abc|Seq=2\n", "ACK|",
            "NAK|2|Pulse 'abc' is not a number");
      }
    } // the old connection found dead at last (its idle timeout, here its close)
    assertNotNull(raised("PP2", 8), "MON-P2 is gone and was never alarmed disconnected");
  }

  /**
   * A relay names patients per line under one device id. It reconnects and carries on for PA3 only: PB3's bedside is
   * gone, alarmed when the old connection ends.
   */
  @Test
  void aPatientTheReconnectedRelayNoLongerCarriesIsAlarmedWhenTheOldConnectionEnds() throws InterruptedException {
    try (DeviceClient reconnected = new DeviceClient(node.devicePort())) {
      try (DeviceClient old = new DeviceClient(node.devicePort())) {
        old.exchange("HELLO|Device=CS-P3|Ward=relay\nPatient=PA3|Pulse=80|Seq=1\nPatient=PB3|Pulse=81|Seq=2\n",
            "ACK|", "ACK|1", "ACK|2");
        reconnected.exchange("HELLO|Device=CS-P3|Ward=relay\nPatient=PA3|Pulse=82|Seq=3\n", "ACK|", "ACK|3");
      }
      assertNotNull(raised("PB3", 5), "PB3's device is gone from every connection: no disconnection alarm");
      reconnected.exchange("Patient=PA3|Pulse=83|Seq=4\n", "ACK|4");
    }
  }

  /** The monitor was moved to another patient and reconnected: its old patient is no longer monitored through it. */
  @Test
  void aMonitorReconnectedForAnotherPatientIsAlarmedForTheOldOne() throws InterruptedException {
    try (DeviceClient reconnected = new DeviceClient(node.devicePort())) {
      try (DeviceClient old = new DeviceClient(node.devicePort())) {
        old.exchange("HELLO|Device=MON-P4|Patient=PX4|Ward=relay\nPulse=80|Seq=1\n", "ACK|", "ACK|1");
        reconnected.exchange("HELLO|Device=MON-P4|Patient=PY4|Ward=relay\nPulse=82|Seq=2\n", "ACK|", "ACK|2");
      }
      assertNotNull(raised("PX4", 5), "PX4 lost MON-P4 and was not alarmed disconnected");
    }
  }

  /**
   * The monitor reconnected for PS1 and was then moved, on the new connection, to PS2: PS1 is alarmed when the monitor
   * leaves that connection (a {@code HELLO} that moves a connection on is no disconnection: a relay may switch devices
   * by {@code HELLO}).
   */
  @Test
  void aMonitorMovedToAnotherPatientOnItsNewConnectionIsAlarmedForTheOldOneWhenItLeavesIt()
      throws InterruptedException {
    try (DeviceClient old = new DeviceClient(node.devicePort())) {
      try (DeviceClient reconnected = new DeviceClient(node.devicePort())) {
        old.exchange("HELLO|Device=MON-R2|Patient=PS1|Ward=relay\nPulse=80|Seq=1\n", "ACK|", "ACK|1");
        reconnected.exchange("HELLO|Device=MON-R2|Patient=PS1|Ward=relay\nPulse=81|Seq=2\n", "ACK|", "ACK|2");
        reconnected.exchange("HELLO|Device=MON-R2|Patient=PS2|Ward=relay\nPulse=82|Seq=3\n", "ACK|", "ACK|3");
      }
      assertNotNull(raised("PS1", 5), "PS1 is on no live connection, and was not alarmed disconnected");
    }
  }

  /**
   * The monitor's first values wait at a busy parser when its connection is reset: announced at the reset, the
   * disconnection found no patient to alarm; the values then admit the patient, and the end is announced again.
   */
  @Test
  void aResetWhileTheFirstValuesAreAtTheParserIsAlarmedOnceTheyAdmitThePatient(Vertx vertx) throws Exception {
    SlowParser slowParser = SlowParser.on(vertx);
    Socket socket = new Socket("127.0.0.1", node.devicePort());
    socket.setSoLinger(true, 0); // its close resets the connection
    try (DeviceClient monitor = new DeviceClient(socket)) {
      monitor.exchange("HELLO|Device=MON-F5|Patient=PF5|Ward=relay\n", "ACK|");
      slowParser.set(true);
      monitor.send("Pulse=80|Seq=1\n");
      slowParser.awaitHeld();
      slowParser.set(false);
    }
    assertNotNull(raised("PF5", 8), "MON-F5 is on no connection and PF5 was never alarmed disconnected");
  }

  /**
   * The old connection is reset while a batch of its values is at the parser (slowed here, as by a busy node), the
   * batch is answered after the reset, and then the new connection ends too: the patient is alarmed disconnected.
   */
  @Test
  void aResetWithABatchAtTheParserAndThenTheNewConnectionsEndAreAlarmed(Vertx vertx) throws Exception {
    SlowParser slowParser = SlowParser.on(vertx);
    try (DeviceClient reconnected = new DeviceClient(node.devicePort())) {
      Socket oldSocket = new Socket("127.0.0.1", node.devicePort());
      oldSocket.setSoLinger(true, 0); // its close resets the connection
      try (DeviceClient old = new DeviceClient(oldSocket)) {
        old.exchange("HELLO|Device=MON-R1|Patient=PR1|Ward=relay\nPulse=80|Seq=1\n", "ACK|", "ACK|1");
        reconnected.exchange("HELLO|Device=MON-R1|Patient=PR1|Ward=relay\nPulse=81|Seq=2\n", "ACK|", "ACK|2");
        slowParser.set(true);
        old.send("Pulse=82|Seq=3\n");
        slowParser.awaitHeld();
        slowParser.set(false);
      }
      Thread.sleep(5_000); // the batch is applied and answered after the reset
    }
    assertNotNull(raised("PR1", 8), "MON-R1 left every connection and PR1 was never alarmed disconnected");
  }
}
