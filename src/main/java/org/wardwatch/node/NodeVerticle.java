package org.wardwatch.node;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.clinical.ClinicalEngineVerticle;
import org.wardwatch.device.DeviceServerVerticle;
import org.wardwatch.parsing.FrameParsingVerticle;
import org.wardwatch.simulator.WardSimulatorVerticle;
import org.wardwatch.web.HttpBridgeVerticle;

/**
 * The main verticle of a WardWatch node (the jar's {@code Main-Verticle}): loads and validates the configuration, then
 * deploys the pipeline downstream first, so every consumer is registered before the ports that feed it open:
 * alert rules, frame parsing, device server, HTTP bridge, and the simulated ward when enabled.
 *
 * <p>A bad configuration or a taken port fails the deployment, which stops the launcher with the reason.
 */
public class NodeVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(NodeVerticle.class);

  private DeviceServerVerticle deviceServer;
  private HttpBridgeVerticle httpBridge;

  @Override
  public Future<?> start() {
    NodeConfig config = NodeConfig.fromJson(ConfigLoader.load(config(), System.getenv()));
    deviceServer = new DeviceServerVerticle(config.devices());
    httpBridge = new HttpBridgeVerticle(config.http());
    return vertx.deployVerticle(new ClinicalEngineVerticle(config.rulesPath()))
        .compose(id -> vertx.deployVerticle(new FrameParsingVerticle()))
        .compose(id -> vertx.deployVerticle(deviceServer))
        .compose(id -> vertx.deployVerticle(httpBridge))
        .compose(id -> config.simulator().enabled()
            ? vertx.deployVerticle(new WardSimulatorVerticle(config.simulator().withDefaultPort(devicePort())))
            : Future.succeededFuture(id))
        .onSuccess(id -> LOG.info("WardWatch node ready: dashboard on port {}, devices on port {}", httpPort(),
            devicePort()));
  }

  /** The device server's bound port. */
  public int devicePort() {
    return deviceServer.actualPort();
  }

  /** The HTTP server's bound port. */
  public int httpPort() {
    return httpBridge.actualPort();
  }
}
