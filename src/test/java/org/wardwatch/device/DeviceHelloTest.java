package org.wardwatch.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.wardwatch.testing.DeviceClient;
import org.wardwatch.testing.RelayWardNodeTest;
import org.wardwatch.testing.SlowParser;

/**
 * A whole node, a device that reconnects and says {@code HELLO} on its new connection with no value yet (a cuff that
 * measures every 15 minutes): the new connection carries it, so its old, half-open connection's end is no
 * disconnection, though a standing disconnection alarm waits for its next reading; a {@code HELLO} announced late takes
 * nothing from the connection that heard the device since, and one that moves on to another patient (by {@code HELLO}
 * or per line) before a value leaves the first patient alarmed when its cuff is gone.
 */
class DeviceHelloTest extends RelayWardNodeTest {

  /**
   * A cuff that measures every 15 minutes reconnects (its old connection half-open) and only says {@code HELLO} on the
   * new one: the old one's end, found late, is no disconnection; the new one's is.
   */
  @Test
  void aSlowSenderThatReconnectedWithOnlyHelloIsNotAlarmedWhenItsOldConnectionEnds() throws InterruptedException {
    try (DeviceClient old = new DeviceClient(node.devicePort()); // half-open: its device is gone
        DeviceClient reconnected = new DeviceClient(node.devicePort())) {
      old.exchange("HELLO|Device=NIBP-H1|Patient=PH1|Ward=relay\nBP=120/80|Seq=1\n", "ACK|", "ACK|1");
      reconnected.exchange("HELLO|Device=NIBP-H1|Patient=PH1|Ward=relay\n", "ACK|");
      old.close(); // found closed at last (its idle timeout, here its close)
      assertNull(raised("PH1", 3), "NIBP-H1 is on its new connection, its next reading minutes away");
    }
    assertNotNull(raised("PH1", 5), "NIBP-H1 left its only live connection: no disconnection alarm");
  }

  /**
   * The cuff's old connection was found closed first: alarmed. A {@code HELLO} on a new connection does not end the
   * alarm, so a cuff that keeps reconnecting and dropping stays one alarm, which escalates; its next reading ends it.
   */
  @Test
  void aCuffAlarmedDisconnectedStaysOneAlarmThroughReconnectionsUntilItsNextReading() throws InterruptedException {
    try (DeviceClient old = new DeviceClient(node.devicePort())) {
      old.exchange("HELLO|Device=NIBP-H2|Patient=PH2|Ward=relay\nBP=120/80|Seq=1\n", "ACK|", "ACK|1");
    }
    assertNotNull(raised("PH2", 5), "NIBP-H2 left its only connection");
    for (int cycle = 0; cycle < 2; cycle++) {
      try (DeviceClient again = new DeviceClient(node.devicePort())) {
        again.exchange("HELLO|Device=NIBP-H2|Patient=PH2|Ward=relay\n", "ACK|");
      }
    }
    assertNull(alarms.poll(Duration.ofSeconds(2)), "one standing alarm: no transition");
    try (DeviceClient reconnected = new DeviceClient(node.devicePort())) {
      reconnected.exchange("HELLO|Device=NIBP-H2|Patient=PH2|Ward=relay\nBP=118/76|Seq=2\n", "ACK|", "ACK|2");
      assertEquals("PH2", alarms.next("CLEARED").getString("patient"), "its next reading");
    }
  }

  /**
   * The cuff has two connections: a second one ("stray") says HELLO while the parser is busy, then the cuff's
   * reading comes on its usual connection, read after that HELLO and applied before it is announced. When the usual
   * connection ends, the cuff is on no connection that delivered anything after its reading; the stray one (half-open,
   * or a hub that announced the cuff once) stays open.
   */
  @Test
  void aLateHelloOnAStrayConnectionDoesNotTakeTheCuffFromTheConnectionThatHeardItLast(Vertx vertx) throws Exception {
    SlowParser slowParser = SlowParser.on(vertx);
    try (DeviceClient stray = new DeviceClient(node.devicePort())) {
      try (DeviceClient usual = new DeviceClient(node.devicePort())) {
        usual.exchange("HELLO|Device=NIBP-Q1|Patient=PQ1|Ward=relay\nBP=120/80|Seq=1\n", "ACK|", "ACK|1");
        slowParser.set(true);
        stray.send("HELLO|Device=NIBP-Q1|Patient=PQ1|Ward=relay\n"); // held 3.5 s at the parser
        slowParser.awaitHeld();
        slowParser.set(false);
        usual.exchange("BP=121/80|Seq=2\n", "ACK|2"); // read after the stray HELLO, applied before it is announced
        Thread.sleep(5_000); // the stray HELLO is answered and announced
      } // the cuff is unplugged from its usual connection
      assertNotNull(raised("PQ1", 5), "NIBP-Q1's reading came on the connection that ended, after the stray HELLO");
    }
  }

