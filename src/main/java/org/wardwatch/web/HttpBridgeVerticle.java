package org.wardwatch.web;

import static io.netty.handler.codec.http.HttpResponseStatus.BAD_REQUEST;
import static io.netty.handler.codec.http.HttpResponseStatus.INTERNAL_SERVER_ERROR;
import static io.netty.handler.codec.http.HttpResponseStatus.METHOD_NOT_ALLOWED;
import static io.netty.handler.codec.http.HttpResponseStatus.NOT_FOUND;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.ProtocolUpgradeHandler;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import io.vertx.ext.web.handler.sockjs.impl.EventBusBridgeImpl;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.clinical.AuditTrail;
import org.wardwatch.bus.Addresses;
import org.wardwatch.cluster.BusPaths;
import org.wardwatch.cluster.ClusterConsumers;
import org.wardwatch.cluster.Membership;
import org.wardwatch.config.ConfigException;
import org.wardwatch.device.ConnectionLimit;
import org.wardwatch.device.ListenerLimit;

/**
 * The browser side of a node: the SockJS event-bus bridge at {@code /eventbus} (WebSocket, xhr-streaming and
 * xhr-polling), the REST API under {@code /api} (patients, their trends, wards, assessments, alarm history),
 * {@code /health}, and the dashboard from {@code webroot/} with its client libraries from WebJars; and the consumer of
 * {@link Addresses#LINK_PROBE}, node-local, which answers the pages' probes of their live feed. Owns no clinical state:
 * it asks the clinical engine verticle over the bus, and reads the audit trail.
 *
 * <p>{@code start()} completes once the port is bound and the {@link Addresses#LINK_PROBE} consumer is registered.
 */
