package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.Set;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.StateJson;

/**
 * The connections one device reached one patient through: the one that carries the device (the one its latest accepted
 * frame, or resend, of the patient's came on, or whose {@code HELLO} named it since) with when that frame or
 * {@code HELLO} was received, the one whose end disconnected the device while it is, and the last {@value #MAX_ENDED}
 * known to have ended. Decides whether a connection's end disconnects the device: not when another connection carries
 * it whose latest frame or {@code HELLO} was received after the ended one opened (the device reconnected, and its old,
 * half-open connection was found closed late; or a relay the device left went down). And whether a frame shows the
 * device back: not one of a connection found closed (in flight at its end), nor one read before the connection whose
 * end disconnected the device opened (from a half-open connection the device had left, applied late). A {@code HELLO}
 * makes its connection the carrier ({@link #saidHello}), unless the carrier heard the device after it, but shows a
 * disconnected device back only once it has outlasted a half-open connection ({@link #settled}); while that
 * {@code HELLO} is all the carrier delivered, a {@code HELLO} that moves the connection on ({@link #movedOn}) lets the
 * ends it hid disconnect the device. Times are compared by the clocks of the nodes that read them
 * ({@link ConnectionId#surelyBefore}).
 *
 * <p>Owned by the patient's {@link PatientDevices}; not thread-safe. (Longer than most classes: each way a connection
 * starts, carries, moves on or ends is a short method here on the same few fields; a {@code HELLO} alone's own state is
 * {@link HelloAlone}.)
 */
final class DeviceLink {

  /**
   * How many ended connections are remembered; past it, the one that ended first is forgotten. A frame is in flight for
   * seconds at most (the parser's timeout), so only a device that reconnected this often meanwhile loses one.
   */
  static final int MAX_ENDED = 16;

  /**
   * How long a device on a connection whose member is gone has to deliver through another member, or its member to be
   * back (a pause, a blip of the network), before it is disconnected: a monitor reconnects within seconds, and its
   * frames arrive through the router's retries (20 s).
   */
  static final Duration RECONNECTS_WITHIN = Duration.ofSeconds(30);