  /**
   * A cuff (a reading every 15 minutes) is moved to another bed: it reconnects and first says {@code HELLO} with the
   * patient it remembers (PM1), then the nurse admits its new patient on it ({@code HELLO} for PM2, a reading of PM2).
   * PM1 is now on no device; its old connection, half-open, is found closed at its idle timeout (here its close).
   */
  @Test
  void aCuffThatSaidHelloForItsOldPatientThenMovedToANewOneLeavesTheOldOneAlarmed() throws InterruptedException {
    try (DeviceClient reconnected = new DeviceClient(node.devicePort())) {
      try (DeviceClient old = new DeviceClient(node.devicePort())) {
        old.exchange("HELLO|Device=NIBP-M1|Patient=PM1|Ward=relay\nBP=120/80|Seq=1\n", "ACK|", "ACK|1");
        reconnected.exchange("HELLO|Device=NIBP-M1|Patient=PM1|Ward=relay\n", "ACK|"); // its remembered patient
        reconnected.exchange("HELLO|Device=NIBP-M1|Patient=PM2|Ward=relay\nBP=118/76|Seq=2\n", "ACK|", "ACK|2");
      } // the old connection found closed
      assertNotNull(raised("PM1", 5), "PM1 lost NIBP-M1 (now PM2's) and was not alarmed disconnected");
    }
  }

  /**
   * As above, but the old connection is found closed (its idle timeout) before the nurse admits the new patient on the
   * cuff: that end, hidden while the new connection carried PV1's cuff by its {@code HELLO} alone, alarms PV1 once
   * the cuff moves on.
   */
  @Test
  void aCuffWhoseOldConnectionClosedBeforeItMovedToAnotherPatientLeavesTheOldOneAlarmed() throws InterruptedException {
    try (DeviceClient reconnected = new DeviceClient(node.devicePort())) {
      try (DeviceClient old = new DeviceClient(node.devicePort())) {
        old.exchange("HELLO|Device=NIBP-V1|Patient=PV1|Ward=relay\nBP=120/80|Seq=1\n", "ACK|", "ACK|1");
        reconnected.exchange("HELLO|Device=NIBP-V1|Patient=PV1|Ward=relay\n", "ACK|"); // its remembered patient
      } // the old connection found closed at its idle timeout
      assertNull(raised("PV1", 2), "NIBP-V1 is on its new connection (by HELLO)");
      reconnected.exchange("HELLO|Device=NIBP-V1|Patient=PV2|Ward=relay\nBP=118/76|Seq=2\n", "ACK|", "ACK|2");
      assertNotNull(raised("PV1", 5), "PV1 lost NIBP-V1 (now PV2's) and was not alarmed disconnected");
    }
  }

  /**
   * The cuff says {@code HELLO} for the patient it remembers, then its frames name another patient per line
   * ({@code Patient=}): it left the first, alarmed when the old connection ends.
   */
  @Test
  void aCuffThatSaidHelloForItsOldPatientThenNamedAnotherPerLineLeavesTheOldOneAlarmed() throws InterruptedException {
    try (DeviceClient reconnected = new DeviceClient(node.devicePort())) {
      try (DeviceClient old = new DeviceClient(node.devicePort())) {
        old.exchange("HELLO|Device=NIBP-W1|Patient=PW1|Ward=relay\nBP=120/80|Seq=1\n", "ACK|", "ACK|1");
        reconnected.exchange("HELLO|Device=NIBP-W1|Patient=PW1|Ward=relay\n", "ACK|");
        reconnected.exchange("Patient=PW2|BP=118/76|Seq=2\n", "ACK|2");
      } // the old connection found closed
      assertNotNull(raised("PW1", 5), "PW1's cuff now reports PW2 only; PW1 is on no connection, not alarmed");
    }
  }
}
