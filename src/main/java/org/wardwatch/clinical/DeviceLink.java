package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.StateJson;

/**
 * The connections one device reached one patient through: the one that carries the device (the one whose accepted
 * frame, or resend, of the patient's was received last) with when that frame was received, and the last
 * {@value #MAX_ENDED} known to have ended, whose frames still in flight are told by their connection, not by clocks,
 * from a live one's. Decides whether a connection's end disconnects the device: not when another connection carries
 * it whose latest frame was received after the ended one opened (the device reconnected, and its old, half-open
 * connection was found closed late; or a relay the device left went down), by the clocks of the nodes that read them
 * ({@link ConnectionId#openedSurelyBefore}).
 *
 * <p>Owned by the patient's {@link PatientDevices}; not thread-safe.
 */
final class DeviceLink {

  /**
   * How many ended connections are remembered; past it, the one that ended first is forgotten. A frame is in flight for
   * seconds at most (the parser's timeout), so only a device that reconnected this often meanwhile loses one.
   */
  static final int MAX_ENDED = 16;

  /** The connection that carries the device; {@code null} when none is known to (the one that did ended). */
  private ConnectionId carrier;
  /** When the carrier's latest frame was received, by the clock of the node that read it; null with no carrier. */
  private Instant carrierHeardAt;
  /** Connections known to have ended, the latest last. */
  private final Deque<ConnectionId> ended = new ArrayDeque<>();

  /**
   * True when {@code connection} (null: not known, as for an HL7 message) was found closed: a frame of it applied now
   * was in flight at its end, and does not show the device back.
   */
  boolean hasEnded(ConnectionId connection) {
    return connection != null && ended.contains(connection);
  }

  /**
   * A live {@code connection} (not {@link #hasEnded}) delivered a frame of the patient, received at
   * {@code receivedAt}: it carries the device when none does, or when no later frame came on the one that does (the
   * device's latest frame came on it). A frame received earlier, still in flight from a link the device has left, does
   * not take the device back. True when this changed.
   */
  boolean delivered(ConnectionId connection, Instant receivedAt) {
    if (carrier != null && !receivedAt.isAfter(carrierHeardAt)) {
      return false;
    }
    carrier = connection;
    carrierHeardAt = receivedAt;
    return true;
  }

  /**
   * {@code connection} (null: not known) was found closed; it is remembered as ended. True when that disconnects the
   * device: no other connection carries it whose latest frame was surely received after this one opened.
   */
  boolean ended(ConnectionId connection) {
    if (connection != null && !ended.contains(connection)) {
      if (ended.size() == MAX_ENDED) {
        ended.removeFirst();
      }
      ended.addLast(connection);
    }
    if (connection != null && carrier != null && !connection.equals(carrier)) {
      return !connection.openedSurelyBefore(carrierHeardAt, carrier);
    }
    carrier = null;
    carrierHeardAt = null;
    return true;
  }

  /** {@code {"carrier": connection, "carrierHeardAt", "ended": [connection, ...]}}, each left out when none. */
  JsonObject toState() {
    JsonObject state = new JsonObject();
    if (carrier != null) {
      state.put("carrier", carrier.toJson()).put("carrierHeardAt", carrierHeardAt);
    }
    if (!ended.isEmpty()) {
      state.put("ended", new JsonArray(ended.stream().map(ConnectionId::toJson).toList()));
    }
    return state;
  }

  /**
   * The link {@link #toState} wrote.
   *
   * @throws IllegalArgumentException when a connection or the time is malformed
   */
  static DeviceLink fromState(JsonObject state) {
    DeviceLink link = new DeviceLink();
    link.carrier = ConnectionId.optional(state, "carrier");
    link.carrierHeardAt = link.carrier == null ? null : StateJson.instant(state, "carrierHeardAt");
    if (state.containsKey("ended")) {
      StateJson.objects(state, "ended").stream().map(ConnectionId::fromJson).forEach(link.ended::addLast);
    }
    return link;
  }
}
