package org.wardwatch.web;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Paces the socket writes of the WebSocket sessions ({@link SockJsWebSocket}) of one HTTP verticle to about one per
 * session per {@value #GAP_MS} ms while updates come faster: a session that has not written for that long writes at
 * the end of the event-loop turn; one that has waits for the next round, in which one timer flushes every session
 * waiting (a session that joins a round late writes a little sooner). Each write is a system call, and a screen
 * following busy wards made one per update (at 10,000 updates a second to one screen, a tenth of the node's CPU); now
 * a vitals update waits at most {@value #GAP_MS} ms more, and a quiet screen not at all. Alarms never wait (see
 * {@link SockJsWebSocket#send}).
 *
 * <p>Not thread-safe: lives on the HTTP verticle's event loop.
 */
final class WritePacer {

  static final long GAP_MS = 1;

  private final Vertx vertx;
  private final long gapMillis;
  private final long gapNanos;
  /** The flushes of the sessions waiting for the next round; a round is due while this is not empty. */
  private List<Runnable> waiting = new ArrayList<>();

  /** Paces to about one write per session per {@value #GAP_MS} ms. */
  WritePacer(Vertx vertx) {
    this(vertx, GAP_MS);
  }

  /** Paces to about one write per session per {@code gapMillis} (a longer gap lets tests tell rounds apart). */
  WritePacer(Vertx vertx, long gapMillis) {
    this.vertx = vertx;
    this.gapMillis = gapMillis;
    this.gapNanos = TimeUnit.MILLISECONDS.toNanos(gapMillis);
  }

  /** Whether a session that last wrote at {@code lastWriteNanos} ({@link System#nanoTime()}) is to wait for a round. */
  boolean tooSoon(long lastWriteNanos) {
    return System.nanoTime() - lastWriteNanos < gapNanos;
  }

  /** Runs {@code flush} in the next round, a gap after the first flush that waits for it. */
  void nextRound(Runnable flush) {
    if (waiting.isEmpty()) {
      vertx.setTimer(gapMillis, id -> round());
    }
    waiting.add(flush);
  }

  private void round() {
    List<Runnable> due = waiting;
    waiting = new ArrayList<>();
    due.forEach(Runnable::run);
  }
}