  /** The connection that carries the device; {@code null} when none is known to (the one that did ended). */
  private ConnectionId carrier;
  /** When the carrier's latest frame or {@code HELLO} was received, by its node's clock; null with no carrier. */
  private Instant carrierHeardAt;
  /**
   * The connection whose end disconnected the device, or that went with its member, while it is disconnected;
   * otherwise {@code null}.
   */
  private ConnectionId disconnectedBy;
  /** While the carrier carries the device by a {@code HELLO} alone (no frame or resend of it since); else null. */
  private HelloAlone helloAlone;
  /** The carrier whose member this engine found gone, and since when (not stored: a new owner counts afresh). */
  private ConnectionId missingCarrier;
  private Instant missingSince;
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
    return isCarrier(connection) && disconnectedBy == null;
  }

  /**
   * True when another connection than {@code connection} carries the device, whose latest frame or {@code HELLO} was
   * not surely received before {@code receivedAt}, a time read on {@code connection}.
   */
  boolean heardSince(ConnectionId connection, Instant receivedAt) {
    return carrier != null && !connection.equals(carrier)
        && !ConnectionId.surelyBefore(carrierHeardAt, carrier, receivedAt, connection);
  }

  /** True when {@code connection} is the one that carries the device, disconnected or not. */
  boolean isCarrier(ConnectionId connection) {
    return connection.equals(carrier);
  }

  /**
   * A frame of the patient on {@code connection}, received at {@code receivedAt}, showed the device live (not
   * {@link #cannotShowBack}): the connection carries it.
   */
  void delivered(ConnectionId connection, Instant receivedAt) {
    if (!connection.equals(carrier)) { // the usual frame: no store into the long-lived link but its time's
      carrier = connection;
    }
    carrierHeardAt = receivedAt;
    if (disconnectedBy != null) {
      disconnectedBy = null;
    }
    if (helloAlone != null) {
      helloAlone = null;
    }
  }

  /**
   * {@code connection}'s {@code HELLO}, received at {@code helloAt}, said it carries the device, and it is not one that
   * {@link #cannotShowBack}: it does from now on, so that the later-found end of a connection that opened before the
   * {@code HELLO} is ignored, unless another connection carries the device whose latest frame or {@code HELLO} was not
   * surely received before this {@code HELLO} (the announcement came late, behind a newer connection's). Unlike a
   * frame, it does not show a disconnected device back at once ({@link #settled}): a device that keeps reconnecting and
   * dropping stays one disconnection, which escalates, and a connection half-open since the {@code HELLO}, closed by
   * {@code closedIfSilentBy} (null: not said; then never), never shows it back.
   */
  void saidHello(ConnectionId connection, Instant helloAt, Instant closedIfSilentBy) {
    if (heardSince(connection, helloAt)) {
      return;
    }
    boolean carries = connection.equals(carrier);
    if (!carries || helloAlone != null) { // else on a connection that delivered frames: one more of them
      helloAlone = HelloAlone.since(closedIfSilentBy, helloAlone); // over one: the ends it hid stay hidden
    }
    carrierHeardAt = carries && carrierHeardAt.isAfter(helloAt) ? carrierHeardAt : helloAt; // its frames since
    carrier = connection;
  }

  /**
   * True when the device, disconnected by the end of a connection that opened before the carrier's {@code HELLO}, has
   * been carried by that {@code HELLO} alone long enough at {@code now} ({@link HelloAlone#settled}): it is back, its
   * disconnection over (hidden, should the carrier move on before a frame).
   */
  boolean settled(Instant now) {
    if (helloAlone == null || disconnectedBy == null || !helloAlone.settled(now)
        || !disconnectedBy.openedSurelyBefore(carrierHeardAt, carrier)) {
      return false;
    }
    helloAlone = helloAlone.hiding(disconnectedBy);
    disconnectedBy = null;
    return true;
  }

  /**
   * {@code connection}, the carrier by its {@code HELLO} alone, moved on before a frame of the device's: it no longer
   * carries the device. True when that leaves the device disconnected: by the end that carrying hid
   * ({@link HelloAlone#endHidden}), or by one before its {@code HELLO}.
   */
  boolean movedOn(ConnectionId connection) {
    if (!connection.equals(carrier) || helloAlone == null) {
      return false;
    }
    disconnectedBy = ConnectionId.openedLast(disconnectedBy, helloAlone.endHidden());
    forgetCarrier();
    return disconnectedBy != null;
  }

  /**
   * {@code connection} (null: not known, always believed) was found closed; it is remembered as ended. True when that
   * disconnects the device: no other connection carries it whose latest frame or {@code HELLO} was surely received
   * after this one opened.
   */
  boolean ended(ConnectionId connection) {
    if (connection == null) { // a node that did not say which: believed
      forgetCarrier();
      return true;
    }
    if (!ended.contains(connection)) {
      if (ended.size() == MAX_ENDED) {
        ended.removeFirst();
      }
      ended.addLast(connection);
    }
    if (carrier != null && !connection.equals(carrier) && connection.openedSurelyBefore(carrierHeardAt, carrier)) {
      if (helloAlone != null) { // hidden by a HELLO alone: it disconnects the device if the carrier moves on
        helloAlone = helloAlone.hiding(connection);
      }
      return false;
    }
    if (connection.equals(carrier)) {
      forgetCarrier();
    }
    disconnectedBy = ConnectionId.openedLast(disconnectedBy, connection); // what is read after it shows the device back
    return true;
  }

  /**
   * True when the carrier is a connection of a member gone from the cluster, its origin none of the
   * {@code presentOrigins} (its end will never be announced), found so for {@link #RECONNECTS_WITHIN} at {@code now}
   * and silent as long: the device is disconnected by it, as by an announced end, so that a {@code HELLO} on another
   * connection shows it back as after one ({@link #settled}). Not remembered as ended: a frame of it still shows the
   * device back (its member was only cut off, and merged back).
   */
  boolean goneWithMember(Set<Long> presentOrigins, Instant now) {
    if (carrier == null || presentOrigins.contains(carrier.origin())) {
      if (missingCarrier != null) {
        missingCarrier = null;
        missingSince = null;
      }
      return false;
    }
    if (!carrier.equals(missingCarrier)) {
      missingCarrier = carrier;
      missingSince = now;
    }
    if (now.isBefore(missingSince.plus(RECONNECTS_WITHIN)) || now.isBefore(carrierHeardAt.plus(RECONNECTS_WITHIN))) {
      return false;
    }
    disconnectedBy = ConnectionId.openedLast(disconnectedBy, carrier);
    forgetCarrier();
    return true;
  }

  /** No connection carries the device any more. */
  private void forgetCarrier() {
    carrier = null;
    carrierHeardAt = null;
    helloAlone = null;
  }

  /**
   * {@code {"carrier": connection, "carrierHeardAt", "disconnectedBy": connection, "ended": [connection, ...]}} and
   * what {@link HelloAlone#writeTo} writes, each left out when none.
   */
  JsonObject toState() {
    JsonObject state = new JsonObject();
    if (carrier != null) {
      state.put("carrier", carrier.toJson()).put("carrierHeardAt", carrierHeardAt);
      if (helloAlone != null) {
        helloAlone.writeTo(state);
      }
    }
    if (disconnectedBy != null) {
      state.put("disconnectedBy", disconnectedBy.toJson());
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
    link.helloAlone = link.carrier == null ? null : HelloAlone.fromState(state);
    if (state.containsKey("ended")) {
      StateJson.objects(state, "ended").stream().map(ConnectionId::fromJson).forEach(link.ended::addLast);
    }
    return link;
  }
}
