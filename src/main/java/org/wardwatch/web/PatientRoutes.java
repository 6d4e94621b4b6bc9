package org.wardwatch.web;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.wardwatch.bus.Addresses;

/**
 * {@code GET /api/patients} and {@code GET /api/patients/{id}}: the current snapshot of every patient, or of one
 * (keyed by the {@code Patient=} id, else the device id), asked of the alert rules verticle over the event bus.
 */
final class PatientRoutes {

  private static final int NOT_FOUND = 404;

  private final EventBus bus;

  PatientRoutes(EventBus bus) {
    this.bus = bus;
  }

  void list(RoutingContext context) {
    bus.request(Addresses.PATIENTS_LIST, null)
        .map(Message::body)
        .onSuccess(patients -> context.json(patients))
        .onFailure(context::fail);
  }

  void get(RoutingContext context) {
    String id = context.pathParam("id");
    bus.<JsonObject>request(Addresses.PATIENTS_GET, id)
        .map(Message::body)
        .onSuccess(context::json)
        .onFailure(error -> {
          if (error instanceof ReplyException reply && reply.failureCode() == NOT_FOUND) {
            context.response().setStatusCode(NOT_FOUND).end();
          } else {
            context.fail(error);
          }
        });
  }
}
