package org.wardwatch.bench;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

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

  /**
   * How late the generator itself sent: each send's delay past its scheduled time, which every latency measured from
   * the schedule includes, and the sends still not made when the window closed (a generator stall at its end). Sends
   * over 5 ms late are listed in bursts, to set beside the slow deliveries.
   */
  record Lag(Histogram lateness, SlowBursts late, AtomicLong sent, long total) {

    String summary() {
      long unsent = total - sent.get();
      return String.format(Locale.ROOT, "generator's own send delay p99 %.2f ms, max %.2f ms%s; ",
          lateness.getValueAtPercentile(99) / 1e6, lateness.getMaxValue() / 1e6,
          unsent > 0 ? ", " + unsent + " sends not made in the window" : "") + late.summary("sends");
    }
  }

  /** Runs the schedule for {@code duration}; returns when it is over, with how late the sends left. */
  static Lag run(Vertx generator, int senders, double perSecond, Duration duration, Send send)
      throws InterruptedException {
    long start = System.nanoTime();
    long total = (long) (perSecond * duration.toNanos() / 1e9);
    Lag lag = new Lag(new Histogram(60_000_000_000L, 3), new SlowBursts(), new AtomicLong(), total);
    long timer = generator.setPeriodic(1, id -> {
      long due = Math.min(total, 1 + (long) ((System.nanoTime() - start) * perSecond / 1e9)); // k is due at k/rate
      for (long k = lag.sent().get(); k < due; k = lag.sent().incrementAndGet()) {
        long scheduled = start + (long) (k * 1e9 / perSecond);
        long delay = System.nanoTime() - scheduled;
        lag.lateness().recordValue(Math.max(0, delay));
        lag.late().record(scheduled, delay);
        send.send((int) (k % senders), k / senders, scheduled);
      }
    });
    Thread.sleep(duration.toMillis());
    generator.cancelTimer(timer);
    return lag;
  }
}
