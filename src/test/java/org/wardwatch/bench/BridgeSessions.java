package org.wardwatch.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
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
 * registers for the given addresses and pings as the JavaScript client does. A SockJS frame may carry several messages,
 * each a JSON document escaped into a JSON string; each delivered message ({@code rec}) is handed to a consumer as it
 * stands in the frame, its quotes escaped ({@link #inFrame}), found by searching the frame rather than decoding it: at
 * 1,000 sessions the generator's single core decoding every frame was the limit of both bridges (about 60,000
 * deliveries/s).
 */
final class BridgeSessions implements AutoCloseable {

  /** As {@code vertx-eventbus.js}: the bridge closes a session that has not pinged for its ping timeout (10 s). */
  private static final long PING_MS = 5_000;
  private static final String PING = new JsonArray().add(new JsonObject().put("type", "ping").encode()).encode();
  /** Where each delivered message starts in a frame: the bridge's envelope {@code {"type":"rec",...}}. */
  private static final String DELIVERY = inFrame("{\"type\":\"rec\"");

  private final Vertx vertx;
  private final WebSocketClient client;
  private final List<WebSocket> sockets = new ArrayList<>();
  private long pinger;

  private BridgeSessions(Vertx vertx) {
    this.vertx = vertx;
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000)
        .setMaxFrameSize(1 << 20));
  }

  /**
   * Opens {@code count} sessions on {@code port} with {@code origin}, registers each for {@code addresses}, and hands
   * every delivered message to {@code onMessage}. The registrations are sent, not confirmed: callers warm up first.
   */
  static BridgeSessions open(Vertx vertx, int port, String origin, int count, List<String> addresses,
      Consumer<String> onMessage) {
    BridgeSessions sessions = new BridgeSessions(vertx);
    List<Future<WebSocket>> opening = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
          .setURI("/eventbus/" + (i % 1000) + "/" + UUID.randomUUID() + "/websocket")
          .addHeader("Origin", origin);
      ClientWebSocket socket = sessions.client.webSocket(); // handler first: none is there for frames before it
      socket.textMessageHandler(frame -> {
        if (frame.startsWith("a")) { // a["<message>",...]
          for (int at = frame.indexOf(DELIVERY); at >= 0; ) {
            int next = frame.indexOf(DELIVERY, at + DELIVERY.length());
            onMessage.accept(frame.substring(at, next < 0 ? frame.length() : next));
            at = next;
          }
        }
      });
      opening.add(socket.connect(options));
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
    // Each session pings every PING_MS, one at a time as browsers' own timers would: 1,000 pings at once held the
    // generator's event loop for up to 24 ms every 5 s, charged to W4's deliveries.
    int[] next = {0};
    sessions.pinger = vertx.setPeriodic(Math.max(1, PING_MS / sessions.sockets.size()), id -> {
      sessions.sockets.get(next[0]).writeTextMessage(PING);
      next[0] = (next[0] + 1) % sessions.sockets.size();
    });
    return sessions;
  }

  /** How {@code json} stands in a SockJS frame, inside a JSON string: its quotes escaped. */
  static String inFrame(String json) {
    return json.replace("\"", "\\\"");
  }

  @Override
  public void close() {
    vertx.cancelTimer(pinger);
    Future.all(sockets.stream().map(WebSocket::close).toList()).await();
    client.close().await();
  }
}
