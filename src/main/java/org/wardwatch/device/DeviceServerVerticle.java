package org.wardwatch.device;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.PromiseInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.NetServerOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.bus.BusRequests;
import org.wardwatch.config.ConfigException;
import org.wardwatch.config.TlsConfig;

/**
 * The device TCP server: accepts bedside-device connections speaking the line-frame protocol and gives each a
 * {@link DeviceSession}. Frames go to the parser on {@link org.wardwatch.bus.Addresses#FRAMES}, through this
 * verticle's {@link BusRequests}; this verticle owns only those requests, the listening socket and the open
 * connections, which it closes when undeployed.
 *
 * <p>A ward's devices are the gateway's many long-lived, mostly idle connections, so each must cost little memory. A
 * Vert.x {@code NetSocket} costs about 7 KB of heap, most of it a message queue every Vert.x 5 connection allocates;
 * this server therefore runs Netty's channel directly, on the Vert.x transport and on this verticle's own event loop
 * (Vert.x's internal API), with the session as the channel's handler. Connections get no Nagle delay, may half-close
 * (a device that shuts down its sending side still gets its answers), and are closed after the idle timeout. One
 * connection more than the configured most ({@link ConnectionLimit}) gets a {@code NAK} saying so and is closed.
 *
 * <p>{@code start()} completes once the port is bound, so a taken port fails the deployment.
 */
public class DeviceServerVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceServerVerticle.class);

  private final DeviceServerConfig config;
  private ListenerLimit limit;
  /** The listening channel and every open connection. */
  private ChannelGroup connections;
  private Channel listener;

  public DeviceServerVerticle(DeviceServerConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    limit = new ListenerLimit(vertx, new ConnectionLimit(config.maxConnections(), "device", "devices.maxConnections"),
        LOG);
    return BusRequests.local(vertx, DeviceSession.PARSE_TIMEOUT_MS).compose(this::listen);
  }

  /**
   * Binds the port; each connection's session sends its batches through {@code parser}. With TLS a connection's
   * handshake comes first.
   */
  private Future<Void> listen(BusRequests parser) {
    SslContext tls;
    try {
      tls = config.tls() == null ? null : config.tls().nettyServerContext();
    } catch (IOException e) {
      return Future.failedFuture(new ConfigException("devices.tls: " + e.getMessage()));
    }
    ContextInternal eventLoop = (ContextInternal) context;
    VertxInternal owner = eventLoop.owner();
    connections = new DefaultChannelGroup(eventLoop.nettyEventLoop(), true); // one joining after close() is closed
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(owner.acceptorEventLoopGroup(), eventLoop.nettyEventLoop())
        .channelFactory(owner.transport().serverChannelFactory(false))
        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .childHandler(new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel channel) {
            if (!limit.admit()) {
              refuse(channel, tls != null);
              return;
            }
            if (tls != null) {
              channel.pipeline().addLast(tls.newHandler(channel.alloc()));
            }
            if (config.certificateNamesDevice()) {
              channel.pipeline().addLast(new DeviceCertificate());
            }
            channel.closeFuture().addListener(closed -> limit.release());
            connections.add(channel);
            channel.pipeline().addLast(
                new IdleStateHandler(config.idleTimeoutSeconds(), 0, 0, TimeUnit.SECONDS),
                new DeviceSession(channel, eventLoop, parser, config));
          }
        });
    owner.transport().configure(new NetServerOptions().setTcpNoDelay(true), false, bootstrap);
    ChannelFuture binding = bootstrap.bind(config.host(), config.port());
    listener = binding.channel();
    connections.add(listener);
    PromiseInternal<Void> bound = eventLoop.promise();
    binding.addListener(bound);
    return bound.onSuccess(done -> LOG.info("device server listening on {}:{} ({})", config.host(), actualPort(),
        TlsConfig.describe(config.tls())))
        .recover(error -> Future.failedFuture(ConfigException.unbound("devices.port", config.host(), config.port(),
            error)));
  }

  /** Refuses a connection over the limit: with a NAK saying why, or, with TLS, closed before any handshake work. */
  private void refuse(Channel channel, boolean tls) {
    if (tls) {
      channel.close();
      return;
    }
    String answer = "NAK||too many device connections open on this gateway node (" + limit.max()
        + "); connect to another node or try again later\n";
    channel.writeAndFlush(Unpooled.copiedBuffer(answer, StandardCharsets.US_ASCII))
        .addListener(ChannelFutureListener.CLOSE);
  }

  /** Closes the listener and every connection. */
  @Override
  public Future<?> stop() {
    PromiseInternal<Void> closed = ((ContextInternal) context).promise();
    connections.close().addListener(all -> closed.complete());
    return closed;
  }

  /** The bound port (useful when configured as 0); 0 when not listening. */
  public int actualPort() {
    return listener != null && listener.localAddress() instanceof InetSocketAddress bound ? bound.getPort() : 0;
  }
}
