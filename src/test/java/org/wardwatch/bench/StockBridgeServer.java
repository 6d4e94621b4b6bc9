package org.wardwatch.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;

/**
 * The reference for W4: the stock Vert.x SockJS event-bus bridge, as its documentation sets it up. Every line received
 * on the TCP port is a JSON document, decoded and published to {@value #ADDRESS}, to which browsers subscribe through
 * {@code /eventbus}. Run by {@link PerformanceSuite} in a process of its own.
 *
 * <p>Arguments: the HTTP port, then the TCP port.
 */
public final class StockBridgeServer {

  static final String ADDRESS = "stock.ward";
  static final int HTTP_PORT = 18081;
  static final int TCP_PORT = 17101;

  private StockBridgeServer() {
  }

  /**
   * A document shaped and sized like a WardWatch patient snapshot (five vital signs with unit, time and quality, and a
   * NEWS2 score), for a like-for-like comparison of the bridges.
   */
  static String snapshotLike(String patient, String ward, int pulse) {
    String time = "\"time\":\"2026-12-04T10:15:30.123Z\",\"questionable\":false}";
    return "{\"patient\":\"" + patient + "\",\"device\":\"" + patient + "\",\"bed\":null,\"ward\":\"" + ward
        + "\",\"seq\":1,\"updated\":\"2026-12-04T10:15:30.123Z\",\"vitals\":{"
        + "\"PULSE\":{\"value\":" + pulse + ",\"unit\":\"/min\"," + time
        + ",\"SPO2\":{\"value\":97,\"unit\":\"%\"," + time
        + ",\"RESP_RATE\":{\"value\":16,\"unit\":\"/min\"," + time
        + ",\"TEMPERATURE\":{\"value\":36.8,\"unit\":\"Cel\"," + time
        + ",\"BP_SYSTOLIC\":{\"value\":120,\"unit\":\"mm[Hg]\"," + time
        + ",\"BP_DIASTOLIC\":{\"value\":80,\"unit\":\"mm[Hg]\"," + time + "},"
        + "\"consciousness\":null,\"oxygen\":null,\"spo2Scale2\":false,"
        + "\"news2\":{\"total\":0,\"band\":\"LOW\",\"partial\":true,\"missing\":[\"CONSCIOUSNESS\"]}}";
  }

  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    SockJSBridgeOptions options = new SockJSBridgeOptions()
        .addOutboundPermitted(new PermittedOptions().setAddress(ADDRESS));
    router.route("/eventbus/*").subRouter(SockJSHandler.create(vertx).bridge(options));
    vertx.createHttpServer().requestHandler(router).listen(Integer.parseInt(args[0]), "127.0.0.1").await();
    vertx.createNetServer()
        .connectHandler(socket -> socket.handler(RecordParser.newDelimited("\n",
            line -> vertx.eventBus().publish(ADDRESS, new JsonObject(line)))))
        .listen(Integer.parseInt(args[1]), "127.0.0.1")
        .await();
  }
}
