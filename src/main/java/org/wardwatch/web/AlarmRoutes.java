package org.wardwatch.web;

import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.wardwatch.clinical.AuditTrail;

/**
 * {@code GET /api/alarms?patient=&since=&limit=}: the audit trail of alarm transitions and clinicians' entries, oldest
 * first, optionally for one patient and from an ISO-8601 time on, at most {@code limit} entries ({@value #LIMIT} when
 * not given, at most {@value #MAX_LIMIT}). When entries were left out, the {@code Link} header's {@code rel="next"}
 * asks for the next ones (from the time of the first left out: entries of that instant already given come again).
 */
final class AlarmRoutes {

  static final int LIMIT = 1000;
  static final int MAX_LIMIT = 10_000;
  private static final int BAD_REQUEST = 400;

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
      PatientRoutes.plain(context, BAD_REQUEST, "since must be an ISO-8601 time such as 2026-11-22T10:00:00Z");
      return;
    }
    String limitText = context.queryParams().get("limit");
    int limit = limitText == null ? LIMIT : limitText.matches("[0-9]{1,5}") ? Integer.parseInt(limitText) : 0;
    if (limit < 1 || limit > MAX_LIMIT) {
      PatientRoutes.plain(context, BAD_REQUEST, "limit must be a whole number from 1 to " + MAX_LIMIT);
      return;
    }
    String patient = context.queryParams().get("patient");
    audit.query(patient, from, limit)
        .onSuccess(page -> {
          if (page.next() != null) {
            context.response().putHeader("Link", "<" + nextPage(patient, page.next(), limit)
                + ">; rel=\"next\"");
          }
          context.json(page.entries());
        })
        .onFailure(context::fail);
  }

  private static String nextPage(String patient, Instant since, int limit) {
    return "/api/alarms?" + (patient == null ? "" : "patient=" + URLEncoder.encode(patient, StandardCharsets.UTF_8)
        + "&") + "since=" + since + "&limit=" + limit;
  }
}
