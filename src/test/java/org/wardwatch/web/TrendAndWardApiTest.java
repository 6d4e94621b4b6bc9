package org.wardwatch.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
import org.wardwatch.web.RestClient.Reply;

/**
 * The trend view's and ward picker's REST API over real HTTP, fed by real devices over TCP, with the built-in rules:
 * {@code GET /api/patients/{id}/history}, {@code GET /api/wards} and {@code GET /api/patients?ward=}.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class TrendAndWardApiTest {

  /** The built-in rules for pulse, most urgent first. */
  private static final String PULSE_LIMITS = "[{\"above\":150,\"priority\":\"HIGH\",\"hysteresis\":5},"
      + "{\"below\":40,\"priority\":\"HIGH\",\"hysteresis\":3},"
      + "{\"above\":130,\"priority\":\"MEDIUM\",\"delaySeconds\":10,\"hysteresis\":5},"
      + "{\"below\":50,\"priority\":\"MEDIUM\",\"delaySeconds\":10,\"hysteresis\":3}]";

  /** A ten-second bucket boundary five to six minutes ago: inside a ten-minute window. */
  private final Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(5, ChronoUnit.MINUTES);
  private NodeVerticle node;
  private RestClient http;

  @BeforeEach
  void startNode(Vertx vertx) {
    node = TestNode.deploy(vertx);
    http = new RestClient(node.httpPort());
  }

  @Test
  void historyHasBucketsOfAcceptedValuesLimitsInForceAndTransitionsAsPublished(Vertx vertx)
      throws InterruptedException {
    BlockingQueue<JsonObject> published = new LinkedBlockingQueue<>();
    vertx.eventBus().<JsonObject>consumer(Addresses.wardAlarms("icu"),
        message -> published.add(new JsonObject(message.body().encode()))).completion().await();

    JsonObject history;
    try (DeviceClient device = new DeviceClient(node.devicePort())) {
      send(device, "HELLO|Device=MON-9|Patient=P-9|Bed=9|Ward=icu", "Pulse=80|Ts=" + base.plusSeconds(1),
          "Pulse=95|Ts=" + base.plusSeconds(4), "Pulse=400|Ts=" + base.plusSeconds(5));
      // the refusal's alarm comes by the device-event path, the next frame by the parser's: one before the other
      for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5); published.stream()
          .noneMatch(event -> "RAISED".equals(event.getString("type"))) && System.nanoTime() < deadline; ) {
        Thread.sleep(10);
      }
      send(device, "Pulse=70|Ts=" + base.plusSeconds(7), "Pulse=190|SpO2=97|Ts=" + base.plusSeconds(15),
          "Pulse=60|Ts=" + base.plusSeconds(2));
      history = new JsonObject(http.get("/api/patients/P-9/history?minutes=10").body());
      JsonArray events = history.getJsonArray("events");
      assertEquals(List.of("TECHNICAL:INVALID_SIGNAL RAISED", "TECHNICAL:INVALID_SIGNAL CLEARED",
              "THRESHOLD:PULSE RAISED", "NEWS2 RAISED"),
          events.stream().map(JsonObject.class::cast)
              .map(event -> event.getJsonObject("alarm").getString("condition") + " " + event.getString("type"))
              .toList());
      List<JsonObject> publishedEvents = new ArrayList<>();
      for (int i = 0; i < events.size(); i++) {
        publishedEvents.add(published.poll(5, TimeUnit.SECONDS));
      }
      assertEquals(events, new JsonArray(publishedEvents), "as published on the ward's alarms address");
      assertNull(published.poll(200, TimeUnit.MILLISECONDS), "nothing was published that the history lacks");
    }

    assertEquals("P-9", history.getString("patient"));
    assertEquals("icu", history.getString("ward"));
    assertEquals(10, history.getInteger("bucketSeconds"));
    long windowMillis = Duration.between(history.getInstant("from"), history.getInstant("to")).toMillis();
    assertTrue(windowMillis >= 590_000 && windowMillis < 600_000, "60 buckets ending now, got " + windowMillis);
    assertEquals(0, history.getInstant("from").toEpochMilli() % 10_000, "from is a bucket boundary");
    assertEquals("[[" + millis(7) + ",70.0,60.0,95.0],[" + millis(15) + ",190.0,190.0,190.0]]",
        history.getJsonObject("series").getJsonArray("PULSE").encode(), "400 was refused, 60 came late");
    assertEquals("[[" + millis(15) + ",97.0,97.0,97.0]]",
        history.getJsonObject("series").getJsonArray("SPO2").encode());
    assertEquals(List.of("PULSE", "SPO2"), List.copyOf(history.getJsonObject("series").fieldNames()));
    assertEquals(PULSE_LIMITS, history.getJsonObject("limits").getJsonArray("PULSE").encode());
    assertEquals("[{\"below\":88,\"priority\":\"HIGH\",\"delaySeconds\":5,\"hysteresis\":2},"
        + "{\"below\":92,\"priority\":\"MEDIUM\",\"delaySeconds\":10,\"hysteresis\":2}]",
        history.getJsonObject("limits").getJsonArray("SPO2").encode(), "the icu's own SpO2 limits");
  }

  @Test
  void minutesNarrowTheWindowAndValuesOlderThanTheHourAreNotKept() {
    Instant hourAgo = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
    try (DeviceClient device = new DeviceClient(node.devicePort())) {
      send(device, "HELLO|Device=MON-3", "Temp=36.6|Ts=" + hourAgo.minus(1, ChronoUnit.MINUTES),
          "Temp=37.5|Ts=" + base.minus(25, ChronoUnit.MINUTES), "Temp=38.1|Ts=" + base);

      assertEquals("[[" + base.minus(25, ChronoUnit.MINUTES).toEpochMilli() + ",37.5,37.5,37.5],[" + millis(0)
          + ",38.1,38.1,38.1]]", temperatures(""));
      assertEquals(temperatures(""), temperatures("?minutes=60"), "60 minutes by default");
      assertEquals("[[" + millis(0) + ",38.1,38.1,38.1]]", temperatures("?minutes=10"));
      JsonObject lastMinute = new JsonObject(http.get("/api/patients/MON-3@/history?minutes=1").body());
      assertEquals(new JsonObject(), lastMinute.getJsonObject("series"));
      assertEquals("unassigned", lastMinute.getString("ward"), "found by device id");
    }
  }

  @Test
  void historyRefusesBadMinutesAndUnknownPatients() {
    try (DeviceClient device = new DeviceClient(node.devicePort())) {
      send(device, "HELLO|Device=MON-4|Patient=P-4", "Pulse=80");

      for (String minutes : List.of("0", "61", "abc", "1.5", "", "-5", "+5", "1e1", "99999999999")) {
        Reply refused = http.get("/api/patients/P-4/history?minutes=" + URLEncoder.encode(minutes, UTF_8));
        assertEquals(400, refused.statusCode(), minutes);
        assertEquals("minutes must be a whole number from 1 to 60, got '" + minutes + "'", refused.body().toString());
      }
      Reply twice = http.get("/api/patients/P-4/history?minutes=5&minutes=6");
      assertEquals(400, twice.statusCode());
      assertEquals("minutes must be given once, got 2 values", twice.body().toString());
      Reply unknown = http.get("/api/patients/nobody/history");
      assertEquals(404, unknown.statusCode());
      assertEquals("no patient nobody", unknown.body().toString());
      assertEquals(200, http.get("/api/patients/P-4/history?minutes=05").statusCode());
    }
  }

  @Test
  void wardsCountPatientsAndTheirAlarmsActiveOrAwaitingAcknowledgement(Vertx vertx) {
    try (DeviceClient high = new DeviceClient(node.devicePort());
        DeviceClient latched = new DeviceClient(node.devicePort());
        DeviceClient invalid = new DeviceClient(node.devicePort())) {
      send(high, "HELLO|Device=MON-1|Patient=P-1|Ward=icu", "Pulse=190");
      send(latched, "HELLO|Device=MON-2|Patient=P-2|Ward=icu", "Pulse=30", "Pulse=70");
      send(invalid, "HELLO|Device=MON-5|Patient=P-5|Ward=b2", "Pulse=80", "Pulse=400");
      String alarmId = new JsonObject(http.get("/api/patients/P-1").body()).getJsonArray("alarms").stream()
          .map(JsonObject.class::cast).filter(alarm -> "THRESHOLD:PULSE".equals(alarm.getString("condition")))
          .findFirst().orElseThrow().getString("id");
      JsonObject acknowledge = new JsonObject().put("action", "acknowledge").put("alarmId", alarmId)
          .put("user", "nurse.kim");
      vertx.eventBus().request(Addresses.WARD_ACTIONS, acknowledge, // as the bridge addresses a screen's action
          new DeliveryOptions().addHeader(Addresses.WARD_HEADER, "icu")).await();

      assertEquals(new JsonArray()
              .add(new JsonObject().put("ward", "b2").put("patients", 1).put("alarms", counts(0, 0, 0))
                  .put("technical", counts(0, 0, 1)))
              // P-1's HIGH pulse, acknowledged, and P-2's latched; the MEDIUM NEWS2 alarm of P-1's pulse (a single 3:
              // low-medium), and P-2's, whose pulse is back but ends only a minute after
              .add(new JsonObject().put("ward", "icu").put("patients", 2).put("alarms", counts(2, 2, 0))
                  .put("technical", counts(0, 0, 0))),
          new JsonArray(http.get("/api/wards").body()));
    }
  }

  @Test
  void patientsOfOneWardOnlyAndWardsThatCannotExistRefused() {
    try (DeviceClient device = new DeviceClient(node.devicePort())) {
      send(device, "Device=MON-6|Patient=P-6|Ward=icu|Pulse=80", "Device=MON-7|Patient=P-7|Ward=b2|Pulse=80");

      JsonArray icu = new JsonArray(http.get("/api/patients?ward=icu").body());
      assertEquals(List.of("P-6"), icu.stream().map(p -> ((JsonObject) p).getString("patient")).toList());
      assertEquals(new JsonArray(), new JsonArray(http.get("/api/patients?ward=nowhere").body()));
      assertEquals(2, new JsonArray(http.get("/api/patients").body()).size());
      for (String ward : List.of("bad!", "", "a%20b", "x".repeat(33))) {
        Reply refused = http.get("/api/patients?ward=" + ward);
        assertEquals(400, refused.statusCode(), ward);
        assertTrue(refused.body().toString().startsWith("ward must be 1 to 32 of A-Z a-z 0-9 _ -, got '"),
            refused.body().toString());
      }
    }
  }

  /**
   * Sends each frame once the one before is answered, so a rejected frame's technical alarm comes before the next
   * frame, and the engine has every frame before a query. Pulse 400 is out of range: that frame alone is refused.
   */
  private static void send(DeviceClient device, String... frames) {
    for (String frame : frames) {
      device.send(frame + "\n");
      assertTrue(device.readLine().startsWith(frame.contains("Pulse=400") ? "NAK" : "ACK"), frame);
    }
  }

  private String temperatures(String query) {
    return new JsonObject(http.get("/api/patients/MON-3@/history" + query).body()).getJsonObject("series")
        .getJsonArray("TEMPERATURE").encode();
  }

  private long millis(long seconds) {
    return base.plusSeconds(seconds).toEpochMilli();
  }

  private static JsonObject counts(int high, int medium, int low) {
    return new JsonObject().put("HIGH", high).put("MEDIUM", medium).put("LOW", low);
  }
}
