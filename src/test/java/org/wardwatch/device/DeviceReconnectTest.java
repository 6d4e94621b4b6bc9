package org.wardwatch.device;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.bus.Addresses;
import org.wardwatch.node.NodeVerticle;
import org.wardwatch.testing.DeviceClient;
import org.wardwatch.testing.TestNode;

/**
 * A whole node, a monitor reconnecting: the end of its old, half-open connection is no disconnection once it carried
 * on through the new one; but every real disconnection is still alarmed, whatever the new connection did (only said
 * {@code HELLO}, had its frames refused, carried another patient) and whatever the old one carried (a relay's
 * patients).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class DeviceReconnectTest {

  private final BlockingQueue<JsonObject> alarms = new LinkedBlockingQueue<>();
  private NodeVerticle node;

  @BeforeEach
  void startNode(Vertx vertx) {
    node = TestNode.deploy(vertx);
    vertx.eventBus().<JsonObject>consumer(Addresses.wardAlarms("relay"),
        message -> alarms.add(new JsonObject(message.body().encode()))).completion().await();
  }

  @Test
  void aDeviceThatReconnectedBeforeItsOldConnectionEndedIsAlarmedOnlyWhenItsNewConnectionEnds()
      throws InterruptedException {
    try (DeviceClient reconnected = new DeviceClient(node.devicePort())) {
      try (DeviceClient old = new DeviceClient(node.devicePort())) { // half-open after a fault, noticed late
        old.exchange("HELLO|Device=MON-6|Patient=PG|Ward=relay\nPulse=80|Seq=1\n", "ACK|", "ACK|1");
        reconnected.exchange("HELLO|Device=MON-6|Patient=PG|Ward=relay\nPulse=81|Seq=2\n", "ACK|", "ACK|2");
      }
      assertNull(raised("PG", 2), "the old connection's end is no disconnection of MON-6");
      reconnected.exchange("Pulse=82|Seq=3\n", "ACK|3");
    }

    assertNotNull(raised("PG", 5), "its new connection's end is a disconnection");
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
   * As above, but the reconnected monitor's one frame was refused, more than two seconds after the old connection's
   * last answer: the new connection's end is alarmed (the old connection's, when it comes, is taken by the engine as
   * carried on, its device heard since).
   */
  @Test
  void aReconnectionWhoseFramesWereRefusedIsStillAlarmedDisconnected() throws InterruptedException {
    try (DeviceClient old = new DeviceClient(node.devicePort())) {
      old.exchange("HELLO|Device=MON-P2|Patient=PP2|Ward=relay\nPulse=80|Seq=1\n", "ACK|", "ACK|1");
      Thread.sleep(2_500);
      try (DeviceClient reconnected = new DeviceClient(node.devicePort())) {
        reconnected.exchange("HELLO|Device=MON-P2|Patient=PP2|Ward=relay\nPulse=abc|Seq=2\n", "ACK|",
            "NAK|2|Pulse 'abc' is not a number");
      }
      Thread.sleep(1_000);
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

  /** The next RAISED disconnection alarm of {@code patient} within {@code seconds}, or null. */
  private JsonObject raised(String patient, int seconds) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    for (long left; (left = end - System.nanoTime()) > 0; ) {
      JsonObject transition = alarms.poll(left, TimeUnit.NANOSECONDS);
      if (transition == null) {
        return null;
      }
      JsonObject alarm = transition.getJsonObject("alarm");
      if ("RAISED".equals(transition.getString("type"))
          && "TECHNICAL:DISCONNECTED".equals(alarm.getString("condition"))
          && patient.equals(alarm.getString("patient"))) {
        return alarm;
      }
    }
    return null;
  }
}
