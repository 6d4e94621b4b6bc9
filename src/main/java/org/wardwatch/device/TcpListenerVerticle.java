package org.wardwatch.device;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP listener for devices: binds its interface and port (no Nagle delay, connections silent for the idle timeout
 * are closed) and hands each accepted connection to the session of its protocol ({@link #accept}). Subclasses own only
 * that choice; the sessions own the connections.
 *
 * <p>{@code start()} completes once the port is bound, so a taken port fails the deployment.
 */
public abstract class TcpListenerVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(TcpListenerVerticle.class);

  private final String name;
  private final String host;
  private final int port;
  private final int idleTimeoutSeconds;
  private NetServer server;

  protected TcpListenerVerticle(String name, String host, int port, int idleTimeoutSeconds) {
    this.name = name;
    this.host = host;
    this.port = port;
    this.idleTimeoutSeconds = idleTimeoutSeconds;
  }

  /** Starts the protocol's session on a new connection, on this verticle's context. */
  protected abstract void accept(NetSocket socket);

  @Override
  public Future<?> start() {
    NetServerOptions options = new NetServerOptions()
        .setHost(host)
        .setPort(port)
        .setTcpNoDelay(true)
        .setReadIdleTimeout(idleTimeoutSeconds)
        .setIdleTimeoutUnit(TimeUnit.SECONDS);
    server = vertx.createNetServer(options).connectHandler(this::accept);
    return server.listen().onSuccess(bound -> LOG.info("{} listening on {}:{}", name, host, bound.actualPort()));
  }

  /** The bound port (useful when configured as 0). */
  public int actualPort() {
    return server.actualPort();
  }
}
