package org.wardwatch.web;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Real HTTP to a test node on 127.0.0.1, used from the test thread: every call waits for the complete answer. */
public final class RestClient {

  /** A complete HTTP answer, read on the event loop so no byte of the body is missed. */
  public record Reply(int statusCode, MultiMap headers, Buffer body) {
    public String getHeader(String name) {
      return headers.get(name);
    }
  }

  /** A request that hears nothing for this long fails (with the URI) rather than hanging the test. */
  private static final long IDLE_TIMEOUT_MS = 10_000;
  /** The longest a call waits for its answer by default, whatever becomes of the request inside Vert.x. */
  private static final long ANSWER_TIMEOUT_MS = 15_000;

  /** A request whose answer never came. */
  public static final class NoAnswer extends RuntimeException {
    NoAnswer(String message) {
      super(message);
    }
  }

  private final HttpClient http;
  private final int port;
  private final Duration answerTimeout;

  public RestClient(Vertx vertx, int port) {
    this(vertx, port, Duration.ofMillis(ANSWER_TIMEOUT_MS));
  }

  /** A client whose calls wait at most {@code answerTimeout} for their answer, then throw {@link NoAnswer}. */
  public RestClient(Vertx vertx, int port, Duration answerTimeout) {
    // One connection per request: a rare hang of a request waiting on a pooled keep-alive connection was seen in CI.
    this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
    this.port = port;
    this.answerTimeout = answerTimeout;
  }

  public Reply get(String uri) {
    return request(HttpMethod.GET, uri, null, null);
  }

  /** Sends {@code json} (none when {@code null}) with an {@code Origin} header when {@code origin} is not null. */
  public Reply request(HttpMethod method, String uri, String origin, JsonObject json) {
    RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(uri)
        .setIdleTimeout(IDLE_TIMEOUT_MS).setConnectTimeout(IDLE_TIMEOUT_MS);
    if (origin != null) {
      options.putHeader("Origin", origin);
    }
    try {
      return http.request(options)
          .compose(request -> request.send(json == null ? Buffer.buffer() : json.toBuffer()))
          .compose(response -> response.body().map(body -> new Reply(response.statusCode(), response.headers(), body)))
          .toCompletionStage().toCompletableFuture().get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      // Seldom seen (ClusteredNodesTest, GET /health/ready, whose handler answers at once): neither timeout above fired
      // and every event loop was idle. Bounded here, outside Vert.x, so a test fails with this instead of hanging.
      throw new NoAnswer(method + " " + uri + ": no answer within " + answerTimeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      // Vert.x closes an HttpClient once it is unreachable (CleanableHttpClient); one collected while this thread
      // waits leaves its request unanswered for good (seen as rare 60 s hangs of GET /health/ready in CI).
      Reference.reachabilityFence(http);
    }
  }
}
