package org.wardwatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.ProtocolUpgradeHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocket.Listener;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SockJS WebSocket transport speaks the protocol browsers expect, over a real socket: each session here echoes
 * what it receives, and the server's end closes it on a {@code close} message. The client is the JDK's (Vert.x's own
 * client reports a server that drops it as a failed handshake).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class SockJsWebSocketTest {

  private static final long HEARTBEAT_MS = 200;

  private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  /** What the bridge's side hears: the session's end, and the error that ended it. */
  private final CompletableFuture<Void> sessionEnded = new CompletableFuture<>();
  private final CompletableFuture<Throwable> sessionError = new CompletableFuture<>();
  private final CompletableFuture<Void> sessionFilled = new CompletableFuture<>();
  /** The messages the bridge's side received. */
  private final List<String> heard = new CopyOnWriteArrayList<>();
  private volatile boolean reading = true;
  private WebSocket client;

  @BeforeEach
  void connect(Vertx vertx) {
    SockJSHandlerOptions options = new SockJSHandlerOptions().setHeartbeatInterval(HEARTBEAT_MS);
    Router router = Router.router(vertx);
    router.getWithRegex(SockJsWebSocket.PATH_REGEX).handler((ProtocolUpgradeHandler) context ->
        SockJsWebSocket.accept(vertx, context, options, new WritePacer(vertx.getOrCreateContext()), this::echo));
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    client = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + server.actualPort() + "/123/session-1/websocket"), new Listener() {
          private final StringBuilder partial = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
              frames.add(partial.toString());
              partial.setLength(0);
            }
            if (reading) {
              socket.request(1);
            }
            return null;
          }

          @Override
          public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.complete(null);
            return null;
          }

          @Override
          public void onError(WebSocket socket, Throwable error) {
            closed.complete(null);
          }
        }).join();
  }

  @AfterEach
  void disconnect() {
    client.abort();
  }

  /**
   * Echoes each message; {@code close} closes the session, {@code flood} writes more than the sockets hold, and
   * {@code fill} writes until the session says its queue is full and then {@code drained} once it drains.
   */
  private void echo(SockJSSocket session) {
    session.exceptionHandler(sessionError::complete);
    session.closeHandler(ended -> sessionEnded.complete(null));
    session.handler(message -> {
      heard.add(message.toString());
      if ("close".equals(message.toString())) {
        session.close();
        assertFalse(session.writeQueueFull(), "a closed session takes no more writes, and does not throw");
      } else if ("flood".equals(message.toString())) {
        String large = "x".repeat(64 * 1024);
        for (int i = 0; i < 400; i++) {
          session.write(large);
        }
      } else if ("fill".equals(message.toString())) {
        fill(session);
      } else {
        session.write(message);
      }
    });
  }

  private void fill(SockJSSocket session) {
    String large = "x".repeat(64 * 1024);
    for (int i = 0; i < 400 && !session.writeQueueFull(); i++) {
      session.write(large);
    }
    if (session.writeQueueFull()) {
      sessionFilled.complete(null);
      session.drainHandler(drained -> {
        session.drainHandler(null);
        session.write("drained");
      });
    }
  }

  @Test
  void opensEchoesEscapedMessagesAndBeatsTheHeart() throws InterruptedException {
    assertEquals("o", next());

    send("[\"one \\\"quoted\\\"\",\"two é\"]");

    assertEquals("a[\"one \\\"quoted\\\"\",\"two \\u00e9\"]", nextMessage(), "echoed in one turn: one frame");
    send("\"three\"");
    assertEquals("a[\"three\"]", nextMessage());
    assertEquals("h", next(), "a heartbeat within the interval when nothing else is sent");
  }

  @Test
  void aSessionThatIsWrittenToGetsNoHeartbeat() throws InterruptedException {
    assertEquals("o", next());
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3 * HEARTBEAT_MS);
    while (System.nanoTime() < until) {
      send("\"busy\"");
      assertEquals("a[\"busy\"]", next(), "no heartbeat while frames are written more often than the interval");
      Thread.sleep(HEARTBEAT_MS / 8);
    }
    assertEquals("h", next(), "a heartbeat once quiet for the interval");
  }

  @Test
  void closesWithTheSockJsCloseFrame() throws Exception {
    assertEquals("o", next());

    send("\"close\"");

    assertEquals("c[3000,\"Go away!\"]", nextMessage());
    closed.get(5, TimeUnit.SECONDS);
  }

  @Test
  void closingSendsTheMessagesWaitingForTheEndOfTheTurnFirst() throws Exception {
    assertEquals("o", next());

    send("[\"last words\",\"close\"]");

    assertEquals("a[\"last words\"]", nextMessage());
    assertEquals("c[3000,\"Go away!\"]", nextMessage());
    closed.get(5, TimeUnit.SECONDS);
  }

  @Test
  void dropsAClientThatDoesNotSpeakSockJs() throws Exception {
    assertEquals("o", next());

    send("{not sockjs");

    closed.get(5, TimeUnit.SECONDS);
    assertNull(frames.stream().filter(frame -> frame.startsWith("a")).findAny().orElse(null));
  }

  @Test
  void aFrameThatIsNotSockJsEndsTheSessionBeforeAnythingTheClientSendsNext() throws Exception {
    assertEquals("o", next());

    send("[\"first\",null]");
    // sent, or refused by the client as the server closed first (the race this test has): heard neither way
    client.sendText("\"after\"", true).handle((sent, closedFirst) -> sent).join();

    sessionEnded.get(5, TimeUnit.SECONDS);
    closed.get(5, TimeUnit.SECONDS);
    assertEquals(List.of(), heard, "neither the refused frame's messages nor the next frame's reach the bridge");
  }

  @Test
  void aBinaryFrameEndsTheSessionAsAFrameThatIsNotSockJs() throws Exception {
    assertEquals("o", next());

    client.sendBinary(ByteBuffer.wrap("[\"lost\"]".getBytes(StandardCharsets.UTF_8)), true).join();

    sessionEnded.get(5, TimeUnit.SECONDS);
    closed.get(5, TimeUnit.SECONDS);
    assertEquals(List.of(), heard);
  }

  @Test
  void closingEndsTheSessionAtOnceEvenForABrowserThatStoppedReading() throws Exception {
    assertEquals("o", next());
    reading = false;

    send("\"flood\"");
    send("\"close\"");

    sessionEnded.get(3, TimeUnit.SECONDS);
    assertFalse(sessionError.isDone(), "ended without an error");
  }

  @Test
  void aBrowserThatStopsReadingFillsTheSessionWhichDrainsOnceItReadsAgain() throws Exception {
    assertEquals("o", next());
    reading = false;

    send("\"fill\"");

    sessionFilled.get(5, TimeUnit.SECONDS);
    reading = true;
    client.request(1);
    String frame = nextMessage();
    while (frame != null && frame.startsWith("a[\"xxx")) {
      frame = nextMessage();
    }
    assertEquals("a[\"drained\"]", frame, "the drain handler ran once the browser read again");
  }

  @Test
  void aBrokenConnectionEndsTheSessionAndTellsTheBridgeWhy() throws Exception {
    assertEquals("o", next());

    send("\"" + "x".repeat(300 * 1024) + "\""); // over the WebSocket message limit

    sessionEnded.get(5, TimeUnit.SECONDS);
    assertNotNull(sessionError.get(5, TimeUnit.SECONDS));
    closed.get(5, TimeUnit.SECONDS);
  }

  private void send(String frame) {
    client.sendText(frame, true).join();
  }

  private String next() throws InterruptedException {
    return frames.poll(5, TimeUnit.SECONDS);
  }

  /** The next frame that is not a heartbeat. */
  private String nextMessage() throws InterruptedException {
    String frame = next();
    while ("h".equals(frame)) {
      frame = next();
    }
    return frame;
  }
}
