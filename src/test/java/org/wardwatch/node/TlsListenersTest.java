package org.wardwatch.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.bus.Addresses;
import org.wardwatch.testing.DeviceClient;
import org.wardwatch.testing.MllpClient;
import org.wardwatch.testing.Pcd01Messages;
import org.wardwatch.testing.SockJsClient;
import org.wardwatch.testing.TestNode;
import org.wardwatch.testing.TestTls;
import org.wardwatch.testing.WebSocketSockJsClient;
import org.wardwatch.web.RestClient;

/**
 * A node whose listeners all speak TLS, with the test certificates: devices need a certificate from the hospital's CA
 * (mutual TLS), HL7 senders and browsers only check the node's. Real sockets and handshakes throughout.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class TlsListenersTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private Vertx vertx;
  private NodeVerticle node;

  @BeforeEach
  void startNode(Vertx vertx) {
    this.vertx = vertx;
    node = TestNode.deploy(vertx, new JsonObject()
        .put("http", new JsonObject().put("tls", TestTls.listener(false)))
        .put("devices", new JsonObject().put("tls", TestTls.listener(true)))
        .put("hl7", new JsonObject().put("tls", TestTls.listener(false))));
  }

  @Test
  void aMonitorWithTheHospitalsCertificateIsHeardAndItsVitalsReachABrowserOverWss() {
    String vitals = Addresses.wardVitals("tls-ward");
    WebSocketClientOptions wss = new WebSocketClientOptions().setSsl(true).setTrustOptions(TestTls.trustTheTestCa());
    try (SockJsClient browser = WebSocketSockJsClient.connect(vertx, node.httpPort(), TestNode.DASHBOARD_ORIGIN, wss);
        DeviceClient monitor = new DeviceClient(TestTls.connect(node.devicePort(), "device"))) {
      browser.register(vitals);
      monitor.send("HELLO|Device=TLS-1|Bed=4|Ward=tls-ward\nPulse=82|SpO2=97\n");
      assertEquals("ACK|", monitor.readLine());
      assertEquals("ACK|", monitor.readLine());

      JsonObject snapshot = browser.awaitBody(vitals, body -> true, WAIT);

      assertEquals("TLS-1@tls-ward:4", snapshot.getString("patient"));
      assertEquals(82, snapshot.getJsonObject("vitals").getJsonObject("PULSE").getInteger("value"));
    }
  }

  @Test
  void aDeviceWithoutACertificateWithAStrangersOrSpeakingPlainTcpIsNeverHeard() {
    for (String client : new String[] {null, "stranger"}) {
      assertTrue(refused(() -> new DeviceClient(TestTls.connect(node.devicePort(), client))), "client " + client);
    }
    assertTrue(refused(() -> new DeviceClient(node.devicePort())), "plain TCP");
    assertEquals(0, patients().size(), "no frame of theirs was applied");
  }

  @Test
  void anHl7SenderIsAnsweredOverTls() {
    try (MllpClient sender = new MllpClient(TestTls.connect(node.hl7Port(), null))) {
      sender.send(Pcd01Messages.vitals("MON-TLS", "C1", "TLS-HL7", "tls-ward", "2", Instant.now(), 75));

      String ack = sender.readAck();

      assertTrue(ack.contains("MSA|AA|C1"), ack);
    }
  }

  @Test
  void everyListenerRefusesCipherSuitesWithoutForwardSecrecy() throws IOException {
    for (int port : new int[] {node.httpPort(), node.hl7Port(), node.devicePort()}) {
      assertThrows(UncheckedIOException.class, () -> TestTls.connect(port, "device", "TLS_RSA_WITH_AES_128_GCM_SHA256"),
          "static RSA key exchange on port " + port);
      TestTls.connect(port, "device", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256").close();
    }
  }

  @Test
  void theDashboardAndTheApiAnswerOverHttpsOnly() {
    HttpClient https = vertx.createHttpClient(new HttpClientOptions().setSsl(true)
        .setTrustOptions(TestTls.trustTheTestCa()));
    HttpClient plain = vertx.createHttpClient();

    HttpClientResponse health = https.request(HttpMethod.GET, node.httpPort(), "127.0.0.1", "/health")
        .compose(request -> request.send()).await();
    assertEquals(200, health.statusCode());
    assertTrue(health.getHeader("Strict-Transport-Security").startsWith("max-age="), "browsers keep to HTTPS");
    String page = https.request(HttpMethod.GET, node.httpPort(), "localhost", "/")
        .compose(request -> request.send()).compose(response -> response.body()).await().toString();
    assertTrue(page.contains("WardWatch"), page);
    assertThrows(RuntimeException.class, () -> plain.request(HttpMethod.GET, node.httpPort(), "127.0.0.1", "/health")
        .compose(request -> request.send()).await());
  }

  @Test
  void theSimulatorsBedsConnectOverMutualTlsWithTheCertificateItIsGiven() throws InterruptedException {
    JsonObject simulatorTls = new JsonObject().put("trustPath", TestTls.path("ca.pem"))
        .put("certPath", TestTls.path("device.pem")).put("keyPath", TestTls.path("device-key.pem"));
    Vertx own = Vertx.vertx(); // a node of its own: two in one Vert.x instance would share the engine's addresses
    try {
      NodeVerticle demo = TestNode.deploy(own, new JsonObject()
          .put("devices", new JsonObject().put("tls", TestTls.listener(true)))
          .put("simulator", new JsonObject().put("enabled", true).put("beds", 2).put("intervalMs", 100)
              .put("ward", "sim-tls").put("tls", simulatorTls)));
      RestClient http = new RestClient(demo.httpPort());
      Instant deadline = Instant.now().plus(WAIT);
      int heard = 0;
      while (heard < 2 && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
        heard = new JsonArray(http.get("/api/patients?ward=sim-tls").body()).size();
      }

      assertEquals(2, heard, "both beds' monitors were heard");
    } finally {
      own.close().await();
    }
  }

  @Test
  void withDevicesNamedByTheirCertificatesAMonitorSpeaksForItselfOnly() {
    Vertx own = Vertx.vertx(); // a node of its own: two in one Vert.x instance would share the engine's addresses
    try {
      NodeVerticle bound = TestNode.deploy(own, new JsonObject().put("devices", new JsonObject()
          .put("tls", TestTls.listener(true)).put("certificateNamesDevice", true)));
      try (DeviceClient monitor = new DeviceClient(TestTls.connect(bound.devicePort(), "device"))) {
        monitor.send("HELLO|Device=monitor-bed-1|Ward=tls-ward\nPulse=82|Seq=1\n");
        assertEquals("ACK|", monitor.readLine());
        assertEquals("ACK|1", monitor.readLine());

        monitor.send("Device=monitor-bed-2|Pulse=190|Seq=2\nHELLO|Device=monitor-bed-2|Seq=3\n");

        assertEquals("NAK|2|device monitor-bed-2 is not one this connection's certificate names [monitor-bed-1]",
            monitor.readLine(), "the certificate is monitor-bed-1's (its common name)");
        assertTrue(monitor.readLine().startsWith("NAK|3|device monitor-bed-2 is not one"));
      }
    } finally {
      own.close().await();
    }
  }

  /** True when the device opened by {@code connect} is cut off (at the handshake, or after saying HELLO). */
  private static boolean refused(java.util.function.Supplier<DeviceClient> connect) {
    try (DeviceClient device = connect.get()) {
      device.send("HELLO|Device=INTRUDER|Ward=tls-ward\nPulse=82\n");
      return device.closedWithin(WAIT);
    } catch (UncheckedIOException handshakeFailed) {
      return true;
    }
  }

  private JsonArray patients() {
    HttpClient https = vertx.createHttpClient(new HttpClientOptions().setSsl(true)
        .setTrustOptions(TestTls.trustTheTestCa()));
    return https.request(HttpMethod.GET, node.httpPort(), "127.0.0.1", "/api/patients")
        .compose(request -> request.send()).compose(response -> response.body()).await().toJsonArray();
  }
}
