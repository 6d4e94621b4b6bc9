package org.wardwatch.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.wardwatch.bus.Addresses;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.testing.DeviceClient;
import org.wardwatch.testing.RelayWardNodeTest;

/**
 * A whole node: when a connection ends, every device and patient its accepted frames named is alarmed disconnected,
 * not only its last {@code HELLO}'s (a device naming itself in each frame, a {@code HELLO} that changed); and a patient
 * on two devices hears of either's disconnection, which only that device's own frame ends.
 */
class DisconnectedDevicesTest extends RelayWardNodeTest {

  @Test
  void everyPatientAConnectionSentFramesForIsAlarmedDisconnectedWhenItCloses() throws InterruptedException {
    try (DeviceClient relay = new DeviceClient(node.devicePort())) {
      relay.send("Device=BEDSIDE-1|Patient=PA|Ward=relay|Pulse=80|Seq=1\n");
      relay.send("HELLO|Device=RH1|Patient=PB|Ward=relay\nPulse=81|Seq=2\n");
      relay.send("HELLO|Device=RH2|Patient=PC|Ward=relay\nPulse=82|Seq=3\n");
      for (String answer : new String[] {"ACK|1", "ACK|", "ACK|2", "ACK|", "ACK|3"}) {
        assertEquals(answer, relay.readLine());
      }
    }

    Set<String> disconnected = new TreeSet<>();
    for (JsonObject transition;
        disconnected.size() < 3 && (transition = alarms.poll(Duration.ofSeconds(10))) != null; ) {
      JsonObject alarm = transition.getJsonObject("alarm");
      if ("RAISED".equals(transition.getString("type"))
          && "TECHNICAL:DISCONNECTED".equals(alarm.getString("condition"))) {
        disconnected.add(alarm.getString("patient"));
      }
    }

    assertEquals(Set.of("PA", "PB", "PC"), disconnected);
  }

  @Test
  void aPatientOnTwoDevicesIsAlarmedWhenOneLeavesWhileTheOtherReportsOn() throws InterruptedException {
    try (DeviceClient monitor = new DeviceClient(node.devicePort())) {
      monitor.send("HELLO|Device=MON-9|Patient=PD|Ward=relay\nPulse=80|Seq=1\n");
      assertEquals("ACK|", monitor.readLine());
      assertEquals("ACK|1", monitor.readLine());
      try (DeviceClient oximeter = new DeviceClient(node.devicePort())) {
        oximeter.send("HELLO|Device=OX-9|Patient=PD|Ward=relay\nSpO2=97|Seq=1\n");
        assertEquals("ACK|", oximeter.readLine());
        assertEquals("ACK|1", oximeter.readLine());
        monitor.send("Pulse=81|Seq=2\n"); // the monitor sent the patient's latest frame
        assertEquals("ACK|2", monitor.readLine());
      }

      JsonObject raised = alarms.next("RAISED");
      assertEquals("Device OX-9 disconnected", raised.getString("message"));
      assertEquals("OX-9", raised.getString("device"));
      monitor.send("Pulse=82|Seq=3\n");
      assertEquals("ACK|3", monitor.readLine());
      JsonObject meanwhile = alarms.poll(Duration.ofMillis(500));
      assertNull(meanwhile, "the monitor's frame does not bring the oximeter back");
      try (DeviceClient oximeter = new DeviceClient(node.devicePort())) {
        oximeter.send("HELLO|Device=OX-9|Patient=PD|Ward=relay\nSpO2=96|Seq=2\n");
        assertEquals("ACK|", oximeter.readLine());
        assertEquals("ACK|2", oximeter.readLine());
        assertEquals(raised.getString("id"), alarms.next("CLEARED").getString("id"),
            "the oximeter's own frame ends it");
      }
    }
  }

  @Test
  void aDeviceThatSendsItsLastFrameAndClosesAtOnceIsAlarmedDisconnected() throws InterruptedException {
    try (DeviceClient monitor = new DeviceClient(node.devicePort())) {
      monitor.send("HELLO|Device=MON-8|Patient=PE|Ward=relay\nPulse=80|Seq=1\n");
      assertEquals("ACK|", monitor.readLine());
      assertEquals("ACK|1", monitor.readLine());
      monitor.send("Pulse=81|Seq=2\n"); // and gone at once: the gateway closes its side once the frame is answered
    }

    alarms.next("RAISED");
    assertNull(alarms.poll(Duration.ofSeconds(1)), "the last frame, applied after the close, does not end the alarm");
  }

  @Test
  void aConnectionIsAnnouncedAtItsHelloAndWhenItClosed(Vertx vertx) throws InterruptedException {
    BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
    vertx.eventBus().<JsonObject>localConsumer(Addresses.DEVICE_EVENTS, message -> events.add(message.body()))
        .completion().await();
    Instant opened = Instant.now();
    Instant answered;
    try (DeviceClient monitor = new DeviceClient(node.devicePort())) {
      monitor.exchange("HELLO|Device=MON-7|Patient=PF|Ward=relay\n", "ACK|"); // a HELLO alone: announced
      monitor.exchange("Pulse=80|Seq=1\n", "ACK|1");
      answered = Instant.now();
    }

    DeviceEvent hello = DeviceEvent.fromJson(events.poll(10, TimeUnit.SECONDS));
    assertEquals(DeviceEvent.Kind.CONNECTED, hello.kind());
    assertEquals("MON-7", hello.source().device());
    assertFalse(hello.connection().openedAt().isBefore(opened), "the test's connection, opened after the test began");
    assertFalse(hello.connection().openedAt().isAfter(answered));
    assertFalse(hello.at().isBefore(hello.connection().openedAt()), "its HELLO read after it opened");
    Duration closedIfSilentAfterAnswer = IDLE_TIMEOUT.plusMillis(DeviceSession.PARSE_TIMEOUT_MS); // a batch with it
    assertFalse(hello.closedIfSilentWithin().compareTo(closedIfSilentAfterAnswer) < 0, "closed if silent by then");
    assertFalse(hello.closedIfSilentWithin().compareTo(closedIfSilentAfterAnswer.plus(Duration.between(opened,
        answered))) > 0, "its idle timeout, the parser's time, and no more");
    JsonObject announced = events.poll(10, TimeUnit.SECONDS);
    assertNotNull(announced, "no disconnection announced");
    DeviceEvent event = DeviceEvent.fromJson(announced);
    assertEquals(DeviceEvent.Kind.DISCONNECTED, event.kind());
    assertEquals(hello.source(), event.source());
    assertEquals(hello.connection(), event.connection());
    assertFalse(event.at().isBefore(answered), "closed after the client read its ACK");
    assertFalse(event.at().isAfter(Instant.now()));
  }
}
