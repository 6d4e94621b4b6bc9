package org.wardwatch.bench;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The deliveries slower than W3's target, grouped in bursts of deliveries scheduled within {@value #BURST_GAP_MILLIS}
 * ms of each other, each with its wall-clock start (to line up with a server's GC log), length, count and worst
 * latency: whether a tail is a few pauses or a steady trickle, and whether WardWatch and Mosquitto, timed by the same
 * generator, share it.
 *
 * <p>Not thread-safe: used on the generator's single event loop.
 */
final class SlowBursts {

  /** W3's target: deliveries slower than this are listed. */
  static final long SLOW_NANOS = 5_000_000;
  private static final long BURST_GAP_MILLIS = 200;
  /** The most bursts a summary names one by one. */
  private static final int NAMED_BURSTS = 12;

  /** Scheduled wall-clock time (ms) and latency (ns) of each slow delivery, in the order delivered. */
  private final List<long[]> slow = new ArrayList<>();
  private long windowStartMillis = System.currentTimeMillis();

  void record(long scheduledNanos, long latencyNanos) {
    if (latencyNanos > SLOW_NANOS) {
      slow.add(new long[] {System.currentTimeMillis() - (System.nanoTime() - scheduledNanos) / 1_000_000,
          latencyNanos});
    }
  }

  /** Forgets the slow deliveries so far: a new window starts now. */
  void reset() {
    slow.clear();
    windowStartMillis = System.currentTimeMillis();
  }

  /**
   * {@code N <what> over 5 ms in B bursts (UTC, window from hh:mm:ss.SSS): hh:mm:ss.SSS +length ms: count, worst w
   * ms; ...}.
   */
  String summary(String what) {
    List<long[]> slow = new ArrayList<>(this.slow);
    slow.sort(Comparator.comparingLong(delivery -> delivery[0])); // delivered out of schedule order at times
    List<String> bursts = new ArrayList<>();
    int i = 0;
    while (i < slow.size()) {
      long start = slow.get(i)[0];
      long last = start;
      long worst = 0;
      int count = 0;
      for (; i < slow.size() && slow.get(i)[0] - last <= BURST_GAP_MILLIS; i++) {
        last = slow.get(i)[0];
        worst = Math.max(worst, slow.get(i)[1]);
        count++;
      }
      bursts.add(String.format("%s +%d ms: %d, worst %.1f ms", utc(start), last - start, count, worst / 1e6));
    }
    String named = String.join("; ", bursts.subList(0, Math.min(NAMED_BURSTS, bursts.size())))
        + (bursts.size() > NAMED_BURSTS ? "; ..." : "");
    return slow.size() + " " + what + " over " + SLOW_NANOS / 1_000_000 + " ms in " + bursts.size()
        + " bursts (UTC, window from " + utc(windowStartMillis) + ")" + (bursts.isEmpty() ? "" : ": " + named);
  }

  private static LocalTime utc(long epochMillis) {
    return LocalTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
  }
}
