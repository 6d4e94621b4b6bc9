package org.wardwatch.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.util.concurrent.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Many browser sessions on a SockJS event-bus bridge, over the SockJS WebSocket transport as {@code vertx-eventbus.js}
 * uses it ({@code /eventbus/<server>/<session>/websocket}, frames {@code o}, {@code h}, {@code a[...]}). Each session
 * registers for the given addresses and pings as the JavaScript client does. A SockJS frame may carry several messages,
 * each a JSON document escaped into a JSON string; each delivered message ({@code rec}) is handed to a consumer where
 * it stands in the frame, its quotes escaped ({@link #inFrame}), found by searching the frame rather than decoding it.
 *
 * <p>The sessions are Netty channels on the generator's event loop with Netty's WebSocket client codec, and each frame
 * is searched where it was read ({@link FrameMarker}): at W4's higher rates (1,000 sessions, 100,000 and more
 * deliveries a second) the generator's single core was the limit through Vert.x's WebSocket client (a heap copy, a
 * UTF-8 decode and a copy per delivery: a quarter of its core went to faulting in fresh heap for them), and before
 * that through decoding every frame (about 60,000 deliveries/s).
 */
final class BridgeSessions implements AutoCloseable {

  /** Where a delivered message stands in a frame's bytes: {@code frame} from {@code from} up to {@code to}. */
  @FunctionalInterface
  interface Delivery {
    void accept(ByteBuf frame, int from, int to);
  }

  /** As {@code vertx-eventbus.js}: the bridge closes a session that has not pinged for its ping timeout (10 s). */
  private static final long PING_MS = 5_000;
  private static final String PING = new JsonArray().add(new JsonObject().put("type", "ping").encode()).encode();
  /** Where each delivered message starts in a frame: the bridge's envelope {@code {"type":"rec",...}}. */
  private static final FrameMarker DELIVERY = new FrameMarker(inFrame("{\"type\":\"rec\""));
  private static final int MAX_FRAME_BYTES = 1 << 20;
  /** Sessions opened at once: more would flood the server's accept queue. */
  private static final int OPENING_AT_ONCE = 200;

  private final Vertx vertx;
  private final List<Channel> sessions = new ArrayList<>();
  private long pinger;

  private BridgeSessions(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * Opens {@code count} sessions on {@code port} with {@code origin}, registers each for {@code addresses}, and hands
   * every delivered message to {@code onMessage}. The registrations are sent, not confirmed: callers warm up first.
   */
  static BridgeSessions open(Vertx vertx, int port, String origin, int count, List<String> addresses,
      Delivery onMessage) throws InterruptedException, IOException {
    BridgeSessions opened = new BridgeSessions(vertx);
    ContextInternal eventLoop = (ContextInternal) vertx.getOrCreateContext();
    Bootstrap bootstrap = new Bootstrap().group(eventLoop.nettyEventLoop())
        .channelFactory(eventLoop.owner().transport().channelFactory(false))
        .option(ChannelOption.TCP_NODELAY, true);
    List<Promise<Void>> opening = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      URI uri = URI.create("ws://127.0.0.1:" + port + "/eventbus/" + (i % 1000) + "/" + UUID.randomUUID()
          + "/websocket");
      Promise<Void> handshake = eventLoop.nettyEventLoop().newPromise();
      ChannelFuture connecting = bootstrap.clone().handler(session(uri, origin, handshake, onMessage))
          .connect("127.0.0.1", port);
      connecting.addListener(connected -> {
        if (!connected.isSuccess()) {
          handshake.tryFailure(connected.cause());
        }
      });
      opened.sessions.add(connecting.channel());
      opening.add(handshake);
      if (opening.size() == OPENING_AT_ONCE || i == count - 1) {
        awaitAll(opening);
        opening.clear();
      }
    }
    for (Channel session : opened.sessions) {
      for (String address : addresses) {
        JsonObject register = new JsonObject().put("type", "register").put("address", address);
        session.writeAndFlush(new TextWebSocketFrame(new JsonArray().add(register.encode()).encode()));
      }
    }
    // Each session pings every PING_MS, one at a time as browsers' own timers would: 1,000 pings at once held the
    // generator's event loop for up to 24 ms every 5 s, charged to W4's deliveries.
    int[] next = {0};
    opened.pinger = vertx.setPeriodic(Math.max(1, PING_MS / count), id -> {
      opened.sessions.get(next[0]).writeAndFlush(new TextWebSocketFrame(PING));
      next[0] = (next[0] + 1) % opened.sessions.size();
    });
    return opened;
  }

  /** How {@code json} stands in a SockJS frame, inside a JSON string: its quotes escaped. */
  static String inFrame(String json) {
    return json.replace("\"", "\\\"");
  }

  /** A session's pipeline: the WebSocket handshake on {@code uri}, then each messages frame's deliveries. */
  private static ChannelInitializer<Channel> session(URI uri, String origin, Promise<Void> handshake,
      Delivery onMessage) {
    WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder().webSocketUri(uri)
        .customHeaders(new DefaultHttpHeaders().set(HttpHeaderNames.ORIGIN, origin))
        .maxFramePayloadLength(MAX_FRAME_BYTES).withUTF8Validator(false).build(); // searched, never decoded
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel channel) {
        channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_FRAME_BYTES),
            new WebSocketClientProtocolHandler(config), new WebSocketFrameAggregator(MAX_FRAME_BYTES),
            new SimpleChannelInboundHandler<TextWebSocketFrame>() {
              @Override
              public void userEventTriggered(ChannelHandlerContext context, Object event) {
                if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                  handshake.trySuccess(null);
                } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                  handshake.tryFailure(new IOException("WebSocket handshake timed out: " + uri));
                }
                context.fireUserEventTriggered(event);
              }

              @Override
              protected void channelRead0(ChannelHandlerContext context, TextWebSocketFrame frame) {
                deliveries(frame.content(), onMessage);
              }

              @Override
              public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
                handshake.tryFailure(cause);
                context.close();
              }
            });
      }
    };
  }

  /** Hands each delivered message of a SockJS frame ({@code a["<message>",...]}) to {@code onMessage}. */
  private static void deliveries(ByteBuf frame, Delivery onMessage) {
    int end = frame.writerIndex();
    if (frame.readableBytes() > 0 && frame.getByte(frame.readerIndex()) == 'a') {
      for (int at = DELIVERY.in(frame, frame.readerIndex(), end); at >= 0; ) {
        int next = DELIVERY.in(frame, at + 1, end);
        onMessage.accept(frame, at, next < 0 ? end : next);
        at = next;
      }
    }
  }

  private static void awaitAll(List<Promise<Void>> opening) throws InterruptedException, IOException {
    for (Promise<Void> handshake : opening) {
      if (!handshake.await().isSuccess()) {
        throw new IOException("a browser session did not open", handshake.cause());
      }
    }
  }

  @Override
  public void close() {
    vertx.cancelTimer(pinger);
    sessions.forEach(Channel::close);
    sessions.forEach(session -> session.closeFuture().awaitUninterruptibly());
  }
}
