package org.wardwatch.web;

import static io.netty.handler.codec.http.HttpResponseStatus.FORBIDDEN;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.Transport;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.bus.Addresses;

/**
 * Who may use the SockJS event-bus bridge, and for what.
 *
 * <ul>
 *   <li>Outbound (server to browser): only the per-ward browser addresses, {@link Addresses#BROWSER_ADDRESS_REGEX},
 *       delivered by the {@link WardFanOut} (which parks the bridge's own registrations, hence the second pattern).
 *   <li>Inbound (browser to server): only the per-ward action addresses, {@link Addresses#BROWSER_ACTION_REGEX}
 *       (acknowledge, audio pause, assessment, limits, discharge), sent to one taker: published, every member would
 *       apply the action. Each is addressed to this node's patient router ({@link Addresses#WARD_ACTIONS}, the one
 *       inbound address the bridge permits, which a page may not name itself) with the ward it was sent to, so no
 *       other node is ever picked for it. Users are named by the dashboard, not yet authenticated; each action
 *       carries where it came from ({@link #ORIGIN}), for the audit trail. And the page's probe of its live feed,
 *       {@link Addresses#LINK_PROBE}, which changes nothing.
 *   <li>Origins: a {@link CorsHandler} limited to the dashboard's origins guards every transport. An origin check on
 *       the WebSocket alone would leave the xhr-streaming and xhr-polling fallbacks readable from a foreign page.
 *   <li>Transports: WebSocket, xhr-streaming and xhr-polling only. EventSource, htmlfile and JSONP are off: the last
 *       two are loaded by {@code <script>} and {@code <iframe>} tags, which send no {@code Origin} for the guard.
 *   <li>Liveness: a session is closed when its page has not pinged for {@link #PING_TIMEOUT_MS}, two minutes, not
 *       Vert.x's 10 s: a browser runs a hidden page's timers (a covered or minimised central-station window) once a
 *       minute, and the page would otherwise lose its session, and the alarms published meanwhile, every minute. A
 *       vanished screen's connection is still noticed by its transport (SockJS heartbeats, closed sockets).
 * </ul>
 */
final class BridgePolicy {

  private static final Logger LOG = LoggerFactory.getLogger(BridgePolicy.class);
  /** How long a session may go without its page's ping (the class description says why so long). */
  static final long PING_TIMEOUT_MS = 120_000;
  /** Refused origins logged at most: a page probing with made-up origins cannot fill the log. */
  private static final int MAX_ORIGINS_LOGGED = 100;

  private BridgePolicy() {
  }

  /**
   * The field of an action saying where it came from, set by the gateway (whatever the client sent in it): the
   * bridge's {@code "bridge <address>"} or the REST API's {@code "api <address>"}, the client's IP address.
   */
  static final String ORIGIN = "origin";

  /**
   * The bridge's event hook: refuses a published action (the address rules allow an address, however it is used) and
   * one a page addressed to the router itself; addresses each action sent to a ward to this node's router, with its
   * ward, noting where it comes from; and hands every other event to {@code next}.
   */
  static Handler<BridgeEvent> inbound(Handler<BridgeEvent> next) {
    return event -> {
      JsonObject message = event.getRawMessage();
      if (event.type() == BridgeEventType.PUBLISH
          || event.type() == BridgeEventType.SEND && Addresses.WARD_ACTIONS.equals(message.getString("address"))) {
        event.complete(false);
        return;
      }
      String ward = event.type() == BridgeEventType.SEND ? Addresses.wardOfActions(message.getString("address")) : null;
      if (ward != null) { // the page's own headers go: the ward's is matched ignoring case, so "Ward" would forge it
        message.put("address", Addresses.WARD_ACTIONS)
            .put("headers", new JsonObject().put(Addresses.WARD_HEADER, ward));
        if (message.getValue("body") instanceof JsonObject action) {
          action.put(ORIGIN, "bridge " + event.socket().remoteAddress().hostAddress());
        }
      }
      next.handle(event);
    };
  }

  static SockJSBridgeOptions bridgeOptions() {
    return new SockJSBridgeOptions()
        .setPingTimeout(PING_TIMEOUT_MS)
        .addOutboundPermitted(new PermittedOptions().setAddressRegex(Addresses.BROWSER_ADDRESS_REGEX))
        .addOutboundPermitted(new PermittedOptions().setAddressRegex(WardFanOut.PARKED_ADDRESS_REGEX))
        .addInboundPermitted(new PermittedOptions().setAddress(Addresses.WARD_ACTIONS))
        .addInboundPermitted(new PermittedOptions().setAddress(Addresses.LINK_PROBE))
        .setMaxHandlersPerSocket(64);
  }

  static SockJSHandlerOptions sockJsOptions() {
    return new SockJSHandlerOptions()
        .setInsertJSESSIONID(false)
        .setRegisterWriteHandler(false)
        .addDisabledTransport(Transport.EVENT_SOURCE.name())
        .addDisabledTransport(Transport.HTML_FILE.name())
        .addDisabledTransport(Transport.JSON_P.name());
  }

  /**
   * The CORS guard of the bridge and the REST API, for origins known only once the HTTP port is bound ({@code origins}
   * is asked at the first request): the default origins name the bound port, which differs from the configured one
   * when that is 0. Requests of one route run on the HTTP verticle's event loop, so the guard is made once.
   */
  static SecurityPolicyHandler corsOnceBound(Supplier<List<String>> origins) {
    return new SecurityPolicyHandler() {
      private CorsHandler cors;

      @Override
      public void handle(RoutingContext context) {
        if (cors == null) {
          cors = cors(origins.get());
        }
        cors.handle(context);
      }
    };
  }

  /**
   * The failure handler of the guarded paths: a request the CORS guard refused (403) is answered with the origin it
   * came from and the ones allowed, and logged once per origin, so that a dashboard opened under another name than
   * {@code http.allowedOrigins} gives (a second DNS name, an IP) is told apart from an outage; other failures go on.
   */
  static Handler<RoutingContext> refusedOrigins(Supplier<List<String>> origins) {
    Set<String> logged = ConcurrentHashMap.newKeySet();
    return context -> {
      String origin = context.request().getHeader(HttpHeaders.ORIGIN);
      if (context.statusCode() != FORBIDDEN.code() || origin == null || origins.get().contains(origin)) {
        context.next();
        return;
      }
      String why = "origin " + origin + " is not allowed here: http.allowedOrigins is " + origins.get();
      if (logged.size() < MAX_ORIGINS_LOGGED && logged.add(origin)) {
        LOG.warn("refused a page of {}; if clinicians open the dashboard under that name, add it", why);
      }
      PlainAnswers.plain(context, FORBIDDEN.code(), why);
    };
  }

  private static CorsHandler cors(List<String> origins) {
    return CorsHandler.create()
        .addOrigins(origins)
        .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.OPTIONS))
        .allowedHeader("Content-Type")
        .allowCredentials(false);
  }
}
