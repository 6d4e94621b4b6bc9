package org.wardwatch.node;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.bus.Addresses;
import org.wardwatch.testing.DeviceClient;
import org.wardwatch.testing.SockJsClient;
import org.wardwatch.testing.TestNode;
import org.wardwatch.testing.WebSocketSockJsClient;
import org.wardwatch.testing.XhrPollingSockJsClient;
import org.wardwatch.web.RestClient;

/**
 * A whole node: a frame sent over TCP reaches a browser subscriber through the SockJS bridge, over WebSocket and over
 * plain-HTTP xhr-polling, and a batch of frames as one snapshot that shows them all; an out-of-range value raises an
 * alarm that a nurse acknowledges through the bridge, and the audit trail shows who did.
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
  void aBatchOfFramesReachesTheSubscriberAsOneSnapshotPerPatientThatShowsThemAll() {
    String vitals = Addresses.wardVitals("batch-ward");
    try (SockJsClient browser = WebSocketSockJsClient.connect(vertx, node.httpPort(), TestNode.DASHBOARD_ORIGIN);
        DeviceClient device = new DeviceClient(node.devicePort())) {
      browser.register(vitals);

      device.send("HELLO|Device=E2E-BATCH|Bed=2|Ward=batch-ward\n" // one write: one batch, as a monitor catching up
          + "Pulse=80|Seq=1\nPulse=81|Seq=2\nPulse=82|Seq=3\nPulse=83|Seq=4\nPulse=84|Seq=5\n");
      for (int seq = 0; seq <= 5; seq++) {
        assertEquals(seq == 0 ? "ACK|" : "ACK|" + seq, device.readLine());
      }
      List<JsonObject> snapshots = new ArrayList<>();
      do {
        snapshots.add(browser.awaitBody(vitals, body -> true, WAIT));
      } while (snapshots.get(snapshots.size() - 1).getLong("seq") < 5);

      assertTrue(snapshots.size() < 5, "shown once, not per frame: " + snapshots);
      long shown = 0;
      for (JsonObject snapshot : snapshots) {
        assertEquals(shown + 1, snapshot.getLong("fromSeq"), "every change is shown: " + snapshots);
        shown = snapshot.getLong("seq");
      }
      assertVital(snapshots.get(snapshots.size() - 1).getJsonObject("vitals"), "PULSE", 84, "/min");
    }
  }

  @Test
  void outOfRangeValueRaisesLatchedAlarmThatANurseAcknowledgesThroughTheBridge() {
    String ward = "alarm-ward";
    String alarms = Addresses.wardAlarms(ward);
    Predicate<JsonObject> pulseAlarm =
        body -> "THRESHOLD:PULSE".equals(body.getJsonObject("alarm").getString("condition"));
    try (SockJsClient browser = WebSocketSockJsClient.connect(vertx, node.httpPort(), TestNode.DASHBOARD_ORIGIN);
        DeviceClient device = new DeviceClient(node.devicePort())) {
      browser.register(alarms);

      device.send("HELLO|Device=E2E-ALARM|Bed=7|Ward=" + ward + "\nPulse=190|Seq=1\n");
      assertEquals("ACK|", device.readLine());
      assertEquals("ACK|1", device.readLine());
      JsonObject raised = browser.awaitBody(alarms, pulseAlarm, WAIT);
      assertEquals("RAISED", raised.getString("type"));
      JsonObject alarm = raised.getJsonObject("alarm");
      assertEquals("HIGH", alarm.getString("priority"));
      assertEquals("ACTIVE_UNACKNOWLEDGED", alarm.getString("state"));
      assertEquals("7", alarm.getString("bed"));
      assertEquals("Pulse 190 /min above 150", alarm.getString("message"));

      device.send("Pulse=80|Seq=2\n");
      assertEquals("ACK|2", device.readLine());
      JsonObject ended = browser.awaitBody(alarms, pulseAlarm, WAIT);
      assertEquals("CLEARED_UNACKNOWLEDGED", ended.getString("to"), "a high-priority alarm latches");

      device.send("HELLO|Device=E2E-OTHER|Bed=1|Ward=other-ward\nPulse=80\n"); // a ward whose actions are taken
      assertEquals("ACK|", device.readLine());
      assertEquals("ACK|", device.readLine());
      JsonObject acknowledge = new JsonObject().put("action", "acknowledge").put("alarmId", alarm.getString("id"))
          .put("user", "nurse.jones");
      AssertionError otherWard = assertThrows(AssertionError.class,
          () -> browser.request(Addresses.wardActions("other-ward"), acknowledge));
      assertTrue(otherWard.getMessage().contains("\"failureCode\":404"), otherWard.getMessage());
      AssertionError notAnAction = assertThrows(AssertionError.class,
          () -> browser.request(Addresses.wardActions(ward), "not json at all"));
      assertTrue(notAnAction.getMessage().contains("\"failureCode\":400"), notAnAction.getMessage());

      JsonObject reply = browser.request(Addresses.wardActions(ward), acknowledge);
      assertEquals(true, reply.getBoolean("ok"));
      JsonObject cleared = browser.awaitBody(alarms, pulseAlarm, WAIT);
      assertEquals("ACKNOWLEDGED", cleared.getString("type"));
      assertEquals("CLEARED", cleared.getString("to"));
      assertEquals("nurse.jones", cleared.getString("actor"));
    }
    String patient = "E2E-ALARM@" + ward + ":7"; // no patient id: bed 7 on the device
    RestClient rest = new RestClient(node.httpPort());
    JsonObject snapshot = new JsonObject(rest.get("/api/patients/" + URLEncoder.encode(patient, UTF_8)).body());
    assertEquals(patient, snapshot.getString("patient"), "its key, URL-encoded as the dashboard does, finds it");
    JsonArray audit = new JsonArray(rest.get("/api/alarms?patient=" + URLEncoder.encode(patient, UTF_8)).body());
    assertTrue(audit.stream().map(JsonObject.class::cast)
        .anyMatch(entry -> "ACKNOWLEDGED".equals(entry.getString("type"))
            && "nurse.jones".equals(entry.getString("actor"))),
        audit.encodePrettily());
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
    assertEquals("E2E-" + ward + "@" + ward + ":3", snapshot.getString("patient"), "no patient id: the bed");
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
