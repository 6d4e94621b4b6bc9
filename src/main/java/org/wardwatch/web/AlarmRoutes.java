package org.wardwatch.web;

import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.wardwatch.clinical.AuditTrail;

/**
 * {@code GET /api/alarms?patient=&since=}: the audit trail of alarm transitions and clinicians' entries, oldest
 * first, optionally for one patient and from an ISO-8601 time on.
 */
final class AlarmRoutes {

  private final AuditTrail audit;

  AlarmRoutes(AuditTrail audit) {
    this.audit = audit;
  }

  void history(RoutingContext context) {
    String since = context.queryParams().get("since");
    Instant from;
    try {
      from = since == null ? null : Instant.parse(since);
    } catch (DateTimeParseException e) {
      context.response().setStatusCode(400).end("since must be an ISO-8601 time such as 2026-11-22T10:00:00Z");
      return;
    }
    audit.query(context.queryParams().get("patient"), from)
        .onSuccess(context::json)
        .onFailure(context::fail);
  }
}
