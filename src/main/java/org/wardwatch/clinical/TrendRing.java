package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import java.util.Arrays;

/**
 * One parameter of one patient over the last hour: a ring of 360 ten-second buckets, each holding the time of its
 * latest observation (epoch ms), that observation's value, and the lowest and highest value seen in it. Bucket
 * {@code n} covers {@code [n * 10 s, (n + 1) * 10 s)} since the epoch and lives in slot {@code n mod 360}; a slot
 * belongs to the bucket its stored time falls in, so a slot left over from an earlier hour is never read as this one.
 *
 * <p>Memory is fixed whatever the frame rate: one {@code long} and three {@code float}s a bucket, about 7 KB. Values
 * are charted to at most one decimal within the parameters' ranges, which a {@code float} holds and prints back
 * exactly. Owned by {@link VitalsHistory}; not thread-safe.
 */
final class TrendRing {

  static final long BUCKET_MILLIS = VitalsHistory.BUCKET_SECONDS * 1000L;
  static final int BUCKETS = VitalsHistory.WINDOW_MINUTES * 60 / VitalsHistory.BUCKET_SECONDS;

  /** Stored time of a slot never written; it falls in no bucket a real time does. */
  private static final long EMPTY = Long.MIN_VALUE;

  private final long[] lastAt = new long[BUCKETS];
  private final float[] last = new float[BUCKETS];
  private final float[] min = new float[BUCKETS];
  private final float[] max = new float[BUCKETS];

  TrendRing() {
    Arrays.fill(lastAt, EMPTY);
  }

  /** The number of the bucket {@code epochMillis} falls in. */
  static long bucketOf(long epochMillis) {
    return Math.floorDiv(epochMillis, BUCKET_MILLIS);
  }

  /**
   * Adds a value measured at {@code at} (epoch ms) to its bucket: the bucket's last value is the one with the latest
   * time, whatever the order of arrival. Ignored when a bucket an hour or more later already holds the slot.
   */
  void add(long at, float value) {
    long bucket = bucketOf(at);
    int slot = slot(bucket);
    long held = bucketOf(lastAt[slot]);
    if (held > bucket) {
      return;
    }
    if (held < bucket) {
      lastAt[slot] = at;
      last[slot] = value;
      min[slot] = value;
      max[slot] = value;
      return;
    }
    min[slot] = Math.min(min[slot], value);
    max[slot] = Math.max(max[slot], value);
    if (at >= lastAt[slot]) {
      lastAt[slot] = at;
      last[slot] = value;
    }
  }

  /** The buckets numbered {@code firstBucket} to {@code lastBucket} that hold data, oldest first. */
  JsonArray points(long firstBucket, long lastBucket) {
    JsonArray points = new JsonArray();
    for (long bucket = firstBucket; bucket <= lastBucket; bucket++) {
      int slot = slot(bucket);
      if (bucketOf(lastAt[slot]) == bucket) {
        points.add(new JsonArray().add(lastAt[slot]).add(last[slot]).add(min[slot]).add(max[slot]));
      }
    }
    return points;
  }

  private static int slot(long bucket) {
    return (int) Math.floorMod(bucket, (long) BUCKETS);
  }
}
