package org.wardwatch.bus;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * One verticle's requests on the per-frame hops (a device session's batch to the parser, an MLLP message to the HL7
 * parser, a parser's reports to their owners' engines), whose answers all come back to one long-lived consumer of that
 * verticle and are matched to their requests by number. Vert.x's own {@code request} registers a reply consumer, a
 * close hook and a timer for every request and removes them with the answer: 9 % of the event loop's samples at 10,000
 * single-frame reads a second (docs/performance-log.md). Here a request is one entry in a map.
 *
 * <p>It fails as a Vert.x request does: with the {@link ReplyException} of a {@link #refuse refusal}, at once with
 * {@link ReplyFailure#NO_HANDLERS} when nobody consumes the address, and with {@link ReplyFailure#TIMEOUT} when no
 * answer came within the timeout (noticed by a check every tenth of it, so at most a tenth late). A request carries its
 * reply address and number as two headers; answerers use {@link #answer} and {@link #refuse}, which answer a plain
 * Vert.x request too.
 *
 * <p>Not thread-safe: made and used on the context of one verticle, whose undeployment ends its consumer and timer.
 */
public final class BusRequests {

  private static final String REPLY_TO = "wardwatch-reply-to";
  private static final String REQUEST = "wardwatch-request";

  private record Waiting(Promise<Object> answered, long deadline, String address) {
  }

  private final EventBus bus;
  private final String replyAddress = "wardwatch.replies." + UUID.randomUUID();
  private final long timeoutMs;
  private final boolean localOnly;
  /** The requests not answered yet, in the order they were made, so by deadline. */
  private final Map<Long, Waiting> waiting = new LinkedHashMap<>();
  private long lastRequest;

  private BusRequests(Vertx vertx, long timeoutMs, boolean localOnly) {
    this.bus = vertx.eventBus();
    this.timeoutMs = timeoutMs;
    this.localOnly = localOnly;
    vertx.setPeriodic(Math.max(1, timeoutMs / 10), id -> failOverdue(System.currentTimeMillis()));
  }

  /** Requests to this node's consumers, answered to a consumer of this node; completes once that is registered. */
  public static Future<BusRequests> local(Vertx vertx, long timeoutMs) {
    BusRequests requests = new BusRequests(vertx, timeoutMs, true);
    return vertx.eventBus().localConsumer(requests.replyAddress, requests::answered).completion().map(requests);
  }

  /**
   * Requests to any member's consumers, answered to a cluster-wide consumer that {@code register} registers (given
   * the address and handler); completes once it is registered.
   */
  public static Future<BusRequests> clusterWide(Vertx vertx, long timeoutMs,
      BiFunction<String, Handler<Message<Object>>, Future<Void>> register) {
    BusRequests requests = new BusRequests(vertx, timeoutMs, false);
    return register.apply(requests.replyAddress, requests::answered).map(requests);
  }

  /** Sends {@code body} to {@code address}; completes with the answer's body. */
  @SuppressWarnings("unchecked")
  public <R> Future<R> request(String address, Object body) {
    long number = ++lastRequest;
    Promise<Object> answered = Promise.promise();
    waiting.put(number, new Waiting(answered, System.currentTimeMillis() + timeoutMs, address));
    DeliveryOptions options = new DeliveryOptions().setLocalOnly(localOnly)
        .addHeader(REPLY_TO, replyAddress).addHeader(REQUEST, Long.toString(number));
    bus.sender(address, options).write(body).onFailure(notSent -> {
      if (waiting.remove(number) != null) {
        answered.fail(notSent);
      }
    });
    return (Future<R>) answered.future();
  }

  /** Answers {@code request} (made here or with Vert.x's {@code request}) with {@code body}, over {@code bus}. */
  public static void answer(EventBus bus, Message<?> request, Object body) {
    String replyTo = request.headers().get(REPLY_TO);
    if (replyTo == null) {
      request.reply(body);
    } else {
      bus.send(replyTo, body, new DeliveryOptions().addHeader(REQUEST, request.headers().get(REQUEST)));
    }
  }

  /**
   * Refuses {@code request} (made here or with Vert.x's {@code request}) over {@code bus}: it fails with {@code code}
   * and {@code why}.
   */
  public static void refuse(EventBus bus, Message<?> request, int code, String why) {
    if (request.headers().get(REPLY_TO) == null) {
      request.fail(code, why);
    } else {
      answer(bus, request, new ReplyException(ReplyFailure.RECIPIENT_FAILURE, code, why));
    }
  }

  private void answered(Message<Object> answer) {
    String number = answer.headers().get(REQUEST);
    Waiting request = number == null ? null : waiting.remove(Long.parseLong(number));
    if (request == null) {
      return; // timed out already
    }
    if (answer.body() instanceof ReplyException refusal) {
      request.answered().fail(refusal);
    } else {
      request.answered().complete(answer.body());
    }
  }

  private void failOverdue(long now) {
    for (Iterator<Waiting> requests = waiting.values().iterator(); requests.hasNext(); ) {
      Waiting request = requests.next();
      if (request.deadline() > now) {
        return;
      }
      requests.remove();
      request.answered().fail(new ReplyException(ReplyFailure.TIMEOUT,
          "Timed out after waiting " + timeoutMs + " ms for an answer from " + request.address()));
    }
  }
}
