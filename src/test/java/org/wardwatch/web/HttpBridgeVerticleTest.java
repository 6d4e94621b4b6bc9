package org.wardwatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.wardwatch.bus.Addresses;
import org.wardwatch.node.NodeVerticle;
import org.wardwatch.testing.DeviceClient;
import org.wardwatch.testing.SockJsClient;
import org.wardwatch.testing.TestNode;
import org.wardwatch.testing.WebSocketSockJsClient;
import org.wardwatch.web.RestClient.Reply;

/** The HTTP side of a node over real HTTP: REST snapshot, health, static dashboard, and the bridge's access policy. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class HttpBridgeVerticleTest {

  private static final String FOREIGN_ORIGIN = "http://evil.test";

  private Vertx vertx;
  private NodeVerticle node;
  private RestClient http;

  @BeforeEach
  void startNode(Vertx vertx) {
    this.vertx = vertx;
    node = TestNode.deploy(vertx);
    http = new RestClient(node.httpPort());
  }

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
  void aPageCannotActOnAnotherWardByNamingItInItsHeaders() {
    try (DeviceClient device = new DeviceClient(node.devicePort());
        SockJsClient browser = WebSocketSockJsClient.connect(vertx, node.httpPort(), TestNode.DASHBOARD_ORIGIN)) {
      device.send("HELLO|Device=API-9|Patient=P-9|Ward=b2\nSpO2=96\n");
      device.readLine();
      device.readLine();

      browser.send(new JsonObject().put("type", "send").put("address", Addresses.wardActions("icu"))
          .put("headers", new JsonObject().put("Ward", "b2")).put("replyAddress", "forged-ward")
          .put("body", new JsonObject().put("action", "assess").put("patient", "P-9").put("user", "nurse.lee")
              .put("oxygen", "air")));

      JsonObject reply = browser.await(message -> "forged-ward".equals(message.getString("address"))
          || "err".equals(message.getString("type")), Duration.ofSeconds(10));
      assertEquals(404, reply.getInteger("failureCode"), reply::encode); // icu's screens know no patient of b2
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
  void aClinicalActionFromAForeignPageOrNotDeclaredJsonIsRefusedAndNoUploadIsKept() throws Exception {
    byte[] assessment = new JsonObject().put("user", "mallory").put("consciousness", "U").encode()
        .getBytes(StandardCharsets.UTF_8);
    String boundary = "b0undary";
    byte[] upload = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"f.bin\"\r\n\r\n"
        + "x".repeat(30_000) + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    long uploadsBefore = filesIn(Path.of("file-uploads"));

    Reply foreign = http.request(HttpMethod.POST, "/api/patients/P-7/assessment", FOREIGN_ORIGIN, "text/plain",
        assessment);
    Reply plainText = http.request(HttpMethod.POST, "/api/patients/P-7/assessment", null, "text/plain", assessment);
    Reply form = http.request(HttpMethod.POST, "/api/patients/P-7/assessment", TestNode.DASHBOARD_ORIGIN,
        "multipart/form-data; boundary=" + boundary, upload);
    Reply bridgeForm = http.request(HttpMethod.POST, "/eventbus/1/upload1/xhr_send", null,
        "multipart/form-data; boundary=" + boundary, upload);

    assertEquals(403, foreign.statusCode(), "a page of another origin may not act on a patient");
    assertEquals("origin http://evil.test is not allowed here: http.allowedOrigins is [" + TestNode.DASHBOARD_ORIGIN
        + "]", foreign.body().toString(), "said, so that a dashboard opened under another name is no mystery");
    assertEquals(415, plainText.statusCode());
    assertTrue(plainText.body().toString().contains("application/json"), plainText.body().toString());
    assertEquals(415, form.statusCode());
    assertEquals(404, bridgeForm.statusCode());
    assertEquals(uploadsBefore, filesIn(Path.of("file-uploads")), "no uploaded file is written to disk");
    assertEquals(200, http.request(HttpMethod.GET, "/api/patients", TestNode.DASHBOARD_ORIGIN, null).statusCode());
    assertEquals(403, http.request(HttpMethod.GET, "/api/patients", FOREIGN_ORIGIN, null).statusCode());
  }

  @Test
  void anXhrSendFrameOfJsonButNotSockJsIsRefusedAsBrokenJson() throws Exception {
    Reply mixed = http.request(HttpMethod.POST, "/eventbus/1/mixed1/xhr_send", null, "text/plain",
        "[\"{}\",null]".getBytes(StandardCharsets.UTF_8));
    Reply strings = http.request(HttpMethod.POST, "/eventbus/1/mixed1/xhr_send", null, "text/plain",
        "[\"{}\"]".getBytes(StandardCharsets.UTF_8));

    assertEquals(500, mixed.statusCode(), "vertx-web's transport threw on the null");
    assertEquals("Broken JSON encoding.", mixed.body().toString());
    assertEquals(404, strings.statusCode(), "a frame of strings goes on to the transport: no such session");
    for (String unwrapped : List.of("{\"type\":\"ping\"}", "1", "true", "null")) {
      assertEquals(500, http.request(HttpMethod.POST, "/eventbus/1/mixed1/xhr_send", null, "text/plain",
          unwrapped.getBytes(StandardCharsets.UTF_8)).statusCode(), unwrapped + " is no SockJS frame");
    }
  }

  private static long filesIn(Path directory) throws Exception {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.count();
    }
  }

  @Test
  void dashboardAndItsLibrariesAreServedLocallyWithSecurityHeaders() {
    Reply page = request(HttpMethod.GET, "/", null);
    assertEquals(200, page.statusCode());
    assertTrue(page.getHeader("Content-Type").startsWith("text/html"));
    assertTrue(page.getHeader("Content-Security-Policy").contains("default-src 'self'"));
    assertEquals("DENY", page.getHeader("X-Frame-Options"));
    assertEquals("no-cache", page.getHeader("Cache-Control"), "unversioned files: checked again on every load");
    assertTrue(page.getHeader("Last-Modified") != null, "so that the check is cheap");
    assertEquals("no-cache", request(HttpMethod.GET, "/js/model.js", null).getHeader("Cache-Control"));
    for (String data : List.of("/api/patients", "/api/alarms", "/health", "/health/ready", "/api/patients/nobody",
        "/./api/patients", "/%61pi/patients")) { // the last two: the same route, as the router reads the path
      Reply answer = request(HttpMethod.GET, data, null);
      assertEquals("no-store", answer.getHeader("Cache-Control"), data + ": patient data is kept by no cache");
      assertEquals("nosniff", answer.getHeader("X-Content-Type-Options"), data);
    }
    assertEquals("nosniff", page.getHeader("X-Content-Type-Options"));
    assertEquals(null, page.getHeader("Strict-Transport-Security"), "plain HTTP: HSTS comes with TLS");
    assertEquals(200, request(HttpMethod.GET, "/webjars/sockjs-client/1.6.1/dist/sockjs.min.js", null).statusCode());
    assertEquals(200, request(HttpMethod.GET, "/vendor/vertx-eventbus/vertx-eventbus.js", null).statusCode());
  }

  @Test
  void dashboardOriginMayUseXhrTransport() {
    Reply response = request(HttpMethod.POST, "/eventbus/1/origintest/xhr", TestNode.DASHBOARD_ORIGIN);
    assertEquals(200, response.statusCode());
    assertEquals(TestNode.DASHBOARD_ORIGIN, response.getHeader("Access-Control-Allow-Origin"));
  }

  @Test
  void withoutConfiguredOriginsThePagesOwnOriginOnTheBoundPortMayUseTheBridge(Vertx vertx) {
    NodeVerticle ownOrigins = TestNode.deploy(vertx,
        new JsonObject().put("http", new JsonObject().put("allowedOrigins", new JsonArray())));
    RestClient client = new RestClient(ownOrigins.httpPort());
    String own = "http://127.0.0.1:" + ownOrigins.httpPort();

    assertEquals(200, client.request(HttpMethod.GET, "/eventbus/info", own, null).statusCode());
    assertEquals(403, client.request(HttpMethod.GET, "/eventbus/info", "http://127.0.0.1:0", null).statusCode());
    assertEquals(403, client.request(HttpMethod.GET, "/eventbus/info", FOREIGN_ORIGIN, null).statusCode());
  }

  @Test
  void foreignOriginCannotOpenXhrFallbacks() {
    assertEquals(403, request(HttpMethod.POST, "/eventbus/1/foreign1/xhr", FOREIGN_ORIGIN).statusCode());
    assertEquals(403, request(HttpMethod.POST, "/eventbus/1/foreign2/xhr_streaming", FOREIGN_ORIGIN).statusCode());
    assertEquals(403, request(HttpMethod.GET, "/eventbus/info", FOREIGN_ORIGIN).statusCode());
  }

  @Test
  void transportsLoadedWithoutAnOriginAreOff() {
    assertEquals(404, request(HttpMethod.GET, "/eventbus/1/script1/jsonp?c=steal", null).statusCode());
    assertEquals(404, request(HttpMethod.GET, "/eventbus/1/frame1/htmlfile?c=steal", null).statusCode());
    assertEquals(404, request(HttpMethod.GET, "/eventbus/1/events1/eventsource", null).statusCode());
  }

  @Test
  void foreignOriginCannotOpenWebSocket() {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(node.httpPort())
        .setURI("/eventbus/1/foreign3/websocket").addHeader("Origin", FOREIGN_ORIGIN);
    WebSocketClient client = vertx.createWebSocketClient(); // held: Vert.x closes a client it finds unreachable
    Exception rejected = assertThrows(Exception.class, () -> client.connect(options).await());
    client.close().await();
    assertTrue(rejected instanceof UpgradeRejectedException upgrade && upgrade.getStatus() == 403, rejected.toString());
  }

  @Test
  void bridgeRefusesNodeInternalAddressesAndInboundTraffic() {
    try (SockJsClient browser = WebSocketSockJsClient.connect(vertx, node.httpPort(), TestNode.DASHBOARD_ORIGIN)) {
      browser.send(new JsonObject().put("type", "register").put("address", Addresses.DEVICE_EVENTS));
      assertEquals("access_denied", browser.await(m -> "err".equals(m.getString("type")), Duration.ofSeconds(5))
          .getString("body"));
      browser.send(new JsonObject().put("type", "send").put("address", Addresses.WARD_ACTIONS)
          .put("headers", new JsonObject().put(Addresses.WARD_HEADER, "icu")).put("body", new JsonObject()));
      assertEquals("rejected", browser.await(m -> "err".equals(m.getString("type")), Duration.ofSeconds(5))
          .getString("body"), "a page names a ward only by the address it sends its action to");
      browser.send(new JsonObject().put("type", "publish").put("address", Addresses.wardAlarms("icu"))
          .put("body", new JsonObject()));
      assertEquals("rejected", browser.await(m -> "err".equals(m.getString("type")), Duration.ofSeconds(5))
          .getString("body"), "a browser publishes nothing");
      browser.send(new JsonObject().put("type", "publish").put("address", Addresses.wardActions("icu"))
          .put("body", new JsonObject().put("action", "sync").put("user", "nurse.kim")));
      assertEquals("rejected", browser.await(m -> "err".equals(m.getString("type")), Duration.ofSeconds(5))
          .getString("body"), "published, every member would apply the action: sent to one only");
    }
  }

  @Test
  void aPageProbingItsLiveFeedIsAnsweredByItsNodeAndMayNotListenThere() {
    try (SockJsClient browser = WebSocketSockJsClient.connect(vertx, node.httpPort(), TestNode.DASHBOARD_ORIGIN)) {
      assertEquals(new JsonObject().put("ok", true), browser.request(Addresses.LINK_PROBE, new JsonObject()));
      browser.send(new JsonObject().put("type", "register").put("address", Addresses.LINK_PROBE));
      assertEquals("access_denied", browser.await(m -> "err".equals(m.getString("type")), Duration.ofSeconds(5))
          .getString("body"), "inbound only");
    }
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

  private Reply request(HttpMethod method, String uri, String origin) {
    return http.request(method, uri, origin, null);
  }

  private Reply request(HttpMethod method, String uri, String origin, JsonObject json) {
    return http.request(method, uri, origin, json);
  }
}
