package org.wardwatch.web;

import io.vertx.core.Context;
import io.vertx.core.internal.ContextInternal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Schedules the socket writes of the WebSocket sessions ({@link SockJsWebSocket}) of one HTTP verticle, each a flush of
 * a session's waiting frames ({@link OutgoingFrames}).
 *
 * <p><b>Due writes</b> ({@link #soon}) are made in order, after the turn that made them due, in slices of at most
 * {@value #SLICE_MS} ms of writes; between two slices the event loop reads its sockets and handles what came. While
 * the loop keeps up, a slice writes every due session at the end of the turn. When updates for a thousand screens come
 * faster than the loop can write them, or the loop was held up, an update for a session that is still due goes in the
 * same write as the one before it instead of a write of its own: a screen falls behind by about one pass over the due
 * sessions, not by a queue of writes that grows, and the devices' reads wait for one slice at most.
 *
 * <p><b>Paced writes</b> ({@link #nextRound}): a session that wrote less than {@value #GAP_MS} ms ago waits for the
 * next round, in which one timer makes every waiting session due. Each write is a system call, and a screen following
 * busy wards made one per update (at 10,000 updates a second to one screen, a tenth of the node's CPU); now a vitals
 * update waits at most {@value #GAP_MS} ms more, and a quiet screen not at all. Alarms never wait for a round (see
 * {@link SockJsWebSocket#send}).
 *
 * <p>Not thread-safe: lives on the HTTP verticle's event loop.
 */
final class WritePacer {

  static final long GAP_MS = 1;
  static final long SLICE_MS = 1;

  private final ContextInternal context;
  private final long gapMillis;
  private final long gapNanos;
  private final long sliceNanos;
  /** The flushes of the sessions waiting for the next round; a round is due while this is not empty. */
  private List<Runnable> waiting = new ArrayList<>();
  /** The flushes due, in order; a slice is on its way while this is not empty (at times two: the later finds none). */
  private final ArrayDeque<Runnable> due = new ArrayDeque<>();

  /** Paces the writes of {@code context}'s sessions to about one per session per {@value #GAP_MS} ms. */
  WritePacer(Context context) {
    this(context, GAP_MS, TimeUnit.MILLISECONDS.toNanos(SLICE_MS));
  }

  /**
   * Paces to about one write per session per {@code gapMillis}, in slices of {@code sliceNanos} of writes (tests tell
   * rounds and slices apart with a longer gap and a shorter slice).
   */
  WritePacer(Context context, long gapMillis, long sliceNanos) {
    this.context = (ContextInternal) context;
    this.gapMillis = gapMillis;
    this.gapNanos = TimeUnit.MILLISECONDS.toNanos(gapMillis);
    this.sliceNanos = sliceNanos;
  }

  /** Whether a session that last wrote at {@code lastWriteNanos} ({@link System#nanoTime()}) is to wait for a round. */
  boolean tooSoon(long lastWriteNanos) {
    return System.nanoTime() - lastWriteNanos < gapNanos;
  }

  /** Runs {@code flush} in the next round, a gap after the first flush that waits for it. */
  void nextRound(Runnable flush) {
    if (waiting.isEmpty()) {
      context.setTimer(gapMillis, id -> round());
    }
    waiting.add(flush);
  }

  /** Runs {@code flush} after this turn, after the flushes already due. */
  void soon(Runnable flush) {
    if (due.isEmpty()) {
      context.runOnContext(slice -> writeSlice());
    }
    due.add(flush);
  }

  private void round() {
    List<Runnable> flushes = waiting;
    waiting = new ArrayList<>();
    flushes.forEach(this::soon);
  }

  /** Runs the due flushes for up to a slice; what is left waits until the loop has read its sockets once. */
  private void writeSlice() {
    long end = System.nanoTime() + sliceNanos;
    try {
      Runnable flush;
      while ((flush = due.poll()) != null) {
        flush.run();
        if (System.nanoTime() - end >= 0) {
          break;
        }
      }
    } finally {
      if (!due.isEmpty()) {
        context.nettyEventLoop().schedule(() -> context.dispatch(this::writeSlice), 0, TimeUnit.NANOSECONDS);
      }
    }
  }
}
