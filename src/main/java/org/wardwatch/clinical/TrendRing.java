package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import java.util.Arrays;

/**
 * One parameter of one patient over the last hour: a ring of 360 ten-second buckets, each holding the time of its
 * latest observation (epoch ms), that observation's value, and the lowest and highest value seen in it. Bucket
 * {@code n} covers {@code [n * 10 s, (n + 1) * 10 s)} since the epoch and lives in slot {@code n mod 360}; a slot
 * belongs to the bucket its stored time falls in, so a slot left over from an earlier hour is never read as this one.
 *
 * <p>Memory grows with the data, not the frame rate: slots come in {@link Chunk}s of five minutes, each allocated when
 * a value first falls in it (about 600 bytes: one {@code long} and three {@code float}s a bucket), so a patient heard
 * for a minute costs one chunk a parameter and a full hour about 7 KB. Values are charted to at most one decimal within
 * the parameters' ranges, which a {@code float} holds and prints back exactly. Owned by {@link VitalsHistory}; not
 * thread-safe.
 */
final class TrendRing {

  static final long BUCKET_MILLIS = VitalsHistory.BUCKET_SECONDS * 1000L;
  static final int BUCKETS = VitalsHistory.WINDOW_MINUTES * 60 / VitalsHistory.BUCKET_SECONDS;

  /** Buckets a chunk holds: five minutes. */
  static final int CHUNK_BUCKETS = 30;

  /** Stored time of a slot never written; it falls in no bucket a real time does. */
  private static final long EMPTY = Long.MIN_VALUE;

  private final Chunk[] chunks = new Chunk[BUCKETS / CHUNK_BUCKETS];

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
    Chunk chunk = chunks[slot / CHUNK_BUCKETS];
    if (chunk == null) {
      chunk = new Chunk();
      chunks[slot / CHUNK_BUCKETS] = chunk;
    }
    chunk.add(slot % CHUNK_BUCKETS, bucket, at, value);
  }

  /** The buckets numbered {@code firstBucket} to {@code lastBucket} that hold data, oldest first. */
  JsonArray points(long firstBucket, long lastBucket) {
    JsonArray points = new JsonArray();
    for (long bucket = firstBucket; bucket <= lastBucket; bucket++) {
      int slot = slot(bucket);
      Chunk chunk = chunks[slot / CHUNK_BUCKETS];
      if (chunk != null) {
        chunk.addPoint(points, slot % CHUNK_BUCKETS, bucket);
      }
    }
    return points;
  }

  private static int slot(long bucket) {
    return (int) Math.floorMod(bucket, (long) BUCKETS);
  }

  /** Five minutes of consecutive slots. */
  private static final class Chunk {

    private final long[] lastAt = new long[CHUNK_BUCKETS];
    private final float[] last = new float[CHUNK_BUCKETS];
    private final float[] min = new float[CHUNK_BUCKETS];
    private final float[] max = new float[CHUNK_BUCKETS];

    Chunk() {
      Arrays.fill(lastAt, EMPTY);
    }

    void add(int index, long bucket, long at, float value) {
      long held = bucketOf(lastAt[index]);
      if (held > bucket) {
        return;
      }
      if (held < bucket) {
        lastAt[index] = at;
        last[index] = value;
        min[index] = value;
        max[index] = value;
        return;
      }
      min[index] = Math.min(min[index], value);
      max[index] = Math.max(max[index], value);
      if (at >= lastAt[index]) {
        lastAt[index] = at;
        last[index] = value;
      }
    }

    void addPoint(JsonArray points, int index, long bucket) {
      if (bucketOf(lastAt[index]) == bucket) {
        points.add(new JsonArray().add(lastAt[index]).add(last[index]).add(min[index]).add(max[index]));
      }
    }
  }
}
