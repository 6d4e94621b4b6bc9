package org.wardwatch.device;

import io.vertx.core.net.NetSocket;

/**
 * The device TCP server: accepts bedside-device connections speaking the line-frame protocol and gives each a
 * {@link DeviceSession}. Frames go to the parser on {@link org.wardwatch.bus.Addresses#FRAMES}; this verticle owns
 * only connections and their identities.
 */
public class DeviceServerVerticle extends TcpListenerVerticle {

  private final DeviceServerConfig config;

  public DeviceServerVerticle(DeviceServerConfig config) {
    super("device server", config.host(), config.port(), config.idleTimeoutSeconds());
    this.config = config;
  }

  @Override
  protected void accept(NetSocket socket) {
    new DeviceSession(socket, context, config).start();
  }
}
