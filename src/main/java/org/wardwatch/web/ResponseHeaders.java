package org.wardwatch.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.CSPHandler;
import io.vertx.ext.web.handler.HSTSHandler;
import io.vertx.ext.web.handler.XFrameHandler;
import java.util.regex.Pattern;

/**
 * The headers every answer of the HTTP side carries, as a hospital's security team checks them: no framing
 * (clickjacking), scripts and styles from the page's own origin only, no content-type sniffing, HTTPS only once seen
 * over HTTPS (HSTS, with TLS); patient data never stored by a browser or a proxy ({@code no-store} on the API and
 * health answers), and the dashboard's files checked again on every load ({@code no-cache}: their URLs carry no
 * version, so a fixed dashboard reaches the wards at once; their {@code Last-Modified} makes that check cheap). The
 * SockJS transports set their own caching.
 */
final class ResponseHeaders {

  private static final String NO_STORE = "no-store";
  private static final String REVALIDATE = "no-cache";

  private ResponseHeaders() {
  }

  /**
   * Adds the headers to every route of {@code router}, whose paths {@code dashboardFiles} matches are the dashboard's
   * files (the others its data and the bridge); {@code https} when the server has TLS.
   */
  static void on(Router router, Pattern dashboardFiles, boolean https) {
    router.route()
        .handler(XFrameHandler.create(XFrameHandler.DENY))
        .handler(CSPHandler.create().setDirective("default-src", "'self'"))
        .handler(context -> {
          String path = context.normalizedPath(); // as the routes match it: "/./api/" is "/api/"
          context.response().putHeader("X-Content-Type-Options", "nosniff");
          if (!path.startsWith("/eventbus/")) { // in place of the file handler's own, as the headers go out
            context.addHeadersEndHandler(end -> context.response()
                .putHeader(HttpHeaders.CACHE_CONTROL, dashboardFiles.matcher(path).matches() ? REVALIDATE : NO_STORE));
          }
          context.next();
        });
    if (https) {
      router.route().handler(HSTSHandler.create());
    }
  }
}
