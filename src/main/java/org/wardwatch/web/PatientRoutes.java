package org.wardwatch.web;

import static io.netty.handler.codec.http.HttpResponseStatus.BAD_REQUEST;
import static io.netty.handler.codec.http.HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import org.wardwatch.bus.Addresses;
import org.wardwatch.clinical.VitalsHistory;

/**
 * {@code GET /api/patients[?ward=]} and {@code GET /api/patients/{id}}: the current snapshot of every patient (or of
 * one ward's), or of one (keyed by the {@code Patient=} id, else {@code device@ward:bed}, else {@code device@}:
 * {@link org.wardwatch.model.DeviceIdentity#patientKey}); {@code GET
 * /api/patients/{id}/history?minutes=} for the trend view; {@code POST /api/patients/{id}/assessment},
 * {@code PUT /api/patients/{id}/limits}, {@code POST /api/patients/{id}/stopped-measurements} and
 * {@code POST /api/patients/{id}/discharge}; {@code GET /api/wards} for the ward picker. All asked of the clinical
 * engine verticle over the event bus.
 */
final class PatientRoutes {

  private static final String JSON = "application/json";

  private final EventBus bus;

  PatientRoutes(EventBus bus) {
    this.bus = bus;
  }

  /** {@code GET /api/patients}, or with {@code ?ward=} that ward's patients only (none for a ward nobody is in). */
  void list(RoutingContext context) {
    String ward = context.queryParams().get("ward");
    if (ward != null && !ward.matches(Addresses.WARD_PATTERN)) {
      badRequest(context, "ward must be 1 to 32 of A-Z a-z 0-9 _ -, got '" + ward + "'");
      return;
    }
    ask(context, Addresses.PATIENTS_LIST, ward);
  }

  void get(RoutingContext context) {
    ask(context, Addresses.PATIENTS_GET, context.pathParam("id"));
  }

  /** {@code GET /api/patients/{id}/history?minutes=N}: the patient's last N minutes (1 to 60, default 60). */
  void history(RoutingContext context) {
    List<String> given = context.queryParams().getAll("minutes");
    if (given.size() > 1) {
      badRequest(context, "minutes must be given once, got " + given.size() + " values");
      return;
    }
    int minutes = given.isEmpty() ? VitalsHistory.WINDOW_MINUTES : wholeNumber(given.get(0));
    if (minutes < 1 || minutes > VitalsHistory.WINDOW_MINUTES) {
      badRequest(context, "minutes must be a whole number from 1 to " + VitalsHistory.WINDOW_MINUTES + ", got '"
          + given.get(0) + "'");
      return;
    }
    ask(context, Addresses.PATIENTS_HISTORY,
        new JsonObject().put("patient", context.pathParam("id")).put("minutes", minutes));
  }

  /** {@code GET /api/wards}: per ward, its patients and their alarms that are active or await acknowledgement. */
  void wards(RoutingContext context) {
    ask(context, Addresses.WARDS_LIST, null);
  }

  /**
   * {@code POST /api/patients/{id}/assessment}: a clinician's ACVPU, air/oxygen, SpO2 scale, or NEWS2 stopped or used
   * again; 409 for a stop while the NEWS2 alarm awaits acknowledgement.
   */
  void assess(RoutingContext context) {
    patientAction(context, "assess");
  }

  /** {@code PUT /api/patients/{id}/limits}: a clinician's own limits for one parameter, with a reason and expiry. */
  void overrideLimits(RoutingContext context) {
    patientAction(context, "override-limits");
  }

  /**
   * {@code POST /api/patients/{id}/stopped-measurements}: a clinician stops measuring some parameters (a sensor taken
   * off for good); 409 while one is still reported, or an alarm it would end awaits acknowledgement.
   */
  void stopMeasurement(RoutingContext context) {
    patientAction(context, "stop-measurement");
  }

  /**
   * {@code POST /api/patients/{id}/discharge}: ends the patient's monitoring, its alarms cleared by {@code user}; 409
   * while its device is connected and sending, or a HIGH alarm of it awaits acknowledgement.
   */
  void discharge(RoutingContext context) {
    patientAction(context, "discharge");
  }

  /**
   * Hands a clinician's action to the patient's engine. Its body must be declared JSON: a form or plain text is what a
   * foreign page can send without asking first, so it is refused (415) even from an allowed origin.
   */
  private void patientAction(RoutingContext context, String action) {
    String contentType = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(JSON)) {
      PlainAnswers.plain(context, UNSUPPORTED_MEDIA_TYPE.code(), "body must be sent as " + JSON);
      return;
    }
    JsonObject body;
    try {
      body = context.body().asJsonObject();
    } catch (RuntimeException e) {
      body = null;
    }
    if (body == null) {
      badRequest(context, "body must be a JSON object");
      return;
    }
    body.remove("ward"); // the ward of a screen's action, which the bridge sets: here the path names the patient
    ask(context, Addresses.PATIENT_ACTIONS, body.put("action", action).put("patient", context.pathParam("id"))
        .put(BridgePolicy.ORIGIN, "api " + context.request().remoteAddress().hostAddress()));
  }

  /** Asks the clinical engine at {@code address} and answers with its reply as JSON. */
  private void ask(RoutingContext context, String address, Object body) {
    bus.request(address, body)
        .map(Message::body)
        .onSuccess(context::json)
        .onFailure(error -> PlainAnswers.failed(context, error));
  }

  /** {@code text} as a whole number of up to nine digits, else -1. */
  private static int wholeNumber(String text) {
    return text.matches("[0-9]{1,9}") ? Integer.parseInt(text) : -1;
  }

  private static void badRequest(RoutingContext context, String message) {
    PlainAnswers.plain(context, BAD_REQUEST.code(), message);
  }
}
