package org.wardwatch.device.mllp;

import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;

/**
 * Half-close support: a device (or {@code nc}) may shut down its sending side once it has sent its frames and still
 * expects the answers. By default Netty closes the whole connection at that point, before the answers are written.
 * This keeps the connection open for writing and tells the session, which closes it once everything is answered.
 *
 * <p>Uses Vert.x's internal socket API, the only way to reach the channel option; call on the socket's event loop.
 */
final class InputShutdown {

  private InputShutdown() {
  }

  static void onInputShutdown(NetSocket socket, Runnable handler) {
    NetSocketInternal internal = (NetSocketInternal) socket;
    internal.channelHandlerContext().channel().config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
    internal.eventHandler(event -> {
      if (event instanceof ChannelInputShutdownEvent) {
        handler.run();
      }
    });
  }
}
