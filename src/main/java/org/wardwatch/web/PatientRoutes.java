package org.wardwatch.web;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.wardwatch.bus.Addresses;

/**
 * {@code GET /api/patients} and {@code GET /api/patients/{id}}: the current snapshot of every patient, or of one
 * (keyed by the {@code Patient=} id, else the device id); {@code POST /api/patients/{id}/assessment} and
 * {@code PUT /api/patients/{id}/limits}. All asked of the clinical engine verticle over the event bus.
 */
final class PatientRoutes {

  private static final int NOT_FOUND = 404;
  private static final int BAD_REQUEST = 400;

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

  /** {@code POST /api/patients/{id}/assessment}: a clinician's ACVPU, air/oxygen or SpO2-scale entry. */
  void assess(RoutingContext context) {
    patientAction(context, "assess");
  }

  /** {@code PUT /api/patients/{id}/limits}: a clinician's own limits for one parameter, with a reason and expiry. */
  void overrideLimits(RoutingContext context) {
    patientAction(context, "override-limits");
  }

  private void patientAction(RoutingContext context, String action) {
    JsonObject body;
    try {
      body = context.body().asJsonObject();
    } catch (RuntimeException e) {
      body = null;
    }
    if (body == null) {
      context.response().setStatusCode(BAD_REQUEST).end("body must be a JSON object");
      return;
    }
    bus.<JsonObject>request(Addresses.PATIENT_ACTIONS,
            body.put("action", action).put("patient", context.pathParam("id")))
        .map(Message::body)
        .onSuccess(context::json)
        .onFailure(error -> failed(context, error));
  }

  void get(RoutingContext context) {
    String id = context.pathParam("id");
    bus.<JsonObject>request(Addresses.PATIENTS_GET, id)
        .map(Message::body)
        .onSuccess(context::json)
        .onFailure(error -> failed(context, error));
  }

  /** A refusal from the engine (400, 404) goes to the client with its message; anything else is a server error. */
  static void failed(RoutingContext context, Throwable error) {
    if (error instanceof ReplyException reply && (reply.failureCode() == NOT_FOUND
        || reply.failureCode() == BAD_REQUEST)) {
      context.response().setStatusCode(reply.failureCode()).end(String.valueOf(reply.getMessage()));
    } else {
      context.fail(error);
    }
  }
}
