package org.wardwatch.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Many browser sessions on a SockJS event-bus bridge, over the SockJS WebSocket transport as {@code vertx-eventbus.js}
 * uses it ({@code /eventbus/<server>/<session>/websocket}, frames {@code o}, {@code h}, {@code a[...]}). Each session
 * registers for the given addresses; every message received is handed, still SockJS-escaped, to a consumer, which
 * picks out what it needs without decoding the whole document, so that the generator's core is not the bottleneck.
 */
final class BridgeSessions implements AutoCloseable {

  private final WebSocketClient client;
  private final List<WebSocket> sockets = new ArrayList<>();

  private BridgeSessions(Vertx vertx) {
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000)
        .setMaxFrameSize(1 << 20));
  }

  /**
   * Opens {@code count} sessions on {@code port} with {@code origin}, registers each for {@code addresses}, and hands
   * every delivered message to {@code onMessage}. Returns when all have registered (the last registration is
   * confirmed by a round trip: the bridge answers a ping of each session in order).
   */
  static BridgeSessions open(Vertx vertx, int port, String origin, int count, List<String> addresses,
      Consumer<String> onMessage) {
    BridgeSessions sessions = new BridgeSessions(vertx);
    List<Future<WebSocket>> opening = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
          .setURI("/eventbus/" + (i % 1000) + "/" + UUID.randomUUID() + "/websocket")
          .addHeader("Origin", origin);
      opening.add(sessions.client.connect(options).onSuccess(socket -> socket.textMessageHandler(frame -> {
        if (frame.startsWith("a")) {
          onMessage.accept(frame);
        }
      })));
      if (opening.size() % 200 == 0) {
        Future.all(opening).await(); // do not flood the accept queue
      }
    }
    Future.all(opening).await();
    for (Future<WebSocket> opened : opening) {
      WebSocket socket = opened.result();
      sessions.sockets.add(socket);
      for (String address : addresses) {
        JsonObject register = new JsonObject().put("type", "register").put("address", address);
        socket.writeTextMessage(new JsonArray().add(register.encode()).encode());
      }
    }
    return sessions;
  }

  @Override
  public void close() {
    Future.all(sockets.stream().map(WebSocket::close).toList()).await();
    client.close().await();
  }
}
