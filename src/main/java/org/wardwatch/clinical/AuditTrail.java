package org.wardwatch.clinical;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * The record of every alarm transition and every limit override: who, when, why, and the values. Entries live in the
 * Vert.x shared-data map {@value #MAP}, which is cluster-wide (Hazelcast, with backups) on a clustered node and
 * node-local otherwise; durable storage comes later. Entries are kept as their encoded JSON, one byte array each:
 * a tree of small objects per entry, kept for the node's life, made every young collection copy thousands of objects.
 *
 * <p>Every entry is a JSON object with at least {@code at} (ISO time), {@code patient} and {@code type}. Thread-safe
 * (the map is); used from the alert rules verticle and the REST API.
 */
public final class AuditTrail {

  static final String MAP = "wardwatch.audit";

  private final Vertx vertx;

  public AuditTrail(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Appends {@code entry}; the key is unique, so concurrent writers never overwrite each other. */
  public Future<Void> record(JsonObject entry) {
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
    return map().compose(AsyncMap::values).map(entries -> new JsonArray(entries.stream().map(Buffer::toJsonObject)
        .filter(entry -> patient == null || patient.equals(entry.getString("patient")))
        .filter(entry -> since == null || !entry.getInstant("at").isBefore(since))
        .sorted(Comparator.comparing((JsonObject entry) -> entry.getInstant("at")))
        .toList()));
  }

  private Future<AsyncMap<String, Buffer>> map() {
    return vertx.sharedData().getAsyncMap(MAP);
  }
}
