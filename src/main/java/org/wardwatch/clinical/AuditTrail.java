package org.wardwatch.clinical;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The record of every alarm transition and every limit override: who, when, why, and the values. On a clustered node
 * entries live in the cluster-wide map {@value #MAP} (Hazelcast, with backups), one encoded JSON each; on a standalone
 * node in the node's {@link ChunkedLog}, appended to large chunks, so that entries kept for the node's life cost the
 * garbage collector nothing per entry. Durable storage comes later.
 *
 * <p>Every entry is a JSON object with at least {@code at} (ISO time), {@code patient} and {@code type}. Thread-safe
 * (the map and the log are); used from the clinical engine verticle and the REST API.
 */
public final class AuditTrail {

  static final String MAP = "wardwatch.audit";
  /** The node-local map that holds a standalone node's one audit log. */
  private static final String LOCAL_LOG = "wardwatch.audit.log";

  private final Vertx vertx;
  /** This node's log when standalone; {@code null} on a clustered node. */
  private final ChunkedLog log;

  public AuditTrail(Vertx vertx) {
    this.vertx = vertx;
    this.log = vertx.isClustered() ? null
        : vertx.sharedData().<String, ChunkedLog>getLocalMap(LOCAL_LOG)
            .computeIfAbsent(LOCAL_LOG, name -> new ChunkedLog(Long.MAX_VALUE));
  }

  /**
   * Appends {@code entry}; on a clustered node under a unique key, so concurrent writers never overwrite each other.
   */
  public Future<Void> record(JsonObject entry) {
    if (log != null) {
      log.append(System.currentTimeMillis(), entry.toBuffer());
      return Future.succeededFuture();
    }
    String key = entry.getString("patient") + "/" + entry.getString("at") + "/" + UUID.randomUUID();
    return map().compose(audit -> audit.put(key, entry.toBuffer()));
  }

  /**
   * Entries oldest first.
   *
   * @param patient  only this patient's entries, or {@code null} for all
   * @param since    only entries at or after this time, or {@code null} for all
   */
  public Future<JsonArray> query(String patient, Instant since) {
    return entries().map(entries -> new JsonArray(entries.stream().map(Buffer::toJsonObject)
        .filter(entry -> patient == null || patient.equals(entry.getString("patient")))
        .filter(entry -> since == null || !entry.getInstant("at").isBefore(since))
        .sorted(Comparator.comparing((JsonObject entry) -> entry.getInstant("at")))
        .toList()));
  }

  private Future<List<Buffer>> entries() {
    if (log != null) {
      List<Buffer> entries = new ArrayList<>();
      log.forEach(entries::add);
      return Future.succeededFuture(entries);
    }
    return map().compose(AsyncMap::values);
  }

  private Future<AsyncMap<String, Buffer>> map() {
    return vertx.sharedData().getAsyncMap(MAP);
  }
}
