package org.wardwatch.web;

import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocket.Listener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.wardwatch.testing.TestNode;

/**
 * A browser session on the SockJS WebSocket transport that can stop reading, as a screen on a slow link does: the
 * JDK's WebSocket client reads only what it is asked for, so the server's writes back up into its socket and queue.
 * Counts the deliveries per address, and the discharge notices among them.
 */
final class StalledScreen implements AutoCloseable {

  private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> dischargeNotices = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private volatile boolean reading = true;
  private WebSocket socket;

  private StalledScreen() {
  }

  static StalledScreen open(int httpPort) {
    StalledScreen screen = new StalledScreen();
    screen.socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", TestNode.DASHBOARD_ORIGIN)
        .buildAsync(URI.create("ws://127.0.0.1:" + httpPort + "/eventbus/1/stalled/websocket"), screen.listener())
        .join();
    return screen;
  }

  void register(String address) {
    String register = new JsonObject().put("type", "register").put("address", address).encode();
    socket.sendText(new JsonArray().add(register).encode(), true).join();
  }

  int received(String address) {
    return deliveries.computeIfAbsent(address, key -> new AtomicInteger()).get();
  }

  /** The deliveries on {@code address} whose body is a discharge notice ({@code "discharged": true}). */
  int dischargeNotices(String address) {
    return dischargeNotices.computeIfAbsent(address, key -> new AtomicInteger()).get();
  }

  void stopReading() {
    reading = false;
  }

  void resumeReading() {
    reading = true;
    socket.request(Long.MAX_VALUE);
  }

  void awaitReceived(String address, int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (received(address) < count) {
      if (System.nanoTime() > deadline) {
        fail("fewer than " + count + " deliveries on " + address);
      }
      Thread.sleep(20);
    }
  }

  /** Whether the server closed the session within {@code timeout} (seen once the screen reads what came before). */
  boolean closedWithin(Duration timeout) throws InterruptedException {
    try {
      closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException | TimeoutException notClosed) {
      return false;
    }
  }

  @Override
  public void close() {
    socket.abort();
  }

  private Listener listener() {
    return new Listener() {
      private final StringBuilder frame = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        frame.append(data);
        if (last) {
          count(frame.toString());
          frame.setLength(0);
        }
        if (reading) {
          webSocket.request(1);
        }
        return null;
      }

      @Override
      public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(null);
        return null;
      }

      @Override
      public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(null); // the connection ended under it
      }
    };
  }

  /** Counts the deliveries of a SockJS frame ({@code a[...]}: each message a JSON document in a JSON string). */
  private void count(String sockJsFrame) {
    if (sockJsFrame.startsWith("a")) {
      for (Object message : new JsonArray(sockJsFrame.substring(1))) {
        JsonObject delivery = new JsonObject((String) message);
        String address = delivery.getString("address");
        deliveries.computeIfAbsent(address, key -> new AtomicInteger()).incrementAndGet();
        if (delivery.getValue("body") instanceof JsonObject body && body.getBoolean("discharged", false)) {
          dischargeNotices.computeIfAbsent(address, key -> new AtomicInteger()).incrementAndGet();
        }
      }
    }
  }
}
