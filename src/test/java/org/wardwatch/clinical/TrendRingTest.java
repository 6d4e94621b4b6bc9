package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.Test;

class TrendRingTest {

  private static final long BUCKET = TrendRing.BUCKET_MILLIS;
  private static final long HOUR = TrendRing.BUCKETS * BUCKET;
  /** The first millisecond of a bucket whose slot is 0. */
  private static final long START = 1_000 * HOUR;

  @Test
  void bucketsEitherSideOfAChunkBoundaryAreBothKept() {
    TrendRing ring = new TrendRing();
    long lastOfFirstChunk = START + (TrendRing.CHUNK_BUCKETS - 1) * BUCKET;
    ring.add(lastOfFirstChunk, 80f);
    ring.add(lastOfFirstChunk + BUCKET, 90f);

    assertEquals(new JsonArray()
            .add(new JsonArray().add(lastOfFirstChunk).add(80f).add(80f).add(80f))
            .add(new JsonArray().add(lastOfFirstChunk + BUCKET).add(90f).add(90f).add(90f)),
        ring.points(TrendRing.bucketOf(START), TrendRing.bucketOf(START + HOUR - 1)));
  }

  @Test
  void aBucketKeepsItsLatestValueAndRange() {
    TrendRing ring = new TrendRing();
    ring.add(START + 2_000, 70f);
    ring.add(START + 9_000, 75f);
    ring.add(START + 5_000, 60f); // arrives late: widens the range, is not the latest

    assertEquals(new JsonArray().add(new JsonArray().add(START + 9_000).add(75f).add(60f).add(75f)),
        ring.points(TrendRing.bucketOf(START), TrendRing.bucketOf(START)));
  }

  @Test
  void aLateValueGoesIntoItsBucketAfterALaterBucketOpened() {
    TrendRing ring = new TrendRing();
    ring.add(START + 2_000, 70f);
    ring.add(START + BUCKET + 1, 80f);
    ring.add(START + 5_000, 60f);

    assertEquals(new JsonArray()
            .add(new JsonArray().add(START + 5_000).add(60f).add(60f).add(70f))
            .add(new JsonArray().add(START + BUCKET + 1).add(80f).add(80f).add(80f)),
        ring.points(TrendRing.bucketOf(START), TrendRing.bucketOf(START + BUCKET)));
  }

  @Test
  void anHourLaterTheSlotIsReusedAndOlderValuesAreIgnored() {
    TrendRing ring = new TrendRing();
    ring.add(START, 70f);
    ring.add(START + HOUR, 100f);
    ring.add(START + 1, 50f); // an hour behind the slot's bucket

    assertEquals(new JsonArray(), ring.points(TrendRing.bucketOf(START), TrendRing.bucketOf(START)));
    assertEquals(new JsonArray().add(new JsonArray().add(START + HOUR).add(100f).add(100f).add(100f)),
        ring.points(TrendRing.bucketOf(START + HOUR), TrendRing.bucketOf(START + HOUR)));
  }

  @Test
  void aSlotsBucketStaysUntilABucketAnHourLaterTakesTheSlot() {
    TrendRing ring = new TrendRing();
    ring.add(START, 70f);
    ring.add(START + (TrendRing.BUCKETS + 3) * BUCKET, 80f); // a device clock ahead: past the first slot's hour
    ring.add(START + 1, 60f); // late, into the first bucket, whose slot no later bucket has taken

    assertEquals(new JsonArray().add(new JsonArray().add(START + 1).add(60f).add(60f).add(70f)),
        ring.points(TrendRing.bucketOf(START), TrendRing.bucketOf(START)));
  }

  @Test
  void emptyChunksGiveNoPoints() {
    TrendRing ring = new TrendRing();
    ring.add(START + 200 * BUCKET, 36.6f);

    assertEquals(1, ring.points(TrendRing.bucketOf(START), TrendRing.bucketOf(START + HOUR - 1)).size());
  }
}
