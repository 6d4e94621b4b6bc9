package org.wardwatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.bus.Addresses;
import org.wardwatch.node.NodeVerticle;
import org.wardwatch.testing.DeviceClient;
import org.wardwatch.testing.SockJsClient;
import org.wardwatch.testing.TestNode;
import org.wardwatch.testing.WebSocketSockJsClient;
import org.wardwatch.web.RestClient.Reply;

/**
 * The browser's side of a node over real HTTP: the static dashboard served locally with security headers, and the
 * event-bus bridge's access policy: origins allowed, transports, addresses a page may use, and actions refused from a
 * foreign page, in a body not declared JSON or for another ward.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class HttpBridgeVerticleTest extends HttpNodeFixture {

  private static final String FOREIGN_ORIGIN = "http://evil.test";

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
}
