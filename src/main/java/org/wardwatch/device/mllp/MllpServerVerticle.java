package org.wardwatch.device.mllp;

import io.vertx.core.net.NetSocket;
import org.wardwatch.device.TcpListenerVerticle;

/**
 * The HL7 v2 MLLP listener: accepts connections from monitors and monitoring gateways and gives each an
 * {@link MllpSession}. Messages go to the HL7 parser on {@link org.wardwatch.bus.Addresses#HL7_MESSAGES}; this verticle
 * owns only connections and framing.
 */
public class MllpServerVerticle extends TcpListenerVerticle {

  private final MllpServerConfig config;

  public MllpServerVerticle(MllpServerConfig config) {
    super("HL7 MLLP listener", config.host(), config.port(), config.idleTimeoutSeconds());
    this.config = config;
  }

  @Override
  protected void accept(NetSocket socket) {
    new MllpSession(socket, context, config).start();
  }
}
