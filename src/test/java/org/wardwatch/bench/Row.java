package org.wardwatch.bench;

import java.util.Locale;

/**
 * One line of the performance table: a figure of WardWatch, the same figure of the reference it is held against (the
 * bare server, the stock bridge, Mosquitto) when there is one, and whether the target holds.
 *
 * @param workload  W1..W5
 * @param figure    what is measured
 * @param wardWatch WardWatch's figure, formatted
 * @param reference the reference's figure, or "" when none
 * @param target    the target, in words
 * @param met       whether the target holds, {@code null} when the row is information only
 */
record Row(String workload, String figure, String wardWatch, String reference, String target, Boolean met) {

  static Row info(String workload, String figure, String wardWatch, String reference) {
    return new Row(workload, figure, wardWatch, reference, "", null);
  }

  String verdict() {
    return met == null ? "" : met ? "met" : "NOT met";
  }

  /** p50 / p99 of a latency histogram, or a plain statement that nothing arrived. */
  static String percentiles(org.HdrHistogram.Histogram latency) {
    return latency.getTotalCount() == 0 ? "none received"
        : millis(latency.getValueAtPercentile(50)) + " / " + millis(latency.getValueAtPercentile(99));
  }

  static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
  }

  static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%,.0f/s", perSecond);
  }

  static String micros(double nanos) {
    return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
  }

  static String ratio(double ratio) {
    return String.format(Locale.ROOT, "%.2f×", ratio);
  }
}
