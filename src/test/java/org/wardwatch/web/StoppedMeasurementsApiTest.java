package org.wardwatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.node.NodeVerticle;
import org.wardwatch.testing.DeviceClient;
import org.wardwatch.testing.TestNode;
import org.wardwatch.testing.WardAlarms;
import org.wardwatch.web.RestClient.Reply;

/**
 * {@code POST /api/patients/{id}/stopped-measurements} on a real node fed by real devices over TCP: a patient on a
 * monitor and an oximeter whose oximeter is taken away for good has its SpO2 measurement stopped, so that the
 * oximeter's disconnection ends instead of becoming a no-data alarm for ever; refused while the oximeter still sends,
 * and in plain words for a malformed request.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class StoppedMeasurementsApiTest {

  private static final JsonObject STOP_SPO2 = new JsonObject().put("user", "nurse.okafor")
      .put("parameters", new JsonArray().add("SPO2"));

  private NodeVerticle node;
  private RestClient http;
  private WardAlarms alarms;

  @BeforeEach
  void startNode(Vertx vertx) {
    node = TestNode.deploy(vertx);
    http = new RestClient(node.httpPort());
    alarms = WardAlarms.listen(vertx, "icu");
  }

  @Test
  void theMeasurementOfAnOximeterTakenAwayIsStoppedAndItsDisconnectionEnds() throws InterruptedException {
    try (DeviceClient monitor = new DeviceClient(node.devicePort())) {
      monitor.exchange("HELLO|Device=MON-7|Patient=P-7|Bed=7|Ward=icu\nPulse=80|Seq=1\n", "ACK|", "ACK|1");
      try (DeviceClient oximeter = new DeviceClient(node.devicePort())) {
        oximeter.exchange("HELLO|Device=OX-7|Patient=P-7|Bed=7|Ward=icu\nSpO2=97|Seq=1\n", "ACK|", "ACK|1");

        Reply whileSending = stop("P-7", STOP_SPO2);
        assertEquals(409, whileSending.statusCode());
        assertEquals("Patient P-7's SpO2 is still measured by OX-7: take its sensor off (or stop its reports) first,"
            + " or its next report starts it again", whileSending.body().toString());
      }
      String disconnected = awaitAlarm("RAISED").getJsonObject("alarm").getString("id");
      monitor.exchange("Pulse=81|Seq=2\n", "ACK|2"); // the monitor carries on

      Reply stopped = stop("P-7", STOP_SPO2);

      assertEquals(200, stopped.statusCode(), stopped.body()::toString);
      JsonObject cleared = awaitAlarm("CLEARED");
      assertEquals(disconnected, cleared.getJsonObject("alarm").getString("id"));
      JsonObject patient = new JsonObject(http.get("/api/patients/P-7").body());
      assertFalse(patient.getJsonObject("vitals").containsKey("SPO2"), patient::encode);
      assertTrue(patient.getJsonObject("vitals").containsKey("PULSE"));
      assertEquals(new JsonArray(), patient.getJsonArray("technicalAlarms"));
      JsonArray audit = new JsonArray(http.get("/api/alarms?patient=P-7").body());
      assertTrue(audit.stream().map(JsonObject.class::cast)
          .anyMatch(entry -> "MEASUREMENT_STOPPED".equals(entry.getString("type"))
              && "nurse.okafor".equals(entry.getString("actor"))
              && "stopped measuring SpO2".equals(entry.getString("detail"))), audit::encode);
    }
  }

  @Test
  void aStopWithoutParametersOrOfAnUnknownMeasurementIsRefusedInPlainWords() {
    try (DeviceClient monitor = new DeviceClient(node.devicePort())) {
      monitor.exchange("Device=MON-8|Patient=P-8|Ward=icu|Pulse=80|Seq=1\n", "ACK|1");
    }

    Reply without = stop("P-8", new JsonObject().put("user", "nurse.okafor"));
    Reply unknownName = stop("P-8", STOP_SPO2.copy().put("parameters", new JsonArray().add("GLUCOSE")));
    Reply notMeasured = stop("P-8", STOP_SPO2);

    assertEquals(400, without.statusCode());
    assertEquals("'parameters' must be a list of one or more of [PULSE, SPO2, RESP_RATE, BP_SYSTOLIC, BP_DIASTOLIC,"
        + " BP_MEAN, ART_SYSTOLIC, ART_DIASTOLIC, ART_MEAN, TEMPERATURE]", without.body().toString());
    assertEquals(400, unknownName.statusCode());
    assertTrue(unknownName.body().toString().endsWith(", got GLUCOSE"), unknownName.body()::toString);
    assertEquals(404, notMeasured.statusCode());
    assertEquals("patient P-8 has no SpO2 measurement", notMeasured.body().toString());
  }

  private Reply stop(String patient, JsonObject body) {
    return http.request(HttpMethod.POST, "/api/patients/" + patient + "/stopped-measurements", null, body.copy());
  }

  /** The next transition of {@code type} published to the ward's alarms; others before it are skipped. */
  private JsonObject awaitAlarm(String type) throws InterruptedException {
    JsonObject transition = alarms.next(WardAlarms.of(type, null), Duration.ofSeconds(5));
    assertNotNull(transition, "no " + type + " published");
    return transition;
  }
}
