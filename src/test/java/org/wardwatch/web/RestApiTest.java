package org.wardwatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.wardwatch.bus.Addresses;
import org.wardwatch.testing.DeviceClient;
import org.wardwatch.testing.SockJsClient;
import org.wardwatch.testing.TestNode;
import org.wardwatch.testing.WebSocketSockJsClient;
import org.wardwatch.web.RestClient.Reply;

/**
 * The REST API of a node over real HTTP: health, patients listed and found, a clinician's assessment and limit override
 * audited with where they came from, the audit trail read in pages, and unknown paths, methods and malformed requests
 * answered in plain words.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class RestApiTest extends HttpNodeFixture {

  @Test
  void healthIsUp() {
    Reply response = request(HttpMethod.GET, "/health", null);
    assertEquals(200, response.statusCode());
    assertEquals("UP", new JsonObject(response.body()).getString("status"));
  }

  @Test
  void anUnknownPathOrAMethodARouteDoesNotTakeIsAnsweredInPlainWords() {
    Reply unknown = request(HttpMethod.GET, "/api/nothing-here", null);
    Reply delete = request(HttpMethod.DELETE, "/api/patients/X1", null);
    Reply post = request(HttpMethod.POST, "/health", null);
    Reply typo = request(HttpMethod.POST, "/api/patients/X1/assesment", null);

    assertEquals(404, unknown.statusCode());
    assertEquals("no such resource: /api/nothing-here", unknown.body().toString());
    assertEquals(405, delete.statusCode());
    assertEquals("DELETE is not allowed on /api/patients/X1", delete.body().toString());
    assertEquals("GET, HEAD", delete.getHeader("Allow"), "a 405 names the methods the path takes");
    assertEquals(404, typo.statusCode(), "no route takes that path, whatever the method");
    assertEquals(405, post.statusCode());
    assertEquals("GET, HEAD", post.getHeader("Allow"));
    assertEquals("PUT", request(HttpMethod.POST, "/api/patients/X1/limits", null).getHeader("Allow"));
    assertEquals("GET, HEAD", request(HttpMethod.POST, "/api/patients/X1/history", null).getHeader("Allow"));
    assertEquals("GET, HEAD", request(HttpMethod.TRACE, "/", null).getHeader("Allow"), "the dashboard's files");
    assertEquals(200, request(HttpMethod.HEAD, "/api/patients", null).statusCode(), "HEAD wherever GET");
    assertEquals(200, request(HttpMethod.HEAD, "/health", null).statusCode());
    assertTrue(post.getHeader("Content-Type").startsWith("text/plain"), post.getHeader("Content-Type"));
  }

  @Test
  void patientsApiListsAndFindsPatientsByPatientIdElseDevice() {
    try (DeviceClient device = new DeviceClient(node.devicePort())) {
      device.send("HELLO|Device=API-1|Patient=P-42|Bed=2|Ward=icu\nSpO2=96|Seq=1\nDevice=API-2|Pulse=70|Seq=1\n");
      device.readLine();
      device.readLine();
      device.readLine();
    }

    JsonArray all = new JsonArray(request(HttpMethod.GET, "/api/patients", null).body());
    assertEquals(2, all.size());
    JsonObject byPatientId = new JsonObject(request(HttpMethod.GET, "/api/patients/P-42", null).body());
    assertEquals("API-1", byPatientId.getString("device"));
    assertEquals(96, byPatientId.getJsonObject("vitals").getJsonObject("SPO2").getInteger("value"));
    JsonObject byDeviceId = new JsonObject(request(HttpMethod.GET, "/api/patients/API-2@", null).body());
    assertEquals("unassigned", byDeviceId.getString("ward"));
    assertEquals(404, request(HttpMethod.GET, "/api/patients/nobody", null).statusCode());
  }

  @Test
  void clinicianSetsAssessmentAndLimitOverrideOverRestAndBothAreAudited() {
    try (DeviceClient device = new DeviceClient(node.devicePort())) {
      device.send("HELLO|Device=API-3|Patient=P-7|Ward=resp\nSpO2=91|Pulse=80|RR=18|BP=120/80|Temp=37.0\n");
      device.readLine();
      device.readLine();
    }

    Reply assessed = request(HttpMethod.POST, "/api/patients/P-7/assessment", null,
        new JsonObject().put("user", " nurse.kim  ").put("consciousness", "A").put("oxygen", "air")
            .put("ward", "icu")); // not the REST API's: a screen's ward, which the bridge sets, filters nothing here
    Reply overridden = request(HttpMethod.PUT, "/api/patients/P-7/limits", null, new JsonObject()
        .put("user", "dr.patel").put("parameter", "SPO2").put("reason", "COPD, target 88-92 %").put("minutes", 240)
        .put("thresholds", new JsonArray().add(new JsonObject().put("below", 86).put("priority", "HIGH"))));
    Reply refused = request(HttpMethod.PUT, "/api/patients/P-7/limits", null,
        new JsonObject().put("user", "dr.patel").put("parameter", "SPO2"));

    assertEquals(200, assessed.statusCode());
    assertEquals(200, overridden.statusCode());
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().toString().contains("'reason' is required"), refused.body().toString());
    JsonObject patient = new JsonObject(request(HttpMethod.GET, "/api/patients/P-7", null).body());
    assertEquals(false, patient.getJsonObject("news2").getBoolean("partial"));
    assertEquals("SPO2", patient.getJsonArray("limitOverrides").getJsonObject(0).getString("parameter"));
    assertEquals(400, request(HttpMethod.GET, "/api/alarms?since=yesterday", null).statusCode());
    JsonArray audit = new JsonArray(request(HttpMethod.GET, "/api/alarms?patient=P-7", null).body());
    assertTrue(audit.stream().map(JsonObject.class::cast).anyMatch(e -> "ASSESSMENT".equals(e.getString("type"))
        && "nurse.kim".equals(e.getString("actor"))), "recorded as the name, not as typed");
    assertTrue(audit.stream().map(JsonObject.class::cast).anyMatch(e -> "LIMIT_OVERRIDE".equals(e.getString("type"))
        && "dr.patel".equals(e.getString("actor"))));
  }

  @Test
  void aClinicalActionIsAuditedWithWhereItCameFromAsTheGatewaySawIt() {
    JsonObject forged = new JsonObject().put("origin", "the pharmacy");
    try (DeviceClient device = new DeviceClient(node.devicePort());
        SockJsClient browser = WebSocketSockJsClient.connect(vertx, node.httpPort(), TestNode.DASHBOARD_ORIGIN)) {
      device.send("HELLO|Device=API-4|Patient=P-8|Ward=icu\nSpO2=96\n");
      device.readLine();
      device.readLine();

      request(HttpMethod.POST, "/api/patients/P-8/assessment", null,
          forged.copy().put("user", "nurse.kim").put("consciousness", "A"));
      browser.request(Addresses.wardActions("icu"), forged.copy().put("action", "assess").put("patient", "P-8")
          .put("user", "nurse.lee").put("oxygen", "air"));

      JsonArray audit = new JsonArray(request(HttpMethod.GET, "/api/alarms?patient=P-8", null).body());
      assertEquals(List.of("api 127.0.0.1", "bridge 127.0.0.1"), audit.stream().map(JsonObject.class::cast)
          .map(entry -> entry.getString("origin")).toList());
    }
  }

  @Test
  void theAuditTrailIsReadInPagesEachNamingTheNext() {
    try (DeviceClient device = new DeviceClient(node.devicePort())) { // connected throughout: no disconnection
      device.send("HELLO|Device=API-5|Patient=P-9|Ward=icu\nSpO2=96\n");
      device.readLine();
      device.readLine();
      for (String flow : List.of("air", "1", "2")) {
        request(HttpMethod.POST, "/api/patients/P-9/assessment", null,
            new JsonObject().put("user", "nurse.kim").put("oxygen", flow));
      }

      Reply first = request(HttpMethod.GET, "/api/alarms?patient=P-9&limit=2", null);
      String next = first.getHeader("Link");
      assertTrue(next.startsWith("</api/alarms?patient=P-9&since=") && next.endsWith("&skip=0&limit=2>; rel=\"next\""),
          next);
      Reply second = request(HttpMethod.GET, next.substring(1, next.indexOf('>')), null);

      assertEquals(List.of("air", "oxygen 1 L/min"), details(first));
      assertEquals(List.of("oxygen 2 L/min"), details(second));
      assertEquals(null, second.getHeader("Link"), "the last page names no next one");
      assertEquals(3, details(request(HttpMethod.GET, "/api/alarms?patient=P-9", null)).size());
    }
    for (String limit : List.of("0", "10001", "two")) {
      Reply refused = request(HttpMethod.GET, "/api/alarms?limit=" + limit, null);
      assertEquals(400, refused.statusCode(), limit);
      assertEquals("limit must be a whole number from 1 to 10000", refused.body().toString());
    }
    assertEquals(400, request(HttpMethod.GET, "/api/alarms?skip=-1", null).statusCode());
  }

  private static List<String> details(Reply page) {
    return new JsonArray(page.body()).stream().map(JsonObject.class::cast).map(entry -> entry.getString("detail"))
        .toList();
  }

  @Test
  void aClientsMalformedRequestIsAnsweredInPlainWordsAndLoggedAsNoError() throws IOException {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    root.addAppender(logged);
    try {
      String badEscape = rawGet("/api/patients/%ZZ"); // no HTTP client sends it
      Reply tooLarge = http.request(HttpMethod.POST, "/api/patients/X1/assessment", null, "application/json",
          new byte[128 * 1024]);

      assertTrue(badEscape.startsWith("HTTP/1.1 400 "), badEscape);
      assertTrue(badEscape.contains("text/plain") && badEscape.contains("escape"), badEscape.replace("\r\n", " / "));
      assertEquals(413, tooLarge.statusCode());
      assertEquals(List.of(), logged.list.stream().filter(event -> event.getLevel() == Level.ERROR)
          .map(ILoggingEvent::getFormattedMessage).toList(), "a client's mistake is no error of the node");
    } finally {
      root.detachAppender(logged);
    }
  }

  /** The whole answer to a GET of {@code path} as written, which the node closes after answering. */
  private String rawGet(String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", node.httpPort())) {
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
