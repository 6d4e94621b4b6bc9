package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A patient's alarm transitions kept in one array: appended, trimmed from the front, read back whole. */
class EventLogTest {

  private final EventLog log = new EventLog();

  @Test
  void givenEntries_thenReadBackInOrderWithinTheAskedTimes() {
    log.add(1000, Buffer.buffer("{\"n\":1}"));
    log.add(2000, Buffer.buffer("{\"n\":2}"));
    log.add(3000, Buffer.buffer("{\"n\":3}"));

    assertEquals(List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}"), read(0, Long.MAX_VALUE));
    assertEquals(List.of("{\"n\":2}"), read(2000, 2999));
  }

  @Test
  void givenTrim_thenOlderThanTheStartAndBeyondTheCapGoFirst() {
    IntStream.rangeClosed(1, 10).forEach(n -> log.add(n * 1000L, Buffer.buffer("{\"n\":" + n + "}")));

    log.trim(3000, 10);
    assertEquals(8, log.size(), "the two before 3000 are dropped");
    log.trim(0, 5);

    assertEquals(List.of("{\"n\":6}", "{\"n\":7}", "{\"n\":8}", "{\"n\":9}", "{\"n\":10}"), read(0, Long.MAX_VALUE));
  }

  @Test
  void givenManyEntriesAddedAndDroppedOverTime_thenTheArrayIsReusedAndNothingIsLostOrMixedUp() {
    String padding = "x".repeat(700);
    for (int n = 1; n <= 5000; n++) {
      log.add(n, Buffer.buffer("{\"n\":" + n + ",\"p\":\"" + padding + "\"}"));
      log.trim(n - 99, 500);
    }

    List<String> kept = read(0, Long.MAX_VALUE);
    assertEquals(100, kept.size());
    assertEquals("{\"n\":4901,\"p\":\"" + padding + "\"}", kept.get(0));
    assertEquals("{\"n\":5000,\"p\":\"" + padding + "\"}", kept.get(99));
  }

  @Test
  void givenAllDropped_thenNothingRead() {
    log.add(1000, Buffer.buffer("{}"));
    log.trim(2000, 10);

    assertEquals(0, log.size());
    assertEquals(List.of(), read(0, Long.MAX_VALUE));
  }

  private List<String> read(long from, long to) {
    List<String> entries = new ArrayList<>();
    log.forEachBetween(from, to, entry -> entries.add(entry.toString()));
    return entries;
  }
}
