package org.wardwatch.clinical;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wardwatch.bus.PatientSnapshot;

/**
 * Every patient's stored copy, in the Vert.x shared-data map {@value #MAP}: on a clustered node a Hazelcast map with a
 * backup on another member (at another site when sites are configured), node-local otherwise. An entry is
 * {@code {"state": complete patient state, "snapshot": what browsers see}}, written by the patient's owner after every
 * change; the member that takes a patient over rebuilds it from {@code state}, and any node answers the REST API
 * from {@code snapshot}. Entries are kept as their encoded JSON: one byte array a patient rather than a tree of a few
 * hundred small objects, which the collector would otherwise copy at every young collection while each entry lives
 * until the patient's next write.
 *
 * <p>Thread-safe (the map is).
 */
public final class PatientStore {

  static final String MAP = "wardwatch.patients";

  private final Vertx vertx;

  public PatientStore(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Stores the patient's {@code state} and {@code snapshot}, the snapshot's JSON as it is. */
  Future<Void> save(String patientKey, JsonObject state, PatientSnapshot snapshot) {
    Buffer entry = Buffer.buffer("{\"state\":").appendBuffer(state.toBuffer())
        .appendString(",\"snapshot\":").appendBytes(snapshot.asciiJson()).appendString("}");
    return map().compose(map -> map.put(patientKey, entry));
  }

  /** The stored state of the patient, empty when none was ever stored. */
  Future<Optional<JsonObject>> state(String patientKey) {
    return entry(patientKey).map(entry -> entry.map(e -> e.getJsonObject("state")));
  }

  /** The stored snapshot of the patient, empty when none was ever stored. */
  public Future<Optional<JsonObject>> snapshot(String patientKey) {
    return entry(patientKey).map(entry -> entry.map(e -> e.getJsonObject("snapshot")));
  }

  /** Every stored snapshot, in no particular order. */
  public Future<List<JsonObject>> snapshots() {
    return map().compose(AsyncMap::values)
        .map(entries -> entries.stream().map(entry -> entry.toJsonObject().getJsonObject("snapshot")).toList());
  }

  /** Every stored patient key. */
  Future<Set<String>> keys() {
    return map().compose(AsyncMap::keys);
  }

  private Future<Optional<JsonObject>> entry(String patientKey) {
    return map().compose(map -> map.get(patientKey)).map(entry -> Optional.ofNullable(entry).map(Buffer::toJsonObject));
  }

  private Future<AsyncMap<String, Buffer>> map() {
    return vertx.sharedData().getAsyncMap(MAP);
  }
}
