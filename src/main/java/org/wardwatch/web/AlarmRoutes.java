package org.wardwatch.web;

import static io.netty.handler.codec.http.HttpResponseStatus.BAD_REQUEST;

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
 * asks for the next ones: from the time of the first left out, skipping ({@code skip}) those of that instant given.
 */
final class AlarmRoutes {

  static final int LIMIT = 1000;
  static final int MAX_LIMIT = 10_000;

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
      PlainAnswers.plain(context, BAD_REQUEST.code(), "since must be an ISO-8601 time such as 2026-11-22T10:00:00Z");
      return;
    }
    int limit = count(context.queryParams().get("limit"), LIMIT);
    if (limit < 1 || limit > MAX_LIMIT) {
      PlainAnswers.plain(context, BAD_REQUEST.code(), "limit must be a whole number from 1 to " + MAX_LIMIT);
      return;
    }
    int skip = count(context.queryParams().get("skip"), 0);
    if (skip < 0 || skip > MAX_LIMIT) {
      PlainAnswers.plain(context, BAD_REQUEST.code(), "skip must be a whole number from 0 to " + MAX_LIMIT);
      return;
    }
    String patient = context.queryParams().get("patient");
    audit.query(patient, from, skip, limit)
        .onSuccess(page -> {
          if (page.next() != null) {
            context.response().putHeader("Link", "<" + nextPage(patient, page, limit) + ">; rel=\"next\"");
          }
          context.json(page.entries());
        })
        .onFailure(context::fail);
  }

  /** {@code text} as a whole number of up to five digits, {@code absent} when there is none, else -1. */
  private static int count(String text, int absent) {
    return text == null ? absent : text.matches("[0-9]{1,5}") ? Integer.parseInt(text) : -1;
  }

  private static String nextPage(String patient, AuditTrail.AuditPage page, int limit) {
    return "/api/alarms?" + (patient == null ? "" : "patient=" + URLEncoder.encode(patient, StandardCharsets.UTF_8)
        + "&") + "since=" + page.next() + "&skip=" + page.nextSkip() + "&limit=" + limit;
  }
}
