package org.wardwatch.device.mllp;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.bus.BusRequests;
import org.wardwatch.config.ConfigException;
import org.wardwatch.config.TlsConfig;
import org.wardwatch.device.ConnectionLimit;
import org.wardwatch.device.ListenerLimit;

/**
 * The HL7 v2 MLLP listener: accepts connections from monitors and monitoring gateways (no Nagle delay; connections
 * silent for the idle timeout are closed) and gives each an {@link MllpSession}. Messages go to the HL7 parser on
 * {@link org.wardwatch.bus.Addresses#HL7_MESSAGES}, or {@link org.wardwatch.bus.Addresses#HL7_LARGE_MESSAGES} above
 * {@link org.wardwatch.bus.Addresses#HL7_LARGE_CHARS} characters, through this verticle's {@link BusRequests}; this
 * verticle owns only the listening socket and those requests, the sessions own their connections. A site has far fewer
 * of these than line devices, so a stock Vert.x {@link NetServer} serves them. One connection more than the configured
 * most ({@link ConnectionLimit}) is closed at once: with no message yet, there is nothing to answer.
 *
 * <p>{@code start()} completes once the port is bound, so a taken port fails the deployment.
 */
public class MllpServerVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(MllpServerVerticle.class);

  private final MllpServerConfig config;
  private ListenerLimit limit;
  private final ParserBacklog backlog;
  private NetServer server;
  private BusRequests parser;

  public MllpServerVerticle(MllpServerConfig config) {
    this.config = config;
    this.backlog = new ParserBacklog(config.maxMessageBytes());
  }

  @Override
  public Future<?> start() {
    limit = new ListenerLimit(vertx, new ConnectionLimit(config.maxConnections(), "HL7", "hl7.maxConnections"), LOG);
    return BusRequests.local(vertx, MllpSession.PARSE_TIMEOUT_MS).compose(requests -> {
      parser = requests;
      return listen();
    });
  }

  private Future<NetServer> listen() {
    NetServerOptions options = new NetServerOptions()
        .setHost(config.host())
        .setPort(config.port())
        .setTcpNoDelay(true)
        .setReadIdleTimeout(config.idleTimeoutSeconds())
        .setIdleTimeoutUnit(TimeUnit.SECONDS);
    if (config.tls() != null) {
      config.tls().secure(options);
    }
    server = vertx.createNetServer(options).connectHandler(this::accept)
        // a connection that failed before it was accepted: with TLS, a handshake refused (no or a wrong certificate)
        .exceptionHandler(error -> LOG.warn("HL7 connection refused before it began: {}", error.getMessage()));
    return server.listen()
        .onSuccess(bound -> LOG.info("HL7 MLLP listener listening on {}:{} ({})", config.host(), bound.actualPort(),
            TlsConfig.describe(config.tls())))
        .recover(error -> Future.failedFuture(ConfigException.unbound("hl7.port", config.host(), config.port(),
            error)));
  }

  private void accept(NetSocket socket) {
    if (!limit.admit()) {
      socket.close();
      return;
    }
    socket.closeHandler(closed -> limit.release());
    new MllpSession(socket, context, parser, backlog, config).start();
  }

  /** The bound port (useful when configured as 0). */
  public int actualPort() {
    return server.actualPort();
  }
}
