package org.wardwatch.web;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.PromiseInternal;

/**
 * The connection under one {@link SockJsWebSocket} session, for its messages frames: each goes out as a WebSocket text
 * frame encoded straight into the connection's buffer ({@link WebSocketWire}) and written to the Netty channel, without
 * Vert.x's per-write frame object, queue and promise or Netty's frame encoder and promise combiner (together about a
 * quarter of the server's CPU per delivery when updates go to a thousand screens at W4's higher rates: see
 * docs/performance-log.md). The frames Vert.x writes on the same connection (open, heartbeat, close) take the same
 * channel on the same event loop; a heartbeat Vert.x holds back while the connection is full may come after
 * messages written meanwhile, which SockJS allows.
 *
 * <p>Owns the session's view of the connection's back-pressure: full while the channel is over Netty's high-water mark,
 * and a drain handler called when it comes back under the low one (watched by a handler at the head of the channel's
 * pipeline, which passes the event on).
 *
 * <p>Not thread-safe: used on the HTTP verticle's event loop, the channel's own.
 */
final class DirectFrames {

  private final ContextInternal context;
  private final Channel channel;
  private Handler<Void> drainHandler;

  DirectFrames(ContextInternal context, Channel channel) {
    this.context = context;
    this.channel = channel;
    channel.pipeline().addFirst(new ChannelInboundHandlerAdapter() {
      @Override
      public void channelWritabilityChanged(ChannelHandlerContext handler) {
        handler.fireChannelWritabilityChanged();
        if (channel.isWritable() && drainHandler != null) {
          context.runOnContext(drained -> notifyDrained());
        }
      }
    });
  }

  /** Writes {@code sockJsFrame} (ASCII) as one WebSocket text frame; completes when it is written to the socket. */
  Future<Void> write(byte[] sockJsFrame) {
    PromiseInternal<Void> written = context.promise();
    channel.writeAndFlush(WebSocketWire.textFrame(channel.alloc(), sockJsFrame)).addListener(written);
    return written.future();
  }

  /** Runs {@code task} on the connection's event loop after the current turn. */
  void later(Runnable task) {
    context.runOnContext(turn -> task.run());
  }

  /** The bytes written to the connection that its peer has not taken yet. */
  long pendingBytes() {
    ChannelOutboundBuffer unsent = channel.unsafe().outboundBuffer();
    return unsent == null ? 0 : unsent.totalPendingWriteBytes();
  }

  /** Whether the connection holds more unwritten bytes than Netty's high-water mark. */
  boolean full() {
    return !channel.isWritable();
  }

  /** {@code handler} is called each time a full connection drains, as a Vert.x stream's; {@code null} removes it. */
  void drainHandler(Handler<Void> handler) {
    this.drainHandler = handler;
  }

  private void notifyDrained() {
    Handler<Void> handler = drainHandler;
    if (handler != null && channel.isWritable()) {
      handler.handle(null);
    }
  }
}
