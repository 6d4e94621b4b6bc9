package org.wardwatch.device;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device TCP server: accepts bedside-device connections speaking the line-frame protocol and gives each a
 * {@link DeviceSession}. Frames go to the parser on {@link org.wardwatch.bus.Addresses#FRAMES}; this verticle owns
 * only connections and their identities.
 *
 * <p>{@code start()} completes once the port is bound, so a taken port fails the deployment.
 */
public class DeviceServerVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceServerVerticle.class);

  private final DeviceServerConfig config;
  private NetServer server;

  public DeviceServerVerticle(DeviceServerConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    NetServerOptions options = new NetServerOptions()
        .setHost(config.host())
        .setPort(config.port())
        .setTcpNoDelay(true)
        .setReadIdleTimeout(config.idleTimeoutSeconds())
        .setIdleTimeoutUnit(TimeUnit.SECONDS);
    server = vertx.createNetServer(options)
        .connectHandler(socket -> new DeviceSession(socket, context, config).start());
    return server.listen()
        .onSuccess(bound -> LOG.info("device server listening on {}:{}", config.host(), bound.actualPort()));
  }

  /** The bound port (useful when configured as 0). */
  public int actualPort() {
    return server.actualPort();
  }
}
