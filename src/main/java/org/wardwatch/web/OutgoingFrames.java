package org.wardwatch.web;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The SockJS messages frames waiting for one {@link SockJsWebSocket} session's next socket write, which carries them
 * all as one frame, in order ({@link SockJsFrames#joined}). They are due after this turn of the event loop
 * ({@link WritePacer#soon}) when one is urgent (it takes the others along) or the session has not written for a
 * while, else with the {@link WritePacer}'s next round; they leave at once when they come to
 * {@value #MAX_BATCH_BYTES} bytes.
 *
 * <p>Not thread-safe: lives on the HTTP verticle's event loop.
 */
final class OutgoingFrames {

  /**
   * Frames this long leave at once (Netty's default high-water mark of a connection's outbound bytes), so that the
   * session's write queue tells {@link WardFanOut} of a screen that does not keep up within the turn or the pacer's
   * round too.
   */
  static final int MAX_BATCH_BYTES = 64 * 1024;

  private final WritePacer pacer;
  private final Runnable flushTask = this::flush;
  private final Function<byte[], Future<Void>> write;
  /** The frames since the last write; null when none. */
  private List<byte[]> frames;
  private int bytes;
  private Promise<Void> written;
  /** Whether the frames are due rather than waiting for the pacer's next round. */
  private boolean due;
  /** When the last write was made ({@link System#nanoTime()}); at first as if long ago. */
  private long lastWriteNanos = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);

  /** {@code write} writes one frame to the socket (or fails when the session is closed). */
  OutgoingFrames(WritePacer pacer, Function<byte[], Future<Void>> write) {
    this.pacer = pacer;
    this.write = write;
  }

  /** Adds {@code frame}; completes when the write that carries it is made. */
  Future<Void> add(byte[] frame, boolean urgent) {
    if (frames == null) {
      frames = new ArrayList<>();
      written = Promise.promise();
      due = false;
      if (urgent || !pacer.tooSoon(lastWriteNanos)) {
        makeDue();
      } else {
        pacer.nextRound(flushTask);
      }
    } else if (urgent && !due) {
      makeDue();
    }
    frames.add(frame);
    bytes += frame.length;
    Future<Void> carried = written.future();
    if (bytes >= MAX_BATCH_BYTES) {
      flush();
    }
    return carried;
  }

  /** When the last batch was written ({@link System#nanoTime()}); at first as if long ago. */
  long lastWriteNanos() {
    return lastWriteNanos;
  }

  /**
   * Writes the waiting frames as one, if any. They are taken first, so whatever the write's listeners send starts the
   * next batch.
   */
  void flush() {
    if (frames == null) {
      return;
    }
    List<byte[]> taken = frames;
    Promise<Void> done = written;
    frames = null;
    bytes = 0;
    written = null;
    lastWriteNanos = System.nanoTime();
    try {
      write.apply(taken.size() == 1 ? taken.get(0) : SockJsFrames.joined(taken)).onComplete(done);
    } catch (RuntimeException e) {
      done.fail(e);
    }
  }

  private void makeDue() {
    due = true;
    pacer.soon(flushTask);
  }
}
