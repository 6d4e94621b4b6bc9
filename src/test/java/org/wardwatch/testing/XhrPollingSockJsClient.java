package org.wardwatch.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * {@link SockJsClient} over plain HTTP, the SockJS xhr-polling transport: each {@code POST .../xhr} returns the frames
 * waiting for the session (or blocks until one arrives), and {@code POST .../xhr_send} carries client messages.
 * Keep-alive is off because the server closes after each poll response.
 */
public final class XhrPollingSockJsClient extends SockJsClient {

  private final HttpClient http;
  private final int port;
  private final String path;
  private final String origin;
  private volatile boolean closed;

  private XhrPollingSockJsClient(Vertx vertx, int port, String origin) {
    this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
    this.port = port;
    this.path = sessionPath();
    this.origin = origin;
  }

  /** Opens a session and waits for its open frame; {@code origin} may be {@code null}. */
  public static XhrPollingSockJsClient connect(Vertx vertx, int port, String origin) {
    XhrPollingSockJsClient sockJs = new XhrPollingSockJsClient(vertx, port, origin);
    sockJs.poll();
    sockJs.opened().await();
    return sockJs;
  }

  private void poll() {
    if (closed) {
      return;
    }
    post("/xhr", Buffer.buffer())
        .compose(response -> response.body())
        .onSuccess(body -> {
          body.toString().lines().forEach(this::onFrame);
          poll();
        })
        .onFailure(error -> {
          if (!closed) {
            onFrame("c[0,\"poll failed: " + error.getMessage() + "\"]");
          }
        });
  }

  @Override
  protected Future<Void> write(String sockJsFrame) {
    return post("/xhr_send", Buffer.buffer(sockJsFrame)).compose(response -> response.statusCode() == 204
        ? Future.succeededFuture()
        : Future.failedFuture("xhr_send answered " + response.statusCode()));
  }

  private Future<HttpClientResponse> post(String transport, Buffer body) {
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setHost("127.0.0.1")
        .setPort(port)
        .setURI(path + transport)
        .putHeader("Content-Type", "text/plain;charset=UTF-8");
    if (origin != null) {
      options.putHeader("Origin", origin);
    }
    return http.request(options).compose(request -> request.send(body));
  }

  @Override
  public void close() {
    closed = true;
    http.close().await();
  }
}
