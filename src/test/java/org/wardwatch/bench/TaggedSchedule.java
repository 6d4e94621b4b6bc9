package org.wardwatch.bench;

import org.HdrHistogram.Histogram;

/**
 * When each benchmark frame was scheduled, so that a delivery can be timed from its schedule (open loop). A frame is
 * identified by its device and a tag the frame carries through the server to the subscriber (the pulse value, which
 * WardWatch puts in the patient's snapshot); tags repeat after {@value #TAGS} frames of a device, far longer than any
 * latency measured. Each delivery is also timed from when its frame actually left, which leaves out the generator's own
 * delays in sending. Also reads those identifiers out of a delivered message without decoding it.
 *
 * <p>Not thread-safe: used on the generator's single event loop.
 */
final class TaggedSchedule {

  static final int TAGS = 60;
  /** A normal pulse: tags are 60..119 beats/min. */
  static final int FIRST_PULSE = 60;

  private final long[][] scheduled;
  /** When each frame actually left ({@link System#nanoTime()}), as {@link #scheduled}. */
  private final long[][] sentAt;
  private final Histogram latency = new Histogram(60_000_000_000L, 3);
  private final Histogram fromSend = new Histogram(60_000_000_000L, 3);
  private final SlowBursts slowBursts = new SlowBursts();

  TaggedSchedule(int devices) {
    this.scheduled = new long[devices][TAGS];
    this.sentAt = new long[devices][TAGS];
  }

  /** The pulse device frame {@code number} carries. */
  static int pulseOf(long number) {
    return FIRST_PULSE + (int) (number % TAGS);
  }

  /** Device {@code device}'s frame tagged {@code pulse}, scheduled at {@code scheduledNanos}, leaves now. */
  void sent(int device, int pulse, long scheduledNanos) {
    scheduled[device][pulse - FIRST_PULSE] = scheduledNanos;
    sentAt[device][pulse - FIRST_PULSE] = System.nanoTime();
  }

  /** Records the latency of the delivery of {@code device}'s frame tagged {@code pulse}, if it is one sent. */
  void delivered(int device, int pulse, long nowNanos) {
    if (device < 0 || device >= scheduled.length || pulse < FIRST_PULSE || pulse >= FIRST_PULSE + TAGS) {
      return;
    }
    long at = scheduled[device][pulse - FIRST_PULSE];
    if (at != 0) {
      long delay = Math.max(0, nowNanos - at);
      latency.recordValue(Math.min(delay, latency.getHighestTrackableValue()));
      slowBursts.record(at, delay);
      long sinceSent = Math.max(0, nowNanos - sentAt[device][pulse - FIRST_PULSE]);
      fromSend.recordValue(Math.min(sinceSent, fromSend.getHighestTrackableValue()));
    }
  }

  /** The deliveries' latency from their frames' scheduled times (open loop): the figure the targets are held to. */
  Histogram latency() {
    return latency;
  }

  /** The deliveries' latency from when their frames actually left: without the generator's own delays in sending. */
  Histogram latencyFromSend() {
    return fromSend;
  }

  /** The deliveries slower than W3's target since the last reset. */
  SlowBursts slowBursts() {
    return slowBursts;
  }

  /** Forgets what was measured so far (after a warm-up). */
  void reset() {
    latency.reset();
    fromSend.reset();
    slowBursts.reset();
  }

  /** The non-negative integer right after {@code marker} in {@code text}, or -1. */
  static int intAfter(String text, String marker) {
    int at = text.indexOf(marker);
    if (at < 0) {
      return -1;
    }
    int value = 0;
    int digits = 0;
    for (int i = at + marker.length(); i < text.length() && Character.isDigit(text.charAt(i)); i++, digits++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return digits == 0 ? -1 : value;
  }
}
