package org.wardwatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.PatientSnapshot;
import org.wardwatch.node.NodeVerticle;
import org.wardwatch.testing.DeviceClient;
import org.wardwatch.testing.TestNode;
import org.wardwatch.testing.WardAlarms;
import org.wardwatch.web.RestClient.Reply;

/**
 * {@code POST /api/patients/{id}/discharge} on a real node, fed by a real device over TCP: refused while the device
 * sends, then the patient's alarms cleared by the clinician, the ward told, the audit kept, and the patient gone until
 * its device sends again.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class DischargeApiTest {

  private static final JsonObject BY_NURSE = new JsonObject().put("user", "nurse.okafor");

  private NodeVerticle node;
  private RestClient http;
  private WardAlarms alarms;
  private final BlockingQueue<JsonObject> vitals = new LinkedBlockingQueue<>();

  @BeforeEach
  void startNode(Vertx vertx) {
    node = TestNode.deploy(vertx);
    http = new RestClient(node.httpPort());
    alarms = WardAlarms.listen(vertx, "icu");
    vertx.eventBus().<PatientSnapshot>consumer(Addresses.wardVitals("icu"),
        message -> vitals.add(message.body().toJson())).completion().await();
  }

  @Test
  void aPatientWhoseDeviceLeftIsDischargedWithItsAlarmsClearedAndCanBeAdmittedAgain() throws InterruptedException {
    try (DeviceClient device = new DeviceClient(node.devicePort())) {
      device.send("HELLO|Device=MON-5|Patient=P-5|Bed=5|Ward=icu\nTemp=39.8|Seq=1\n");
      assertEquals("ACK|", device.readLine());
      assertEquals("ACK|1", device.readLine());

      Reply whileSending = discharge("P-5", BY_NURSE);
      assertEquals(409, whileSending.statusCode());
      assertEquals("Patient P-5's monitor MON-5 is still sending: unplug it (or stop its reports) first, or its next"
          + " reading admits the patient again", whileSending.body().toString());
    }
    awaitAlarm("RAISED", "TECHNICAL:DISCONNECTED"); // and its pulse alarm's data marked stale

    Reply discharged = discharge("P-5", BY_NURSE);

    assertEquals(200, discharged.statusCode());
    int ended = new JsonObject(discharged.body()).getInteger("transitions");
    assertTrue(ended >= 2, "the temperature alarm and the disconnection at least: " + ended);
    for (int i = 0; i < ended; i++) {
      assertEquals("nurse.okafor", awaitAlarm("CLEARED", null).getString("actor"));
    }
    JsonObject notice;
    do { // after the snapshots of the patient before its discharge
      notice = vitals.poll(5, TimeUnit.SECONDS);
      assertNotNull(notice, "no discharge notice on the ward's vitals");
    } while (!notice.containsKey("discharged"));
    assertEquals(true, notice.getBoolean("discharged"));
    assertEquals("nurse.okafor", notice.getString("by"));
    assertEquals(404, http.get("/api/patients/P-5").statusCode());
    assertEquals(new JsonArray(), new JsonArray(http.get("/api/patients?ward=icu").body()));
    assertEquals(404, discharge("P-5", BY_NURSE).statusCode(), "discharged already");
    JsonArray audit = new JsonArray(http.get("/api/alarms?patient=P-5").body());
    assertTrue(audit.stream().map(JsonObject.class::cast).anyMatch(entry -> "DISCHARGED".equals(entry.getString("type"))
        && "nurse.okafor".equals(entry.getString("actor")) && "icu".equals(entry.getString("ward"))
        && "5".equals(entry.getString("bed")) && "MON-5".equals(entry.getString("device"))), audit::encode);

    try (DeviceClient device = new DeviceClient(node.devicePort())) {
      device.send("HELLO|Device=MON-5|Patient=P-5|Bed=5|Ward=icu\nPulse=80|Seq=2\n");
      assertEquals("ACK|", device.readLine());
      assertEquals("ACK|2", device.readLine());
      JsonObject admitted = new JsonObject(http.get("/api/patients/P-5").body());
      assertEquals(List.of(), admitted.getJsonArray("alarms").getList());
      assertEquals(List.of(), admitted.getJsonArray("technicalAlarms").getList());
    }
  }

  @Test
  void aDischargeWithoutAUserOrOfAnUnknownPatientIsRefusedInPlainWords() {
    Reply withoutUser = discharge("P-6", new JsonObject());
    Reply unknown = discharge("nobody", BY_NURSE);
    Reply notJson = http.request(HttpMethod.POST, "/api/patients/P-6/discharge", null, "text/plain",
        "nurse".getBytes(StandardCharsets.US_ASCII));

    assertEquals(400, withoutUser.statusCode());
    assertEquals("'user' is required (a non-empty string of at most 128 characters)", withoutUser.body().toString());
    assertEquals(404, unknown.statusCode());
    assertEquals("no patient nobody", unknown.body().toString());
    assertEquals(415, notJson.statusCode());
  }

  private Reply discharge(String patient, JsonObject body) {
    return http.request(HttpMethod.POST, "/api/patients/" + patient + "/discharge", null, body.copy());
  }

  /**
   * The next transition of {@code type} (on {@code condition}, unless null) published to the ward's alarms; others
   * before it are skipped.
   */
  private JsonObject awaitAlarm(String type, String condition) throws InterruptedException {
    JsonObject transition = alarms.next(WardAlarms.of(type, condition), Duration.ofSeconds(5));
    assertNotNull(transition, "no " + type + " of " + condition + " published");
    return transition;
  }
}
