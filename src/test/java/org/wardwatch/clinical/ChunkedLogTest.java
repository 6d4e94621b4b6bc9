package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Entries kept in chunks: every one back, whole and in order, found by position, until its chunk goes. */
class ChunkedLogTest {

  private static final String PADDING = "x".repeat(900);
  /** Entries of one size: each takes its bytes and a twelve-byte header. */
  private static final int PER_CHUNK = ChunkedLog.CHUNK_BYTES / (entry(0).length() + 12);

  @Test
  void givenEntriesFillingSeveralChunks_thenAllReadBackInOrderAndByPosition() {
    ChunkedLog log = new ChunkedLog(Long.MAX_VALUE);
    List<String> written = new ArrayList<>();
    List<Long> positions = new ArrayList<>();
    for (int n = 0; n < 3 * PER_CHUNK; n++) {
      written.add(entry(n));
      positions.add(log.append(n, Buffer.buffer(entry(n))));
    }

    assertEquals(written, all(log));
    for (int n = 0; n < written.size(); n += 97) {
      assertEquals(written.get(n), log.read(positions.get(n)).toString());
    }
  }

  @Test
  void givenEntryLargerThanAChunk_thenKeptWholeBetweenOthers() {
    ChunkedLog log = new ChunkedLog(Long.MAX_VALUE);
    String huge = new JsonObject().put("text", "y".repeat(ChunkedLog.CHUNK_BYTES + 10)).encode();
    log.append(1, Buffer.buffer("{\"n\":1}"));
    long position = log.append(2, Buffer.buffer(huge));
    log.append(3, Buffer.buffer("{\"n\":2}"));

    assertEquals(List.of("{\"n\":1}", huge, "{\"n\":2}"), all(log));
    assertEquals(huge, log.read(position).toString());
  }

  @Test
  void givenMoreThanItsLimit_thenTheOldestChunksGoAndTheirPositionsReadNothing() {
    ChunkedLog log = new ChunkedLog(2L * ChunkedLog.CHUNK_BYTES);
    long first = log.append(0, Buffer.buffer(entry(0)));
    long last = 0;
    for (int n = 1; n < 3 * PER_CHUNK; n++) {
      last = log.append(n, Buffer.buffer(entry(n)));
    }

    assertNull(log.read(first));
    assertNotNull(log.read(last));
    assertEquals(entry(3 * PER_CHUNK - 1), all(log).get(all(log).size() - 1));
  }

  @Test
  void givenDropBefore_thenOnlyChunksWhoseEntriesAreAllOlderGo() {
    ChunkedLog log = new ChunkedLog(Long.MAX_VALUE);
    for (int n = 0; n < 2 * PER_CHUNK; n++) {
      log.append(n, Buffer.buffer(entry(n)));
    }

    log.dropBefore(PER_CHUNK / 2);
    assertEquals(entry(0), all(log).get(0), "the first chunk still holds newer entries");
    log.dropBefore(Long.MAX_VALUE);
    assertEquals(entry(PER_CHUNK), all(log).get(0), "the chunk appended to stays");
  }

  @Test
  void givenAppendsWhileReading_thenTheReaderSeesWholeEntriesInOrder() throws Exception {
    ChunkedLog log = new ChunkedLog(Long.MAX_VALUE);
    int total = 3 * PER_CHUNK;
    Thread writer = new Thread(() -> {
      for (int n = 0; n < total; n++) {
        log.append(n, Buffer.buffer(entry(n)));
      }
    });
    writer.start();
    while (writer.isAlive()) {
      List<String> seen = all(log);
      for (int n = 0; n < seen.size(); n++) {
        assertEquals(entry(n), seen.get(n));
      }
    }
    writer.join();
    assertEquals(total, all(log).size());
  }

  @Test
  void givenEmptyEntry_thenRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ChunkedLog(Long.MAX_VALUE).append(0, Buffer.buffer()));
  }

  private static String entry(int n) {
    return new JsonObject().put("n", String.format("%05d", n)).put("padding", PADDING).encode();
  }

  private static List<String> all(ChunkedLog log) {
    List<String> entries = new ArrayList<>();
    log.forEach(entry -> entries.add(entry.toString()));
    return entries;
  }
}
