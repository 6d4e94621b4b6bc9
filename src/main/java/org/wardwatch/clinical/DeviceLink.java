package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.StateJson;

/**
 * The connections one device reached one patient through: the one that carries the device (the one its latest
 * accepted frame, or resend, of the patient's came on, or whose {@code HELLO} said so since) with when that frame or
 * {@code HELLO} was received, the one whose end
 * disconnected the device while it is, and the last {@value #MAX_ENDED} known to have ended. Decides whether a
 * connection's end disconnects the device: not when another connection carries it whose latest frame was received
 * after the ended one opened (the device reconnected, and its old, half-open connection was found closed late; or a
 * relay the device left went down). And whether a frame shows the device back: not one of a connection found closed
 * (in flight at its end), nor one read before the connection whose end disconnected the device opened (from a
 * half-open connection the device had left, applied late). Times are compared by the clocks of the nodes that read
 * them ({@link ConnectionId#openedSurelyBefore}).
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
  /** The connection whose end disconnected the device, while it is disconnected; otherwise {@code null}. */
  private ConnectionId disconnectedBy;
  /**
   * The connection whose end had disconnected the device when a {@code HELLO} showed it back on the carrier, while
   * that {@code HELLO} is all the carrier delivered; otherwise {@code null}.
   */
  private ConnectionId greetedOver;
  /** Connections known to have ended, the latest last. */
  private final Deque<ConnectionId> ended = new ArrayDeque<>();

  /**
   * True when a frame on {@code connection} (null: not known, as for an HL7 message), received at {@code receivedAt},
   * does not show the device back: the connection was found closed (the frame was in flight at its end), or the
   * device is disconnected by the end of a connection that did not surely open before the frame was read.
   */
  boolean cannotShowBack(ConnectionId connection, Instant receivedAt) {
    return connection != null && (ended.contains(connection)
        || disconnectedBy != null && !disconnectedBy.openedSurelyBefore(receivedAt, connection));
  }

  /**
   * The connection whose believed end disconnected the device, while it is; otherwise {@code null}, also while the
   * device is disconnected by an end from a node that did not say which connection ended (believed, but it tells
   * nothing of the frames to come).
   */
  ConnectionId disconnectedBy() {
    return disconnectedBy;
  }

  /** The connections known to have ended, the latest last. */
  Collection<ConnectionId> ended() {
    return Collections.unmodifiableCollection(ended);
  }

  /** True when {@code connection} carries the device, which is not disconnected. */
  boolean isCarriedBy(ConnectionId connection) {
    return connection.equals(carrier) && disconnectedBy == null;
  }

  /**
   * A frame of the patient on {@code connection}, received at {@code receivedAt}, showed the device live (not
   * {@link #cannotShowBack}): the connection carries it.
   */
  void delivered(ConnectionId connection, Instant receivedAt) {
    carry(connection, receivedAt);
    if (greetedOver != null) {
      greetedOver = null;
    }
  }

  private void carry(ConnectionId connection, Instant receivedAt) {
    if (!connection.equals(carrier)) { // the usual frame: no store into the long-lived link but its time's
      carrier = connection;
    }
    carrierHeardAt = receivedAt;
    if (disconnectedBy != null) {
      disconnectedBy = null;
    }
  }

  /**
   * {@code connection}'s {@code HELLO}, received at {@code helloAt}, said it carries the device, and it is not one that
   * {@link #cannotShowBack}: it does from now on, as after a frame ({@link #delivered}), unless another connection
   * carries the device whose latest frame or {@code HELLO} was not surely received before this {@code HELLO} (the
   * announcement came late, behind a newer connection's). True when it carries the device now.
   */
  boolean greeted(ConnectionId connection, Instant helloAt) {
    boolean carries = connection.equals(carrier);
    if (!carries && carrier != null && !carrier.surelyBefore(carrierHeardAt, helloAt, connection)) {
      return false;
    }
    if (disconnectedBy != null) {
      greetedOver = disconnectedBy;
    } else if (!carries) {
      greetedOver = null;
    }
    carry(connection, carries && carrierHeardAt.isAfter(helloAt) ? carrierHeardAt : helloAt); // frames since
    return true;
  }

  /**
   * {@code connection}, the carrier by its {@code HELLO} alone, moved on before a frame of the device's: it no longer
   * carries the device. True when that leaves the device disconnected again: its {@code HELLO} had shown it back.
   */
  boolean left(ConnectionId connection) {
    if (!connection.equals(carrier)) {
      return false;
    }
    carrier = null;
    carrierHeardAt = null;
    disconnectedBy = greetedOver;
    greetedOver = null;
    return disconnectedBy != null;
  }

  /**
   * {@code connection} (null: not known, always believed) was found closed; it is remembered as ended. True when that
   * disconnects the device: no other connection carries it whose latest frame was surely received after this one
   * opened.
   */
  boolean ended(ConnectionId connection) {
    if (connection == null) { // a node that did not say which: believed
      carrier = null;
      carrierHeardAt = null;
      greetedOver = null;
      return true;
    }
    if (!ended.contains(connection)) {
      if (ended.size() == MAX_ENDED) {
        ended.removeFirst();
      }
      ended.addLast(connection);
    }
    if (carrier != null && !connection.equals(carrier) && connection.openedSurelyBefore(carrierHeardAt, carrier)) {
      return false;
    }
    if (connection.equals(carrier)) {
      carrier = null;
      carrierHeardAt = null;
      greetedOver = null;
    }
    if (disconnectedBy == null || connection.openedAt().isAfter(disconnectedBy.openedAt())) {
      disconnectedBy = connection; // the one opened last: what is read after it shows the device back
    }
    return true;
  }

  /**
   * {@code {"carrier": connection, "carrierHeardAt", "disconnectedBy": connection, "greetedOver": connection, "ended":
   * [connection, ...]}}, each left out when none.
   */
  JsonObject toState() {
    JsonObject state = new JsonObject();
    if (carrier != null) {
      state.put("carrier", carrier.toJson()).put("carrierHeardAt", carrierHeardAt);
    }
    if (disconnectedBy != null) {
      state.put("disconnectedBy", disconnectedBy.toJson());
    }
    if (greetedOver != null) {
      state.put("greetedOver", greetedOver.toJson());
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
    link.disconnectedBy = ConnectionId.optional(state, "disconnectedBy");
    link.greetedOver = ConnectionId.optional(state, "greetedOver");
    if (state.containsKey("ended")) {
      StateJson.objects(state, "ended").stream().map(ConnectionId::fromJson).forEach(link.ended::addLast);
    }
    return link;
  }
}
