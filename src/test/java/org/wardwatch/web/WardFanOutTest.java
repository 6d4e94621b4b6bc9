package org.wardwatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.bus.Addresses;
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

  /** The screen stops reading while a ward's vitals and then an alarm are published, then reads again. */
  private static void watchFallBehind(Vertx vertx, StalledScreen screen) throws Exception {
    screen.register(VITALS);
    screen.register(ALARMS);
    while (screen.received(VITALS) == 0) { // registered once the bridge has handled it
      vertx.eventBus().publish(VITALS, new JsonObject().put("probe", true));
      Thread.sleep(50);
    }

    screen.stopReading();
    String large = "x".repeat(64 * 1024); // many megabytes in all: more than the sockets' buffers hold
    for (int update = 0; update < SLOW_SCREEN_UPDATES; update++) {
      vertx.eventBus().publish(VITALS, new JsonObject().put("update", update).put("padding", large));
    }
    vertx.eventBus().publish(ALARMS, new JsonObject().put("type", "RAISED"));
    Thread.sleep(SETTLE.toMillis());
    int beforeResuming = screen.received(VITALS);
    screen.resumeReading();

    screen.awaitReceived(ALARMS, 1, Duration.ofSeconds(10));
    int vitals = screen.received(VITALS) - beforeResuming;
    assertTrue(vitals < SLOW_SCREEN_UPDATES / 2, "superseded vitals skipped for a full queue, got " + vitals);
    assertTrue(vitals > 0, "what was queued still arrives");
  }

  private static boolean pulse(JsonObject snapshot, int value) {
    return snapshot.getJsonObject("vitals").containsKey("PULSE") && pulseOf(snapshot) == value;
  }

  private static int pulseOf(JsonObject snapshot) {
    return snapshot.getJsonObject("vitals").getJsonObject("PULSE").getInteger("value");
  }
}
