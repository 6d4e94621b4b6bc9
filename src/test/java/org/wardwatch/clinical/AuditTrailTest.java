package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MaxSizePolicy;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.wardwatch.testing.TestCluster;

/** The audit trail, read back in pages and in the order its entries were recorded, on one node and on a cluster. */
class AuditTrailTest {

  private static final Instant AT = Instant.parse("2026-12-06T08:00:00Z");

  /** Keys the entries as the engine does: one patient's outbox numbers them in the order they are made. */
  private final AuditOutbox outbox = new AuditOutbox();

  @Test
  void aStandaloneNodesTrailIsReadOldestFirstInPagesEachSayingWhereTheNextBegins() {
    Vertx vertx = Vertx.vertx();
    try {
      AuditTrail audit = new AuditTrail(vertx);
      for (int second = 4; second >= 0; second--) { // recorded newest first: read back by time
        record(audit, entry("P1", AT.plusSeconds(second), "at " + second)).await();
      }
      record(audit, entry("P2", AT, "another patient")).await();

      AuditTrail.AuditPage first = audit.query("P1", null, 0, 2).await();
      AuditTrail.AuditPage rest = audit.query("P1", first.next(), first.nextSkip(), 10).await();

      assertEquals(List.of("at 0", "at 1"), details(first));
      assertEquals(AT.plusSeconds(2), first.next());
      assertEquals(0, first.nextSkip());
      assertEquals(List.of("at 2", "at 3", "at 4"), details(rest));
      assertNull(rest.next());
      assertEquals(List.of("at 3", "at 4"), details(audit.query("P1", AT.plusSeconds(3), 0, 10).await()));
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void aStandaloneNodesTrailKeepsItsBoundDroppingItsOldestEntriesAndSayingSo() {
    Logger log = (Logger) LoggerFactory.getLogger(AuditTrail.class);
    ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    warnings.start();
    log.addAppender(warnings);
    Vertx vertx = Vertx.vertx();
    try {
      AuditTrail audit = new AuditTrail(vertx, 2L * ChunkedLog.CHUNK_BYTES);
      String padding = "x".repeat(1000);
      int entries = 3 * ChunkedLog.CHUNK_BYTES / 1000; // three chunks' worth
      for (int i = 0; i < entries; i++) {
        record(audit, entry("P1", AT.plusMillis(i), i + padding)).await();
      }

      JsonArray kept = audit.query("P1", null, 0, entries).await().entries();
      assertTrue(kept.size() < entries * 3 / 4, "at most two chunks kept: " + kept.size());
      assertTrue(kept.getJsonObject(kept.size() - 1).getString("detail").startsWith((entries - 1) + "x"),
          "the newest kept");
      assertTrue(warnings.list.stream().anyMatch(event -> event.getFormattedMessage().startsWith(
          "the audit trail kept in memory has reached its bound of 2 MB")), () -> warnings.list.toString());
    } finally {
      log.detachAppender(warnings);
      vertx.close().await();
    }
  }

  @Test
  void aClusterTrailListsTheEntriesOfOneInstantAsTheyWereRecorded() {
    try (TestCluster cluster = new TestCluster()) {
      AuditTrail audit = new AuditTrail(cluster.joinWithoutNode());
      List<String> recorded = List.of("RAISED", "CLEARED", "RAISED again", "CLEARED again", "RAISED once more");
      for (String detail : recorded) { // one read's frames: one instant
        record(audit, entry("P1", AT, detail)).await();
      }

      assertEquals(recorded, details(audit.query("P1", null, 0, 10).await()));
      assertEquals(recorded, pagesOf(audit, 2), "more entries of one instant than a page holds: read on, not again");
    }
  }

  @Test
  void aClusterTrailKeepsOneEntryPerKeyThoughTheKeyIsRecordedAgain() {
    try (TestCluster cluster = new TestCluster()) {
      AuditTrail audit = new AuditTrail(cluster.joinWithoutNode());
      AuditRecord acknowledged = outbox.add(entry("P1", AT, "ACKNOWLEDGED"), true).from("bridge 10.1.2.3");
      audit.record(acknowledged.key(), acknowledged.audited()).await();

      audit.record(acknowledged.key(), acknowledged.audited()).await(); // by a member taking P1 over

      JsonArray entries = audit.query("P1", null, 0, 10).await().entries();
      assertEquals(1, entries.size(), entries::encode);
      assertEquals("bridge 10.1.2.3", entries.getJsonObject(0).getString("origin"));
    }
  }

  @Test
  void aClusterTrailKeepsAtMostAShareOfEachMembersHeap() {
    try (TestCluster cluster = new TestCluster()) {
      EvictionConfig bound = TestCluster.hazelcastOf(cluster.joinWithoutNode()).getConfig()
          .getMapConfig(AuditTrail.MAP).getEvictionConfig();

      assertEquals(MaxSizePolicy.USED_HEAP_PERCENTAGE, bound.getMaxSizePolicy(), "cluster.xml bounds the trail");
      assertEquals(5, bound.getSize());
      assertEquals(EvictionPolicy.LRU, bound.getEvictionPolicy());
    }
  }

  /** Every entry of P1, read {@code limit} at a time as the pages say. */
  private static List<String> pagesOf(AuditTrail audit, int limit) {
    List<String> read = new ArrayList<>();
    AuditTrail.AuditPage page = audit.query("P1", null, 0, limit).await();
    read.addAll(details(page));
    while (page.next() != null && read.size() < 100) {
      page = audit.query("P1", page.next(), page.nextSkip(), limit).await();
      read.addAll(details(page));
    }
    return read;
  }

  private Future<Void> record(AuditTrail audit, JsonObject entry) {
    AuditRecord record = outbox.add(entry, false);
    return audit.record(record.key(), record.audited());
  }

  private static JsonObject entry(String patient, Instant at, String detail) {
    return new JsonObject().put("at", at).put("patient", patient).put("type", "TEST").put("detail", detail);
  }

  private static List<String> details(AuditTrail.AuditPage page) {
    return page.entries().stream().map(JsonObject.class::cast).map(entry -> entry.getString("detail")).toList();
  }
}
