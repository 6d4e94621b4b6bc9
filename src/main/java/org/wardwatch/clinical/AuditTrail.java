package org.wardwatch.clinical;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.time.Instant;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of every alarm transition and every limit override: who, when, why, and the values. On a clustered node
 * entries live in the cluster-wide map {@value #MAP} (Hazelcast, with backups, bounded in {@code cluster.xml} to a
 * share of each member's heap), one encoded JSON each; on a standalone
 * node in the node's {@link ChunkedLog}, appended to large chunks, so that entries kept for the node's life cost the
 * garbage collector nothing per entry. Durable storage comes later.
 *
 * <p>Every entry is a JSON object with at least {@code at} (ISO time), {@code patient} and {@code type}. Thread-safe
 * (the map and the log are); used from the clinical engine verticle and the REST API.
 */
public final class AuditTrail {

  static final String MAP = "wardwatch.audit";
  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
  /** The node-local map that holds a standalone node's one audit log. */
  private static final String LOCAL_LOG = "wardwatch.audit.log";

  private final Vertx vertx;
  /** This node's log when standalone; {@code null} on a clustered node. */
  private final ChunkedLog log;
  /** How many more chunks of the log are dropped, after the first, before it is said again (about 300,000 entries). */
  private static final int TELL_EVERY = 100;
  /** The log's chunks dropped when this trail last said so. */
  private int droppedChunksTold;

  /**
   * The audit trail of {@code vertx}'s node. Standalone, its log keeps at most an eighth of the heap: the oldest
   * entries go past that, said in the log, rather than the node running out of memory after months of alarms.
   */
  public AuditTrail(Vertx vertx) {
    this(vertx, Runtime.getRuntime().maxMemory() / 8);
  }

  /** A trail whose standalone log keeps at most {@code maxBytes} (the first trail made on the node sets it). */
  AuditTrail(Vertx vertx, long maxBytes) {
    this.vertx = vertx;
    this.log = vertx.isClustered() ? null
        : vertx.sharedData().<String, ChunkedLog>getLocalMap(LOCAL_LOG)
            .computeIfAbsent(LOCAL_LOG, name -> new ChunkedLog(maxBytes));
  }

  /**
   * Appends {@code entry}; on a clustered node under {@code key} ({@link AuditRecord}), which orders a patient's
   * entries of one instant as they were made (the alarm raised, then cleared, by two frames of one read): an entry
   * recorded again under its key (by a member that took the patient over) is the same entry written over itself, not
   * a second one. A standalone node's entries are recorded once, by the node that made them.
   */
  public Future<Void> record(String key, JsonObject entry) {
    if (log != null) {
      log.append(System.currentTimeMillis(), entry.toBuffer());
      if (droppedChunksTold == 0 ? log.droppedChunks() > 0 : log.droppedChunks() >= droppedChunksTold + TELL_EVERY) {
        droppedChunksTold = log.droppedChunks();
        LOG.warn("the audit trail kept in memory has reached its bound of {} MB, an eighth of the heap: its oldest "
            + "entries are dropped (a standalone node keeps its audit trail in memory only)",
            Math.round(log.maxBytes() / (double) (1 << 20)));
      }
      return Future.succeededFuture();
    }
    return map().compose(audit -> audit.put(key, entry.toBuffer())); // asynchronous: putIfAbsent blocks a worker
  }

  /**
   * At most {@code limit} entries, oldest first (those of one instant as recorded), chosen on a worker thread as the
   * whole trail is read ({@link AuditSelection}), one query after another: on the event loop that calls (the bridge's,
   * serving every browser) it would hold everything up for seconds, and queries at once would each hold a page.
   *
   * @param patient  only this patient's entries, or {@code null} for all
   * @param since    only entries at or after this time, or {@code null} for all
   * @param skip     how many of the entries at {@code since} itself to leave out (given by an earlier page)
   */
  public Future<AuditPage> query(String patient, Instant since, int skip, int limit) {
    return recorded().compose(entries -> vertx.executeBlocking(() -> {
      AuditSelection selection = new AuditSelection(patient, since, skip, limit);
      entries.accept(selection);
      return selection.page();
    }, true));
  }

  /**
   * Some of the audit trail.
   *
   * @param entries   the entries, oldest first
   * @param next      the time of the first entry left out, from which to ask for more; {@code null} when none was
   * @param nextSkip  how many entries at {@code next} to skip then: those given already
   */
  public record AuditPage(JsonArray entries, Instant next, int nextSkip) {
  }

  /**
   * What hands every entry, in the order recorded (by key on a clustered node, {@link #record}), to a reader: called on
   * the worker thread.
   */
  private Future<Consumer<Consumer<Buffer>>> recorded() {
    if (log != null) {
      return Future.succeededFuture(log::forEach);
    }
    return map().compose(AsyncMap::entries).map(entries -> reader -> new TreeMap<>(entries).values().forEach(reader));
  }

  private Future<AsyncMap<String, Buffer>> map() {
    return vertx.sharedData().getAsyncMap(MAP);
  }
}
