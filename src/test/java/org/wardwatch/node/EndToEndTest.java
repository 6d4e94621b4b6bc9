package org.wardwatch.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.bus.Addresses;
import org.wardwatch.testing.DeviceClient;
import org.wardwatch.testing.SockJsClient;
import org.wardwatch.testing.TestNode;
import org.wardwatch.testing.WebSocketSockJsClient;
import org.wardwatch.testing.XhrPollingSockJsClient;

/**
 * A whole node: a frame sent over TCP reaches a browser subscriber through the SockJS bridge, over WebSocket and over
 * plain-HTTP xhr-polling, and an out-of-range value raises (then clears) an alarm.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class EndToEndTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private Vertx vertx;
  private NodeVerticle node;

  @BeforeEach
  void startNode(Vertx vertx) {
    this.vertx = vertx;
    node = TestNode.deploy(vertx);
  }

  @Test
  void classicFrameOverTcpReachesWebSocketSubscriber() {
    try (SockJsClient browser = WebSocketSockJsClient.connect(vertx, node.httpPort(), TestNode.DASHBOARD_ORIGIN)) {
      assertClassicFrameDelivered(browser, "ws-ward");
    }
  }

  @Test
  void classicFrameOverTcpReachesXhrPollingSubscriber() {
    try (SockJsClient browser = XhrPollingSockJsClient.connect(vertx, node.httpPort(), TestNode.DASHBOARD_ORIGIN)) {
      assertClassicFrameDelivered(browser, "xhr-ward");
    }
  }

  @Test
  void outOfRangeValueRaisesAlarmAndNormalValueClearsIt() {
    try (SockJsClient browser = WebSocketSockJsClient.connect(vertx, node.httpPort(), TestNode.DASHBOARD_ORIGIN);
        DeviceClient device = new DeviceClient(node.devicePort())) {
      String alarms = Addresses.wardAlarms("alarm-ward");
      browser.register(alarms);

      device.send("HELLO|Device=E2E-ALARM|Bed=7|Ward=alarm-ward\nPulse=190|Seq=1\n");
      assertEquals("ACK|", device.readLine());
      assertEquals("ACK|1", device.readLine());
      JsonObject raised = browser.awaitBody(alarms, body -> true, WAIT);
      assertEquals("ACTIVE", raised.getString("state"));
      assertEquals("HIGH", raised.getString("priority"));
      assertEquals("PULSE", raised.getString("parameter"));
      assertEquals("7", raised.getString("bed"));
      assertEquals("Pulse 190 /min above 150", raised.getString("message"));

      device.send("Pulse=80|Seq=2\n");
      assertEquals("ACK|2", device.readLine());
      JsonObject cleared = browser.awaitBody(alarms, body -> true, WAIT);
      assertEquals("CLEARED", cleared.getString("state"));
      assertEquals(raised.getString("id"), cleared.getString("id"));
    }
  }

  private void assertClassicFrameDelivered(SockJsClient browser, String ward) {
    String vitals = Addresses.wardVitals(ward);
    browser.register(vitals);
    try (DeviceClient device = new DeviceClient(node.devicePort())) {
      device.send("HELLO|Device=E2E-" + ward + "|Bed=3|Ward=" + ward + "\n");
      device.send("Temperature=37.5|Pulse=82|BP=120/80\n");
      assertEquals("ACK|", device.readLine());
      assertEquals("ACK|", device.readLine());
    }

    JsonObject snapshot = browser.awaitBody(vitals, body -> true, WAIT);
    assertEquals("E2E-" + ward, snapshot.getString("patient"));
    assertEquals("3", snapshot.getString("bed"));
    JsonObject values = snapshot.getJsonObject("vitals");
    assertVital(values, "TEMPERATURE", 37.5, "Cel");
    assertVital(values, "PULSE", 82, "/min");
    assertVital(values, "BP_SYSTOLIC", 120, "mm[Hg]");
    assertVital(values, "BP_DIASTOLIC", 80, "mm[Hg]");
    assertTrue(snapshot.getJsonArray("alarms").isEmpty());
  }

  private static void assertVital(JsonObject vitals, String parameter, double value, String unit) {
    JsonObject vital = vitals.getJsonObject(parameter);
    assertEquals(value, vital.getDouble("value"), 1e-9, parameter);
    assertEquals(unit, vital.getString("unit"), parameter);
  }
}
