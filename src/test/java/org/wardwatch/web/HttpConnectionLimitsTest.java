package org.wardwatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.node.NodeVerticle;
import org.wardwatch.testing.TestNode;

/**
 * The HTTP listener keeps its connections bounded as the device and HL7 listeners do: a script holding connections
 * open, idle or half-sent, cannot take the file descriptors the devices need.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class HttpConnectionLimitsTest {

  @Test
  void aConnectionOverTheMostIsClosedAtOnceAndTheNextFindsRoomOnceOneCloses(Vertx vertx) throws IOException {
    NodeVerticle node = TestNode.deploy(vertx, new JsonObject().put("http", new JsonObject().put("maxConnections", 2)));
    try (Socket first = connect(node); Socket second = connect(node); Socket third = connect(node)) {
      assertEquals(-1, readWithin(third, 5000), "the third connection is closed unanswered");
      first.close();
      second.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      assertEquals('H', readWithin(second, 5000), "the connections admitted are served");
    }
    assertEquals(200, new RestClient(node.httpPort()).request(HttpMethod.GET, "/health", null, null).statusCode(),
        "once connections close, new ones are admitted");
  }

  @Test
  void aWebSocketSessionGivesItsPlaceBackWhenItCloses(Vertx vertx) {
    NodeVerticle node = TestNode.deploy(vertx, new JsonObject().put("http", new JsonObject().put("maxConnections", 2)));
    WebSocketClient client = vertx.createWebSocketClient();
    for (int session = 0; session < 5; session++) { // more sessions, one after another, than there are places
      client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(node.httpPort())
          .setURI("/eventbus/websocket").addHeader("Origin", TestNode.DASHBOARD_ORIGIN)).await().close().await();
    }
    client.close().await();
    assertEquals(200, new RestClient(node.httpPort()).request(HttpMethod.GET, "/health", null, null).statusCode(),
        "the closed sessions' places are free again");
  }

  @Test
  @Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
  void aConnectionThatSendsNothingOrHalfARequestIsClosedOnceIdle(Vertx vertx) throws IOException {
    NodeVerticle node = TestNode.deploy(vertx,
        new JsonObject().put("http", new JsonObject().put("idleTimeoutSeconds", 30))); // the least: SockJS beats 25 s
    try (Socket silent = connect(node); Socket halfSent = connect(node)) {
      halfSent.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));

      assertEquals(-1, readWithin(silent, 45_000));
      assertEquals(-1, readWithin(halfSent, 5_000));
    }
  }

  private static Socket connect(NodeVerticle node) throws IOException {
    return new Socket(InetAddress.getLoopbackAddress(), node.httpPort());
  }

  /** The first byte {@code socket} reads, or -1 once it is closed by the server; fails after {@code millis}. */
  private static int readWithin(Socket socket, int millis) throws IOException {
    socket.setSoTimeout(millis);
    InputStream in = socket.getInputStream();
    return in.read();
  }
}
