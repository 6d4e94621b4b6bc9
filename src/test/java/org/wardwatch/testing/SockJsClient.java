package org.wardwatch.testing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A browser's view of the event-bus bridge for tests: speaks the real SockJS protocol (open frame {@code o}, message
 * arrays {@code a[...]}, heartbeats {@code h}, close {@code c[...]}) over one of the real transports, and the Vert.x
 * bridge protocol inside it. Blocking helpers are for the test thread only.
 */
public abstract class SockJsClient implements AutoCloseable {

  private static final String BARRIER_ADDRESS = "wardwatch.test.barrier";

  private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
  /** Messages received but not yet matched by an await; touched by the test thread only. */
  private final List<JsonObject> backlog = new ArrayList<>();
  private final Promise<Void> opened = Promise.promise();

  /** The SockJS session path under the bridge: {@code /eventbus/<server>/<session>}. */
  protected static String sessionPath() {
    return "/eventbus/" + (int) (Math.random() * 1000) + "/" + UUID.randomUUID().toString().replace("-", "");
  }

  /** Writes one SockJS client frame: a JSON array holding the encoded bridge message. */
  protected abstract Future<Void> write(String sockJsFrame);

  /** Feeds one SockJS server frame. */
  protected void onFrame(String frame) {
    switch (frame.isEmpty() ? ' ' : frame.charAt(0)) {
      case 'o' -> opened.tryComplete();
      case 'a' -> new JsonArray(frame.substring(1)).forEach(message -> received.add(new JsonObject((String) message)));
      case 'c' -> opened.tryFail("SockJS session closed: " + frame);
      default -> {
        // 'h' heartbeats and empty keep-alive lines carry nothing.
      }
    }
  }

  /** Ends the session and releases its connections. */
  @Override
  public abstract void close();

  protected Future<Void> opened() {
    return opened.future();
  }

  /** Sends a bridge message, e.g. {@code {"type":"register","address":...}}. */
  public void send(JsonObject bridgeMessage) {
    write(new JsonArray().add(bridgeMessage.encode()).encode()).await();
  }

  /**
   * Sends {@code body} (JSON, or any value a page could send) to {@code address} as a request and waits for the
   * reply: the reply body, or an {@code err} message turned into an {@link AssertionError} carrying the failure.
   */
  public JsonObject request(String address, Object body) {
    String replyAddress = UUID.randomUUID().toString();
    send(new JsonObject().put("type", "send").put("address", address).put("body", body)
        .put("replyAddress", replyAddress));
    JsonObject reply = await(message -> replyAddress.equals(message.getString("address"))
        || "err".equals(message.getString("type")), Duration.ofSeconds(10));
    if ("err".equals(reply.getString("type"))) {
      throw new AssertionError("request refused: " + reply.encode());
    }
    return reply.getJsonObject("body");
  }

  /** Registers for {@code address} and waits until the bridge has processed the registration. */
  public void register(String address) {
    send(new JsonObject().put("type", "register").put("address", address));
    barrier();
  }

  /**
   * Waits until every message sent so far has been processed: a send to an address the browser may not use comes back
   * as an {@code err} frame, in order with everything before it.
   */
  public void barrier() {
    send(new JsonObject().put("type", "send").put("address", BARRIER_ADDRESS).put("body", new JsonObject()));
    JsonObject error = await(message -> "err".equals(message.getString("type")), Duration.ofSeconds(10));
    if (!"access_denied".equals(error.getString("body"))) {
      throw new AssertionError("unexpected bridge error " + error);
    }
  }

  /**
   * The first received bridge message matching {@code match}; messages that do not match are kept for later awaits,
   * so waiting for one thing never loses another. Fails after {@code timeout}.
   */
  public JsonObject await(Predicate<JsonObject> match, Duration timeout) {
    for (Iterator<JsonObject> kept = backlog.iterator(); kept.hasNext(); ) {
      JsonObject message = kept.next();
      if (match.test(message)) {
        kept.remove();
        return message;
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        JsonObject message = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (message == null) {
          throw new AssertionError("no matching bridge message within " + timeout);
        }
        if (match.test(message)) {
          return message;
        }
        backlog.add(message);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The body of the next message received on {@code address} matching {@code match}. */
  public JsonObject awaitBody(String address, Predicate<JsonObject> match, Duration timeout) {
    return await(message -> "rec".equals(message.getString("type")) && address.equals(message.getString("address"))
        && match.test(message.getJsonObject("body")), timeout).getJsonObject("body");
  }
}
