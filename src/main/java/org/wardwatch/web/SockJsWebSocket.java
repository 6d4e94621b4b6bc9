package org.wardwatch.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import io.vertx.ext.web.handler.sockjs.impl.JsonCodec;
import io.vertx.ext.web.handler.sockjs.impl.SockJSSocketBase;
import java.util.List;

/**
 * A browser's session on the SockJS WebSocket transport ({@code /eventbus/<server>/<session>/websocket}), served here
 * rather than by Vert.x so that {@link WardFanOut} can write one SockJS frame, escaped and framed once per broadcast,
 * to every session ({@link #writeFrame}): Vert.x's transport decodes, escapes, frames and encodes each message again
 * for each session, most of the cost of a delivery to a thousand screens. The protocol is the one Vert.x's transport
 * speaks and {@code vertx-eventbus.js} expects: {@code o} once open, {@code h} every heartbeat interval,
 * {@code a[...]} for messages (escaped by Vert.x's own SockJS codec), {@code c[code,"reason"]} before the server
 * closes; the browser sends a JSON array of strings, or one string, each a message, and anything else ends the
 * session. The xhr-streaming and polling fallbacks stay Vert.x's; every transport reaches the same event-bus bridge.
 *
 * <p>Not thread-safe: lives on the HTTP verticle's event loop.
 */
final class SockJsWebSocket extends SockJSSocketBase {

  /** The transport's path below the bridge's mount point, as Vert.x's transport matches it. */
  static final String PATH_REGEX = "\\/[^\\/\\.]+\\/[^\\/\\.]+\\/websocket";
  private static final int GOING_AWAY = 3000;
  private static final char NON_ASCII = 0x80;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final ServerWebSocket socket;
  private final MultiMap headers;
  private final long heartbeat;
  private Handler<Buffer> handler;
  private Handler<Void> endHandler;
  private Handler<Void> closeHandler;
  private boolean closed;

  private SockJsWebSocket(Vertx vertx, RoutingContext context, SockJSHandlerOptions options, ServerWebSocket socket) {
    super(vertx, context, options);
    this.socket = socket;
    this.headers = HttpHeaders.headers().addAll(socket.headers()).remove(HttpHeaders.COOKIE);
    this.heartbeat = vertx.setPeriodic(options.getHeartbeatInterval(), id -> writeFrame("h"));
    socket.textMessageHandler(this::received);
    socket.closeHandler(gone -> ended());
  }

  /** Upgrades the request of {@code context} and hands the open session to {@code bridge}. */
  static void accept(Vertx vertx, RoutingContext context, SockJSHandlerOptions options,
      Handler<SockJSSocket> bridge) {
    HttpServerRequest request = context.request();
    if (!request.canUpgradeToWebSocket()) {
      context.response().setStatusCode(400).end("Can \"Upgrade\" only to \"WebSocket\".");
      return;
    }
    request.toWebSocket().onFailure(context::fail).onSuccess(socket -> {
      SockJsWebSocket session = new SockJsWebSocket(vertx, context, options, socket);
      session.writeFrame("o");
      bridge.handle(session);
    });
  }

  /**
   * The SockJS frame that carries {@code message}, what {@link #writeFrame} takes: {@code a["<message>"]}, the message
   * escaped exactly as Vert.x's SockJS codec escapes it (JSON's escapes, and every character outside ASCII as
   * {@code \\uXXXX}, as SockJS asks), in one pass over the message rather than the codec's several copies.
   */
  static String frameOf(String message) {
    StringBuilder frame = new StringBuilder(message.length() + message.length() / 8 + 8).append("a[\"");
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      switch (c) {
        case '"' -> frame.append("\\\"");
        case '\\' -> frame.append("\\\\");
        case '\n' -> frame.append("\\n");
        case '\r' -> frame.append("\\r");
        case '\t' -> frame.append("\\t");
        case '\b' -> frame.append("\\b");
        case '\f' -> frame.append("\\f");
        default -> {
          if (c < ' ' || c >= NON_ASCII) {
            frame.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
                .append(HEX[c & 0xF]);
          } else {
            frame.append(c);
          }
        }
      }
    }
    return frame.append("\"]").toString();
  }

  /** Writes a frame made by {@link #frameOf}, as it is: the same one can go to many sessions. */
  Future<Void> writeFrame(String frame) {
    return closed ? Future.failedFuture("SockJS session closed") : socket.writeTextMessage(frame);
  }

  @Override
  public Future<Void> write(Buffer data) {
    return writeFrame(frameOf(data.toString()));
  }

  private void received(String frame) {
    if (closed || frame.isEmpty() || "[]".equals(frame)) {
      return;
    }
    List<String> messages = isMessages(frame) ? JsonCodec.decodeValues(frame) : null;
    if (messages == null) {
      socket.close(); // not SockJS: Vert.x's transport drops such a client too
      return;
    }
    Handler<Buffer> receiver = handler;
    if (receiver != null) {
      messages.forEach(message -> receiver.handle(Buffer.buffer(message)));
    }
  }

  /** A JSON array of strings or one string, as far as the frame's ends tell (the codec reads the rest). */
  private static boolean isMessages(String frame) {
    return frame.length() >= 2 && (frame.startsWith("[\"") && frame.endsWith("\"]")
        || frame.startsWith("\"") && frame.endsWith("\""));
  }

  private void ended() {
    if (closed) {
      return;
    }
    closed = true;
    vertx.cancelTimer(heartbeat);
    super.close();
    if (endHandler != null) {
      endHandler.handle(null);
    }
    if (closeHandler != null) {
      closeHandler.handle(null);
    }
  }

  @Override
  public void close() {
    close(GOING_AWAY, "Go away!");
  }

  @Override
  public void close(int statusCode, String reason) {
    if (!closed) {
      writeFrame("c[" + statusCode + ",\"" + reason + "\"]");
      socket.close();
    }
  }

  @Override
  public SockJSSocket handler(Handler<Buffer> handler) {
    this.handler = handler;
    return this;
  }

  @Override
  public SockJSSocket exceptionHandler(Handler<Throwable> handler) {
    socket.exceptionHandler(handler);
    return this;
  }

  @Override
  public SockJSSocket endHandler(Handler<Void> endHandler) {
    this.endHandler = endHandler;
    return this;
  }

  @Override
  public SockJSSocket closeHandler(Handler<Void> closeHandler) {
    this.closeHandler = closeHandler;
    return this;
  }

  @Override
  public SockJSSocket pause() {
    socket.pause();
    return this;
  }

  @Override
  public SockJSSocket resume() {
    socket.resume();
    return this;
  }

  @Override
  public SockJSSocket fetch(long amount) {
    socket.fetch(amount);
    return this;
  }

  @Override
  public SockJSSocket setWriteQueueMaxSize(int maxSize) {
    socket.setWriteQueueMaxSize(maxSize);
    return this;
  }

  @Override
  public boolean writeQueueFull() {
    return socket.writeQueueFull();
  }

  @Override
  public SockJSSocket drainHandler(Handler<Void> handler) {
    socket.drainHandler(handler);
    return this;
  }

  @Override
  public SocketAddress remoteAddress() {
    return socket.remoteAddress();
  }

  @Override
  public SocketAddress localAddress() {
    return socket.localAddress();
  }

  @Override
  public MultiMap headers() {
    return headers;
  }

  @Override
  public String uri() {
    return socket.uri();
  }
}
