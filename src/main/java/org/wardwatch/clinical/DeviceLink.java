package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.StateJson;

/**
 * The connections one device reached one patient through: the one that carries the device (the newest that delivered
 * an accepted frame, or a resend, of the patient's), and the last {@value #MAX_ENDED} known to have ended, whose frames
 * still in flight are told by their connection, not by clocks, from a live one's. Decides whether a connection's end
 * disconnects the device: not when a connection that surely opened after it ({@link ConnectionId#isNewerThan}) carries
 * the device on (the device reconnected, and its old, half-open connection was found closed late).
 *
 * <p>Owned by the patient's {@link PatientDevices}; not thread-safe.
 */
final class DeviceLink {

  /** How many ended connections are remembered; past it, the one that ended first is forgotten. */
  static final int MAX_ENDED = 4;

  /** The connection that carries the device; {@code null} when none is known to (the one that did ended). */
  private ConnectionId carrier;
  /** Connections known to have ended, the latest last. */
  private final Deque<ConnectionId> ended = new ArrayDeque<>(MAX_ENDED);

  /**
   * True when a frame on {@code connection} (null: not known, as for an HL7 message) was read before the connection
   * was found closed: in flight at its end, it does not show the device back.
   */
  boolean hasEnded(ConnectionId connection) {
    return connection != null && ended.contains(connection);
  }

  /**
   * A live {@code connection} (not {@link #hasEnded}) delivered a frame of the patient: it carries the device when
   * none does, or when it surely opened after the one that does. A frame of an older connection, still in flight or on
   * a link the device has left, does not take the device back from a newer one.
   */
  void delivered(ConnectionId connection) {
    if (carrier == null || connection.isNewerThan(carrier)) {
      carrier = connection;
    }
  }

  /**
   * {@code connection} (null: not known) was found closed; it is remembered as ended. True when that disconnects the
   * device: no connection that surely opened after it carries the device on.
   */
  boolean ended(ConnectionId connection) {
    if (connection != null && !ended.contains(connection)) {
      if (ended.size() == MAX_ENDED) { // a frame in flight is at the parser for seconds, and ends are rare
        ended.removeFirst();
      }
      ended.addLast(connection);
    }
    if (connection == null || carrier == null || connection.equals(carrier)) {
      carrier = null;
      return true;
    }
    return !carrier.isNewerThan(connection);
  }

  /** {@code {"carrier": connection, "ended": [connection, ...]}}, each left out when there is none. */
  JsonObject toState() {
    JsonObject state = new JsonObject();
    if (carrier != null) {
      state.put("carrier", carrier.toJson());
    }
    if (!ended.isEmpty()) {
      state.put("ended", new JsonArray(ended.stream().map(ConnectionId::toJson).toList()));
    }
    return state;
  }

  /**
   * The link {@link #toState} wrote.
   *
   * @throws IllegalArgumentException when a connection is malformed
   */
  static DeviceLink fromState(JsonObject state) {
    DeviceLink link = new DeviceLink();
    JsonObject carrier = state.getJsonObject("carrier");
    link.carrier = carrier == null ? null : ConnectionId.fromJson(carrier);
    if (state.containsKey("ended")) {
      StateJson.objects(state, "ended").stream().map(ConnectionId::fromJson).forEach(link.ended::addLast);
    }
    return link;
  }
}
