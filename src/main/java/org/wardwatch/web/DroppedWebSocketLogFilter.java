package org.wardwatch.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import org.slf4j.Marker;

/**
 * Keeps out of the log the ERROR that Vert.x's SockJS bridge logs whenever a WebSocket client (of its raw transport,
 * {@code /eventbus/websocket}, an integration's, or a SockJS session's) goes away without closing, its network lost or
 * its process killed, or sends a frame the WebSocket codec refuses (over the size limit, malformed), which ends its
 * session: routine, or the client's fault, which any client could repeat at will, and operators are paged on ERRORs.
 * The bridge's other errors, and a connection that failed in any other way, are logged as before. Declared in
 * {@code logback.xml}; stateless.
 */
public final class DroppedWebSocketLogFilter extends TurboFilter {

  static final String BRIDGE_LOGGER = "io.vertx.ext.web.handler.sockjs.impl.EventBusBridgeImpl";
  static final String SOCKET_EXCEPTION = "SockJSSocket exception";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
      Throwable error) {
    return SOCKET_EXCEPTION.equals(format) && BRIDGE_LOGGER.equals(logger.getName()) && dropped(error)
        ? FilterReply.DENY : FilterReply.NEUTRAL;
  }

  /**
   * True for a connection closed or reset by the client's end (closed before its close frame, reset, cut off), or one
   * whose frame the codec refused.
   */
  private static boolean dropped(Throwable error) {
    return error instanceof HttpClosedException || error instanceof IOException
        || error instanceof CorruptedWebSocketFrameException;
  }
}