public class HttpBridgeVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(HttpBridgeVerticle.class);
  private static final int MAX_BRIDGE_BODY_BYTES = 64 * 1024;
  /** How long readiness waits for the clinical engine's admission figures, well within a probe's usual second. */
  private static final DeliveryOptions ADMISSION_ASKED = new DeliveryOptions().setSendTimeout(250);
  /**
   * vertx-web's xhr_send transport, which takes JSON that is no SockJS frame for messages or for none (an object sent
   * unwrapped is dropped without a word, a null in an array fails with an ERROR and its stack trace, and the frame's
   * other messages are dropped unanswered): such a frame is refused before it.
   */
  private static final String XHR_SEND_PATH = "/eventbus/[^/]+/[^/]+/xhr_send";
  /** The page's files: any path but the API's, health's and the bridge's. */
  private static final Pattern DASHBOARD_FILES = Pattern.compile("^(?!/api/|/health|/eventbus/).*");

  private final HttpConfig config;
  private final Membership membership;
  private final BusPaths busPaths;
  private final ClusterConsumers consumers;
  private ListenerLimit limit;
  private HttpServer server;

  /**
   * The bridge of a node that is the member {@code membership} describes, whose bus paths {@code busPaths} shows and
   * whose cluster-wide consumers {@code consumers} keeps (the browsers' ward addresses among them).
   */
  public HttpBridgeVerticle(HttpConfig config, Membership membership, BusPaths busPaths, ClusterConsumers consumers) {
    this.config = config;
    this.membership = membership;
    this.busPaths = busPaths;
    this.consumers = consumers;
  }

  @Override
  public Future<?> start() {
    limit = new ListenerLimit(vertx, new ConnectionLimit(config.maxConnections(), "HTTP", "http.maxConnections"), LOG);
    Router router = Router.router(vertx);
    ResponseHeaders.on(router, DASHBOARD_FILES, config.tls() != null);
    // Only the configured origins (by default the page's own) may use the bridge and the API from a browser: without
    // the guard on the API, any page open in a ward browser could post an assessment as a plain-text "simple" request.
    SecurityPolicyHandler allowedOrigins = BridgePolicy.corsOnceBound(() -> config.originsFor(server.actualPort()));
    router.route("/eventbus/*").handler(allowedOrigins);
    router.route("/api/*").handler(allowedOrigins);
    Handler<RoutingContext> refusedOrigins = BridgePolicy.refusedOrigins(() -> config.originsFor(server.actualPort()));
    router.route("/eventbus/*").failureHandler(refusedOrigins);
    router.route("/api/*").failureHandler(refusedOrigins);
    // The xhr transports' bodies only: a WebSocket upgrade with "Content-Length: 0" (the JDK's client sends one) must
    // reach its transport unread. No body handler here takes file uploads: it would write them to disk, and keep them.
    router.post("/eventbus/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BRIDGE_BODY_BYTES));
    router.postWithRegex(XHR_SEND_PATH).handler(context -> { // as the protocol refuses broken JSON
      if (BrowserFrames.jsonButNotSockJs(context.body().asString())) {
        PlainAnswers.plain(context, INTERNAL_SERVER_ERROR.code(), "Broken JSON encoding.");
      } else {
        context.next();
      }
    });
    router.route("/eventbus/*").subRouter(sockJsBridge());
    PatientRoutes patients = new PatientRoutes(vertx.eventBus());
    // Before the routes of its paths: a route that matches (this one takes every method) hides the 405 of one before
    // it that matched the path only, so a POST to the history was 404.
    router.route("/api/patients/:id/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BRIDGE_BODY_BYTES));
    read(router, "/api/patients").handler(patients::list);
    read(router, "/api/patients/:id").handler(patients::get);
    read(router, "/api/patients/:id/history").handler(patients::history);
    read(router, "/api/wards").handler(patients::wards);
    router.post("/api/patients/:id/assessment").handler(patients::assess);
    router.put("/api/patients/:id/limits").handler(patients::overrideLimits);
    router.post("/api/patients/:id/stopped-measurements").handler(patients::stopMeasurement);
    router.post("/api/patients/:id/discharge").handler(patients::discharge);
    read(router, "/api/alarms").handler(new AlarmRoutes(new AuditTrail(vertx))::history);
    read(router, "/health").handler(context -> context.json(new JsonObject().put("status", "UP")));
    read(router, "/health/ready").handler(this::ready);
    read(router, "/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
    // the page's files, never the API's paths: a method no API route takes on a path one does is 405, else 404
    router.routeWithRegex(DASHBOARD_FILES.pattern()).method(HttpMethod.GET).method(HttpMethod.HEAD)
        .handler(StaticHandler.create("webroot"));
    router.errorHandler(NOT_FOUND.code(), context -> PlainAnswers.plain(context, NOT_FOUND.code(),
        "no such resource: " + context.request().path()));
    router.route().failureHandler(context -> answerFailure(context, context.statusCode()));
    // before any route: a path with a bad escape
    router.errorHandler(BAD_REQUEST.code(), context -> answerFailure(context, BAD_REQUEST.code()));
    AllowedMethods allowed = new AllowedMethods(router, DASHBOARD_FILES, "GET, HEAD");
    router.errorHandler(METHOD_NOT_ALLOWED.code(), context -> {
      context.response().putHeader(HttpHeaders.ALLOW, allowed.on(context.request().path()));
      PlainAnswers.plain(context, METHOD_NOT_ALLOWED.code(),
          context.request().method() + " is not allowed on " + context.request().path());
    });
    HttpServerOptions options = new HttpServerOptions().setHost(config.host()).setPort(config.port())
        .setIdleTimeout(config.idleTimeoutSeconds())
        .setHttp2ClearTextEnabled(false); // no browser speaks it; detecting it admits a connection only once it sends
    if (config.tls() != null) {
      config.tls().secure(options);
    }
    MessageConsumer<Object> probes = vertx.eventBus().localConsumer(Addresses.LINK_PROBE,
        probe -> probe.reply(new JsonObject().put("ok", true)));
    server = vertx.createHttpServer(options).requestHandler(router).connectionHandler(this::admit);
    Future<HttpServer> listening = server.listen()
        .onSuccess(bound -> LOG.info("HTTP and SockJS bridge listening on {}:{} ({})", config.host(),
            bound.actualPort(), config.tls() == null ? "plain HTTP" : "HTTPS"))
        .recover(error -> Future.failedFuture(ConfigException.unbound("http.port", config.host(), config.port(),
            error)));
    return Future.all(probes.completion(), listening);
  }

  /**
   * Answers a request that failed in the router with {@code status} (-1: none given), unless answered already: a
   * client's error (a path with a bad escape, a body over the limit) in plain words, logged at debug only, as no fault
   * of the node (Vert.x logged each as an ERROR, with its stack); anything else with its 5xx status, or 500, logged as
   * an error with its cause, also when the response had been sent (a handler failing after it answered).
   */
  private static void answerFailure(RoutingContext context, int status) {
    Throwable failure = context.failure();
    boolean clients = status >= BAD_REQUEST.code() && status < INTERNAL_SERVER_ERROR.code();
    if (clients) {
      LOG.debug("{} {} refused ({})", context.request().method(), context.request().path(), status, failure);
    } else {
      LOG.error("{} {} failed ({})", context.request().method(), context.request().path(), status, failure);
    }
    if (context.response().ended()) {
      return;
    }
    if (context.response().headWritten()) {
      context.request().connection().close(); // half an answer: the client must not take it for a whole one
      return;
    }
    int answered = clients || status > INTERNAL_SERVER_ERROR.code() ? status : INTERNAL_SERVER_ERROR.code();
    PlainAnswers.plain(context, answered, clients && failure != null && failure.getMessage() != null
        ? failure.getMessage() : HttpResponseStatus.valueOf(answered).reasonPhrase());
  }

  /** A route of {@code path} taking GET and HEAD (the same answer without its body), as HTTP wants of a resource. */
  private static Route read(Router router, String path) {
    return router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD);
  }

  /**
   * Keeps {@code connection} while fewer than {@code http.maxConnections} are open, else closes it at once: a script
   * opening connections without end would otherwise take the file descriptors the devices' connections need.
   */
  private void admit(HttpConnection connection) {
    if (!limit.admit()) {
      connection.close();
      return;
    }
    // The channel's close, not the connection's: an upgraded WebSocket's HTTP connection never reports closing.
    Channel channel = ((ConnectionBase) connection).channel();
    channel.closeFuture().addListener(closed -> context.runOnContext(released -> limit.release()));
  }

  /**
   * The SockJS routes, all transports handing their sessions to one event-bus bridge whose browser addresses the
   * {@link WardFanOut} delivers; the WebSocket transport is WardWatch's own ({@link SockJsWebSocket}), ahead of
   * Vert.x's.
   */
  private Router sockJsBridge() {
    SockJSHandlerOptions options = BridgePolicy.sockJsOptions();
    Handler<SockJSSocket> bridge = new EventBusBridgeImpl(vertx, null, BridgePolicy.bridgeOptions(),
        BridgePolicy.inbound(new WardFanOut(consumers)::handle));
    Router transports = SockJSHandler.create(vertx, options).socketHandler(bridge);
    WritePacer pacer = new WritePacer(context);
    transports.getWithRegex(SockJsWebSocket.PATH_REGEX).order(-1)
        .handler((ProtocolUpgradeHandler) context -> SockJsWebSocket.accept(vertx, context, options, pacer, bridge));
    return transports;
  }

  /**
   * {@code GET /health/ready}: 200 with the membership and the event-bus path to each other member once the node may
   * take traffic (joined, no path with lost subscriptions), else 503 with the same; and the patients its clinical
   * engine holds against the most it admits ({@link Addresses#PATIENTS_ADMISSION}; null when it has not answered within
   * 250 ms: none deployed yet, or busy), which does not decide readiness: a member that admits no new patient still
   * serves those it holds.
   */
  private void ready(RoutingContext context) {
    vertx.eventBus().<JsonObject>request(Addresses.PATIENTS_ADMISSION, null, ADMISSION_ASKED).onComplete(admission -> {
      JsonObject answer = membership.toJson().put("busPaths", busPaths.toJson());
      answer.put("ready", answer.getBoolean("ready") && busPaths.noneBroken())
          .put("patients", admission.succeeded() ? admission.result().body() : null);
      context.response().setStatusCode(answer.getBoolean("ready") ? 200 : 503);
      context.json(answer);
    });
  }

  /** The bound port (useful when configured as 0). */
  public int actualPort() {
    return server.actualPort();
  }
}
