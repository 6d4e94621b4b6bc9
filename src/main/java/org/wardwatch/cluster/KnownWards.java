package org.wardwatch.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import java.util.Set;

/**
 * The wards of the cluster: every ward a node's patient router has taken the dashboard actions of (a ward its parsing
 * stages or device events named), in the shared-data map {@value #MAP} (a
 * Hazelcast map on a clustered node), so that every node can take any ward's dashboard actions. A handful of short
 * keys, cheap to read every few seconds, where reading every stored patient to learn the wards was not (decoding a
 * thousand patients' state held the event loop for tens of milliseconds).
 *
 * <p>Thread-safe (the map is).
 */
final class KnownWards {

  static final String MAP = "wardwatch.wards";

  private final Vertx vertx;

  KnownWards(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Adds {@code ward}; call once per ward and node. */
  Future<Void> add(String ward) {
    return map().compose(map -> map.put(ward, Boolean.TRUE));
  }

  /** Every ward added by any node. */
  Future<Set<String>> all() {
    return map().compose(AsyncMap::keys);
  }

  private Future<AsyncMap<String, Boolean>> map() {
    return vertx.sharedData().getAsyncMap(MAP);
  }
}
