package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The standalone node's chunked audit log: every entry back, whole and in order, across chunks. */
class AuditLogTest {

  private final AuditLog log = new AuditLog();

  @Test
  void givenNoEntries_thenNoneRead() {
    assertEquals(List.of(), read());
  }

  @Test
  void givenEntriesFillingSeveralChunks_thenAllReadBackInOrder() {
    List<String> written = new ArrayList<>();
    String padding = "x".repeat(900);
    for (int i = 0; i < 3 * AuditLog.CHUNK_BYTES / 900; i++) {
      String entry = new JsonObject().put("n", i).put("padding", padding).encode();
      written.add(entry);
      log.append(Buffer.buffer(entry));
    }

    assertEquals(written, read());
  }

  @Test
  void givenEntryLargerThanAChunk_thenKeptWholeBetweenOthers() {
    String huge = new JsonObject().put("text", "y".repeat(AuditLog.CHUNK_BYTES + 10)).encode();
    log.append(Buffer.buffer("{\"n\":1}"));
    log.append(Buffer.buffer(huge));
    log.append(Buffer.buffer("{\"n\":2}"));

    assertEquals(List.of("{\"n\":1}", huge, "{\"n\":2}"), read());
  }

  @Test
  void givenEmptyEntry_thenRefused() {
    assertThrows(IllegalArgumentException.class, () -> log.append(Buffer.buffer()));
  }

  private List<String> read() {
    List<String> entries = new ArrayList<>();
    log.forEach(entry -> entries.add(entry.toString()));
    return entries;
  }
}
