package org.wardwatch.bench;

import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * An open-loop send schedule: {@code perSecond} sends in all, round-robin over {@code senders}, each at its scheduled
 * time whatever the server does, so that a slow server shows as latency measured from the schedule rather than as a
 * slower sender. Driven by a 1 ms timer on the generator's event loop, which catches up on every send that is due.
 */
final class OpenLoop {

  /** Sends sender {@code sender}'s {@code number}-th message, scheduled at {@code scheduledNanos}. */
  interface Send {
    void send(int sender, long number, long scheduledNanos);
  }

  private OpenLoop() {
  }

  /** Runs the schedule for {@code duration}; returns when it is over. */
  static void run(Vertx generator, int senders, double perSecond, Duration duration, Send send)
      throws InterruptedException {
    long start = System.nanoTime();
    long total = (long) (perSecond * duration.toNanos() / 1e9);
    long[] sent = {0};
    long timer = generator.setPeriodic(1, id -> {
      long due = Math.min(total, 1 + (long) ((System.nanoTime() - start) * perSecond / 1e9)); // k is due at k/rate
      for (; sent[0] < due; sent[0]++) {
        long k = sent[0];
        send.send((int) (k % senders), k / senders, start + (long) (k * 1e9 / perSecond));
      }
    });
    Thread.sleep(duration.toMillis());
    generator.cancelTimer(timer);
  }
}
