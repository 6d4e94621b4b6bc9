package org.wardwatch.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;

/** {@link SockJsClient} over the SockJS WebSocket transport ({@code /eventbus/<server>/<session>/websocket}). */
public final class WebSocketSockJsClient extends SockJsClient {

  private final WebSocketClient client;
  private WebSocket socket;

  private WebSocketSockJsClient(Vertx vertx) {
    this.client = vertx.createWebSocketClient();
  }

  /** Connects and waits for the SockJS open frame; {@code origin} may be {@code null} (a non-browser client). */
  public static WebSocketSockJsClient connect(Vertx vertx, int port, String origin) {
    WebSocketSockJsClient sockJs = new WebSocketSockJsClient(vertx);
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost("127.0.0.1")
        .setPort(port)
        .setURI(sessionPath() + "/websocket");
    if (origin != null) {
      options.addHeader("Origin", origin);
    }
    // The handler is set as the connection completes, on its event loop, so the open frame cannot slip past it.
    sockJs.socket = sockJs.client.connect(options)
        .onSuccess(socket -> socket.textMessageHandler(sockJs::onFrame))
        .await();
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
