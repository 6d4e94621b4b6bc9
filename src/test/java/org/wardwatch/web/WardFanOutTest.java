package org.wardwatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.PatientSnapshot;
import org.wardwatch.node.NodeVerticle;
import org.wardwatch.testing.DeviceClient;
import org.wardwatch.testing.SockJsClient;
import org.wardwatch.testing.TestNode;
import org.wardwatch.testing.WebSocketSockJsClient;

/**
 * Ward updates reach every registered browser session once, through the node's {@link WardFanOut}, over real SockJS.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class WardFanOutTest {

  private static final String VITALS = Addresses.wardVitals("icu");
  private static final String ALARMS = Addresses.wardAlarms("icu");
  private static final Duration SETTLE = Duration.ofMillis(500);
  private static final int SLOW_SCREEN_UPDATES = 400;
  private static final int TEXT = 1;
  private static final int CLOSE = 8;

  @Test
  void everySessionGetsEachUpdateOnceAndNoMoreAfterUnregistering(Vertx vertx) {
    NodeVerticle node = TestNode.deploy(vertx);
    try (SockJsClient first = WebSocketSockJsClient.connect(vertx, node.httpPort(), TestNode.DASHBOARD_ORIGIN);
        SockJsClient second = WebSocketSockJsClient.connect(vertx, node.httpPort(), TestNode.DASHBOARD_ORIGIN);
        DeviceClient device = new DeviceClient(node.devicePort())) {
      first.register(VITALS);
      second.register(VITALS);
      device.send("HELLO|Device=FAN-1|Patient=FAN-P|Ward=icu\nPulse=71|Seq=1\n");
      device.readLine();
      device.readLine();
      for (SockJsClient session : new SockJsClient[] {first, second}) {
        assertEquals(71, pulseOf(session.awaitBody(VITALS, body -> pulse(body, 71), Duration.ofSeconds(5))));
        assertThrows(AssertionError.class, () -> session.awaitBody(VITALS, body -> pulse(body, 71), SETTLE),
            "a session registered once gets the update once");
      }

      first.send(new JsonObject().put("type", "unregister").put("address", VITALS));
      first.barrier();
      device.send("Pulse=72|Seq=2\n");
      device.readLine();
      second.awaitBody(VITALS, body -> pulse(body, 72), Duration.ofSeconds(5));
      assertThrows(AssertionError.class, () -> first.awaitBody(VITALS, body -> pulse(body, 72), SETTLE),
          "an unregistered session gets nothing more");
    }
  }

  @Test
  void aScreenThatFallsBehindMissesSupersededVitalsButNoAlarm(Vertx vertx) throws Exception {
    NodeVerticle node = TestNode.deploy(vertx);
    try (StalledScreen screen = StalledScreen.open(node.httpPort())) {
      watchFallBehind(vertx, screen);
    }
  }

  @Test
  void aScreenThatStopsReadingIsClosedOnceTooMuchWaitsForItWhileTheOthersGetEveryAlarm(Vertx vertx) throws Exception {
    NodeVerticle node = TestNode.deploy(vertx);
    try (StalledScreen stalled = StalledScreen.open(node.httpPort());
        SockJsClient reading = WebSocketSockJsClient.connect(vertx, node.httpPort(), TestNode.DASHBOARD_ORIGIN)) {
      registered(vertx, stalled, ALARMS); // first: the others come after it when an alarm is written
      reading.register(ALARMS);
      stalled.stopReading();
      String large = "x".repeat(1024);
      int alarms = (int) (2 * SockJsWebSocket.MAX_UNREAD_BYTES / large.length());
      for (int alarm = 0; alarm < alarms; alarm++) {
        vertx.eventBus().publish(ALARMS, new JsonObject().put("type", "RAISED").put("n", alarm).put("detail", large));
        if (alarm % 32 == 31) { // in bursts the screen that reads keeps up with (under its client's 64 KB frames)
          for (int n = alarm - 31; n <= alarm; n++) { // every one of them
            int expected = n;
            reading.awaitBody(ALARMS, body -> body.getInteger("n", -1) == expected, Duration.ofSeconds(10));
          }
        }
      }

      stalled.resumeReading();
      assertTrue(stalled.closedWithin(Duration.ofSeconds(15)), "the screen that did not read was closed");
      assertTrue(stalled.received(ALARMS) < alarms, "not everything was held for it: " + stalled.received(ALARMS));
    }
  }

  @Test
  void aRawWebSocketSessionClosingWhileItsConnectionIsFullDoesNotStopTheOtherScreensVitals(Vertx vertx)
      throws Exception {
    NodeVerticle node = TestNode.deploy(vertx);
    try (Socket raw = rawWebSocket(node.httpPort());
        SockJsClient screen = WebSocketSockJsClient.connect(vertx, node.httpPort(), TestNode.DASHBOARD_ORIGIN)) {
      String flood = Addresses.wardVitals("flood");
      for (String address : new String[] {VITALS, flood}) { // first: the fan-out writes to it before the screen
        clientFrame(raw, TEXT, new JsonObject().put("type", "register").put("address", address).encode());
      }
      Thread.sleep(SETTLE.toMillis());
      screen.register(VITALS);
      screen.barrier();
      String large = "x".repeat(64 * 1024);
      for (int update = 0; update < 200; update++) { // the raw client reads nothing: its connection fills
        vertx.eventBus().publish(flood, new JsonObject().put("update", update).put("padding", large));
      }
      Thread.sleep(SETTLE.toMillis());
      clientFrame(raw, CLOSE, "\u0003\u00e8"); // 1000, and still not reading: Vert.x cannot answer, so no close event

      Thread.sleep(SETTLE.toMillis());
      vertx.eventBus().publish(VITALS, new JsonObject().put("vitals", new JsonObject()
          .put("PULSE", new JsonObject().put("value", 73))));

      assertEquals(73, pulseOf(screen.awaitBody(VITALS, body -> pulse(body, 73), Duration.ofSeconds(5))));
    }
  }

  /** A client of Vert.x's raw event-bus WebSocket ({@code /eventbus/websocket}) that sends frames and reads nothing. */
  private static Socket rawWebSocket(int port) throws Exception {
    Socket raw = new Socket();
    raw.setReceiveBufferSize(4096);
    raw.connect(new InetSocketAddress("127.0.0.1", port));
    raw.getOutputStream().write(("GET /eventbus/websocket HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    InputStream in = raw.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      head.append((char) in.read());
    }
    assertTrue(head.toString().startsWith("HTTP/1.1 101"), head::toString);
    return raw;
  }

  /** Sends one short client frame (masked with a zero key, as a client must mask). */
  private static void clientFrame(Socket raw, int opcode, String payload) throws Exception {
    byte[] bytes = payload.getBytes(StandardCharsets.ISO_8859_1);
    OutputStream out = raw.getOutputStream();
    out.write(0x80 | opcode);
    out.write(0x80 | bytes.length);
    out.write(new byte[4]);
    out.write(bytes);
    out.flush();
  }

  /**
   * The screen stops reading while a ward's vitals, a discharge notice and then an alarm are published, then reads
   * again.
   */
  private static void watchFallBehind(Vertx vertx, StalledScreen screen) throws Exception {
    screen.register(ALARMS);
    registered(vertx, screen, VITALS);

    screen.stopReading();
    String large = "x".repeat(64 * 1024); // many megabytes in all: more than the sockets' buffers hold
    for (int update = 0; update < SLOW_SCREEN_UPDATES; update++) {
      vertx.eventBus().publish(VITALS, new JsonObject().put("update", update).put("padding", large));
    }
    vertx.eventBus().publish(VITALS, PatientSnapshot.ofNotice("P-9", "icu", json -> {
      json.writeStartObject();
      json.writeBooleanField("discharged", true);
      json.writeEndObject();
    }));
    vertx.eventBus().publish(ALARMS, new JsonObject().put("type", "RAISED"));
    Thread.sleep(SETTLE.toMillis());
    int beforeResuming = screen.received(VITALS);
    screen.resumeReading();

    screen.awaitReceived(ALARMS, 1, Duration.ofSeconds(10));
    int vitals = screen.received(VITALS) - beforeResuming;
    assertTrue(vitals < SLOW_SCREEN_UPDATES / 2, "superseded vitals skipped for a full queue, got " + vitals);
    assertTrue(vitals > 0, "what was queued still arrives");
    assertEquals(1, screen.dischargeNotices(VITALS), "a discharge notice is never skipped: nothing follows it");
  }

  /** Registers {@code screen} for {@code address} and waits until the bridge has (a probe published there arrives). */
  private static void registered(Vertx vertx, StalledScreen screen, String address) throws InterruptedException {
    screen.register(address);
    while (screen.received(address) == 0) {
      vertx.eventBus().publish(address, new JsonObject().put("probe", true));
      Thread.sleep(50);
    }
  }

  private static boolean pulse(JsonObject snapshot, int value) {
    return snapshot.getJsonObject("vitals").containsKey("PULSE") && pulseOf(snapshot) == value;
  }

  private static int pulseOf(JsonObject snapshot) {
    return snapshot.getJsonObject("vitals").getJsonObject("PULSE").getInteger("value");
  }
}
