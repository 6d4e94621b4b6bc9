package org.wardwatch.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

/** {@link SockJsClient} over the SockJS WebSocket transport ({@code /eventbus/<server>/<session>/websocket}). */
public final class WebSocketSockJsClient extends SockJsClient {

  private final WebSocketClient client;
  private WebSocket socket;

  private WebSocketSockJsClient(Vertx vertx, WebSocketClientOptions options) {
    this.client = vertx.createWebSocketClient(options);
  }

  /** Connects and waits for the SockJS open frame; {@code origin} may be {@code null} (a non-browser client). */
  public static WebSocketSockJsClient connect(Vertx vertx, int port, String origin) {
    return connect(vertx, port, origin, new WebSocketClientOptions());
  }

  /** {@link #connect(Vertx, int, String)} with the client's {@code options} (TLS, say). */
  public static WebSocketSockJsClient connect(Vertx vertx, int port, String origin, WebSocketClientOptions client) {
    WebSocketSockJsClient sockJs = new WebSocketSockJsClient(vertx, client);
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost("127.0.0.1")
        .setPort(port)
        .setURI(sessionPath() + "/websocket");
    if (origin != null) {
      options.addHeader("Origin", origin);
    }
    // The handler is set before connecting: one set once the connection completes can miss the open frame, which
    // Vert.x drops when no handler is there yet (the session then waits for the bridge's idle close).
    ClientWebSocket socket = sockJs.client.webSocket();
    socket.textMessageHandler(sockJs::onFrame);
    sockJs.socket = socket.connect(options).await();
    sockJs.opened().await();
    return sockJs;
  }

  @Override
  protected Future<Void> write(String sockJsFrame) {
    return socket.writeTextMessage(sockJsFrame);
  }

  @Override
  public void close() {
    socket.close().await();
    client.close().await();
  }
}
