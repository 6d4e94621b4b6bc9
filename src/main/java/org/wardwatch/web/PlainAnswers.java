package org.wardwatch.web;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.wardwatch.bus.BusFailures;

/**
 * The web side's plain-text answers: a refusal or error in words an API client, or a person, reads, and the HTTP
 * answer to a refusal from the clinical engine's side of the bus. Used by every route and handler of the node's HTTP
 * server ({@link HttpBridgeVerticle}, {@link PatientRoutes}, {@link AlarmRoutes}, {@link BridgePolicy}); owns nothing.
 */
final class PlainAnswers {

  /** The refusals of the engine's side that an API client is answered as they are; anything else is a server error. */
  private static final Set<Integer> REFUSALS =
      Set.of(BusFailures.BAD_REQUEST, BusFailures.NOT_FOUND, BusFailures.CONFLICT, BusFailures.UNAVAILABLE);

  private PlainAnswers() {
  }

  /** Answers {@code status} with {@code message} as plain text: what an API client, or a person, reads. */
  static void plain(RoutingContext context, int status, String message) {
    context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
        .end(message);
  }

  /**
   * A refusal from the engine (400, 404, 409, or 503: try again) goes to the client with its message; anything else
   * is a server error.
   */
  static void failed(RoutingContext context, Throwable error) {
    if (error instanceof ReplyException reply && REFUSALS.contains(reply.failureCode())) {
      plain(context, reply.failureCode(), String.valueOf(reply.getMessage()));
    } else {
      context.fail(error);
    }
  }
}
