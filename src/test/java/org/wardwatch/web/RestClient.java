package org.wardwatch.web;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Real HTTP to a test node on 127.0.0.1, used from the test thread: every call waits for the complete answer. The
 * client is the JDK's, not Vert.x's: a request on Vert.x's client was seen, rarely, to wait for good with every event
 * loop idle and no timeout firing (in CI, after its pool evicted a connection), which failed a test whose server had
 * answered.
 */
public final class RestClient {

  /** A complete HTTP answer. */
  public record Reply(int statusCode, MultiMap headers, Buffer body) {
    public String getHeader(String name) {
      return headers.get(name);
    }
  }

  /** The longest a call waits for its answer by default. */
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);

  /** A request whose answer never came. */
  public static final class NoAnswer extends RuntimeException {
    NoAnswer(String message) {
      super(message);
    }
  }

  /** HTTP/1.1, as a browser speaks to a node over plain HTTP (the JDK would otherwise ask to upgrade to h2c). */
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(ANSWER_TIMEOUT).build();

  private final int port;
  private final Duration answerTimeout;

  public RestClient(int port) {
    this(port, ANSWER_TIMEOUT);
  }

  /** A client whose calls wait at most {@code answerTimeout} for their answer, then throw {@link NoAnswer}. */
  public RestClient(int port, Duration answerTimeout) {
    this.port = port;
    this.answerTimeout = answerTimeout;
  }

  public Reply get(String uri) {
    return request(HttpMethod.GET, uri, null, null);
  }

  /** Sends {@code json} (none when {@code null}) with an {@code Origin} header when {@code origin} is not null. */
  public Reply request(HttpMethod method, String uri, String origin, JsonObject json) {
    return json == null ? request(method, uri, origin, null, null)
        : request(method, uri, origin, "application/json", json.toBuffer().getBytes());
  }

  /** Sends {@code body} (none when {@code null}) as {@code contentType}, with an {@code Origin} when not null. */
  public Reply request(HttpMethod method, String uri, String origin, String contentType, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + uri))
        .timeout(answerTimeout)
        .method(method.name(), body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (origin != null) {
      request.header("Origin", origin);
    }
    try {
      HttpResponse<byte[]> response = HTTP.send(request.build(), BodyHandlers.ofByteArray());
      MultiMap headers = HttpHeaders.headers();
      response.headers().map().forEach(headers::add);
      return new Reply(response.statusCode(), headers, Buffer.buffer(response.body()));
    } catch (HttpTimeoutException e) {
      throw new NoAnswer(method + " " + uri + ": no answer within " + answerTimeout.toMillis() + " ms");
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + uri + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
