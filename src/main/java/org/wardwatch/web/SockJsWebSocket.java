package org.wardwatch.web;

import io.netty.channel.Channel;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import io.vertx.ext.web.handler.sockjs.impl.SockJSSocketBase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A browser's session on the SockJS WebSocket transport ({@code /eventbus/<server>/<session>/websocket}), served here
 * rather than by Vert.x so that {@link WardFanOut} can write one SockJS frame, escaped and framed once per broadcast,
 * to every session ({@link #send}): Vert.x's transport decodes, escapes, frames and encodes each message again for each
 * session, most of the cost of a delivery to a thousand screens. The messages sent to a session during one turn of the
 * event loop (while updates come fast, during one {@link WritePacer} round) leave together, as one SockJS frame in one
 * WebSocket frame and one socket write: a screen following busy wards gets many updates a millisecond, and a write each
 * was most of what they cost. The protocol ({@link SockJsFrames}, {@link BrowserFrames}) is the one Vert.x's transport
 * speaks and {@code vertx-eventbus.js} expects: open, a heartbeat after every quiet interval, messages, a close frame
 * before the server closes; a browser frame that is not SockJS (binary, say) ends the session. The xhr-streaming and
 * polling fallbacks stay Vert.x's; every transport reaches the same event-bus bridge. It extends vertx-web's
 * {@code SockJSSocketBase} (the bridge closes idle sessions through it), the bridge is vertx-web's
 * {@code EventBusBridgeImpl}, and a batch is written straight to the connection's Netty channel ({@link DirectFrames}),
 * reached through vertx-core's {@code ConnectionBase}: internal classes, to check on a Vert.x upgrade;
 * {@code SockJsFramesTest}, {@code WebSocketWireTest} and {@code SockJsWebSocketTest} pin the protocol, the browser
 * tests the whole path.
 *
 * <p>Not thread-safe: lives on the HTTP verticle's event loop. (Longer than most classes: half of it is the
 * {@code SockJSSocket} interface's methods, a line or two each.)
 */
final class SockJsWebSocket extends SockJSSocketBase {

  /** The transport's path below the bridge's mount point, as Vert.x's transport matches it. */
  static final String PATH_REGEX = "\\/[^\\/\\.]+\\/[^\\/\\.]+\\/websocket";
  private static final int GOING_AWAY = 3000;
  /** The most bytes that may wait for a screen that does not read, 8 MiB: some 16,000 alarm messages. */
  static final long MAX_UNREAD_BYTES = 8L << 20;
  private static final String CLOSED = "SockJS session closed";

  private final ServerWebSocket socket;
  private final DirectFrames connection;
  private final OutgoingFrames outgoing;
  private final MultiMap headers;
  private final long heartbeatNanos;
  private long heartbeat;
  /** When the session's own frame (open, heartbeat, close) was last written; messages': {@link OutgoingFrames}. */
  private long lastOwnFrameNanos = System.nanoTime();
  private Handler<Buffer> handler;
  private Handler<Void> endHandler;
  private Handler<Void> closeHandler;
  private Handler<Throwable> exceptionHandler;
  private boolean closed;

  private SockJsWebSocket(Vertx vertx, RoutingContext context, SockJSHandlerOptions options, WritePacer pacer,
      ServerWebSocket socket, DirectFrames connection) {
    super(vertx, context, options);
    this.socket = socket;
    this.connection = connection;
    this.outgoing = new OutgoingFrames(pacer,
        frame -> isClosed() ? Future.failedFuture(CLOSED) : connection.write(frame));
    this.headers = HttpHeaders.headers().addAll(socket.headers()).remove(HttpHeaders.COOKIE);
    this.heartbeatNanos = TimeUnit.MILLISECONDS.toNanos(options.getHeartbeatInterval());
    this.heartbeat = vertx.setTimer(options.getHeartbeatInterval(), id -> beatIfQuiet());
    socket.textMessageHandler(this::received);
    socket.binaryMessageHandler(binary -> refuse()); // SockJS frames are text
    socket.closeHandler(gone -> ended());
    socket.exceptionHandler(this::failed);
  }

  /** Upgrades the request of {@code context} and hands the open session, paced by {@code pacer}, to {@code bridge}. */
  static void accept(Vertx vertx, RoutingContext context, SockJSHandlerOptions options, WritePacer pacer,
      Handler<SockJSSocket> bridge) {
    HttpServerRequest request = context.request();
    if (!request.canUpgradeToWebSocket()) {
      context.response().setStatusCode(400).end("Can \"Upgrade\" only to \"WebSocket\".");
      return;
    }
    Channel channel = ((ConnectionBase) request.connection()).channel(); // the same once upgraded
    request.toWebSocket().onFailure(context::fail).onSuccess(socket -> {
      DirectFrames connection = new DirectFrames((ContextInternal) vertx.getOrCreateContext(), channel);
      SockJsWebSocket session = new SockJsWebSocket(vertx, context, options, pacer, socket, connection);
      session.writeFrame(SockJsFrames.OPEN);
      bridge.handle(session);
    });
  }

  /**
   * Sends {@code frame}, a messages frame in ASCII ({@link SockJsFrames#recFrame}; one can go to many sessions), with
   * the others sent to this session meanwhile ({@link OutgoingFrames}): at the end of this turn when {@code urgent},
   * else perhaps with the {@link WritePacer}'s next round. A screen that has stopped reading (its vitals are skipped
   * while its connection is full, its alarms never) is closed once {@value #MAX_UNREAD_BYTES} bytes wait for it,
   * rather than holding alarms for it without bound: the page, once it reads again, reconnects and reloads its ward.
   *
   * @return completes when the frame that carries it is written
   */
  Future<Void> send(byte[] frame, boolean urgent) {
    if (!isClosed() && connection.pendingBytes() <= MAX_UNREAD_BYTES) {
      return outgoing.add(frame, urgent);
    }
    if (!isClosed()) { // after the turn, which may be going through the ward's sessions
      connection.later(() -> close(GOING_AWAY, "screen not reading"));
    }
    return Future.failedFuture(CLOSED);
  }

  private Future<Void> writeFrame(String frame) {
    if (isClosed()) {
      return Future.failedFuture(CLOSED);
    }
    lastOwnFrameNanos = System.nanoTime();
    return socket.writeTextMessage(frame);
  }

  /**
   * Sends a heartbeat if nothing was written for the interval (any frame keeps an idle connection open through
   * proxies), and looks again an interval after the last write: on a fixed period, the heartbeats of sessions opened
   * together left together, a burst of a write per session that delayed the alarms behind it (performance-log.md).
   */
  private void beatIfQuiet() {
    if (isClosed()) {
      return;
    }
    long quiet = System.nanoTime() - Math.max(lastOwnFrameNanos, outgoing.lastWriteNanos());
    if (quiet >= heartbeatNanos) {
      writeFrame(SockJsFrames.HEARTBEAT);
      quiet = 0;
    }
    heartbeat = vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(heartbeatNanos - quiet)),
        id -> beatIfQuiet());
  }

  /** Ended here, or closing from the browser's side (its close frame came; the socket may not be closed yet). */
  private boolean isClosed() {
    return closed || socket.isClosed();
  }

  @Override
  public Future<Void> write(Buffer data) {
    return send(SockJsFrames.messages(data.toString()).getBytes(StandardCharsets.US_ASCII), true);
  }

  private void received(String frame) {
    List<String> messages = closed ? List.of() : BrowserFrames.received(frame);
    if (messages == null) {
      refuse();
      return;
    }
    Handler<Buffer> receiver = handler;
    if (receiver != null) {
      messages.forEach(message -> receiver.handle(Buffer.buffer(message)));
    }
  }

  /** Ends the session of a client not speaking SockJS, as Vert.x's transport does: what it sends next is lost. */
  private void refuse() {
    ended();
    socket.close();
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

  /**
   * Ends the session at once, as Vert.x's does, whether or not the browser reads the close frame: one that stopped
   * reading would otherwise keep it (and the alarms still written to it) until its connection died.
   */
  @Override
  public void close(int statusCode, String reason) {
    if (!closed) {
      outgoing.flush();
      writeFrame(SockJsFrames.close(statusCode, reason));
      ended();
      socket.close();
    }
  }

  /** A broken connection (or a message over the size limit) ends the session, then the bridge hears why. */
  private void failed(Throwable error) {
    if (closed) {
      return;
    }
    ended();
    if (exceptionHandler != null && !(error instanceof HttpClosedException)) { // a tab closed: no error
      exceptionHandler.handle(error);
    }
    socket.close();
  }

  @Override
  public SockJSSocket handler(Handler<Buffer> handler) {
    this.handler = handler;
    return this;
  }

  @Override
  public SockJSSocket exceptionHandler(Handler<Throwable> handler) {
    this.exceptionHandler = handler;
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
    if (!isClosed()) { // a closing Vert.x WebSocket throws
      socket.setWriteQueueMaxSize(maxSize);
    }
    return this;
  }

  /** Over the connection's high-water mark (its direct writes too); false once closed, where Vert.x's throws. */
  @Override
  public boolean writeQueueFull() {
    return !isClosed() && (connection.full() || socket.writeQueueFull());
  }

  @Override
  public SockJSSocket drainHandler(Handler<Void> handler) {
    connection.drainHandler(handler);
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
