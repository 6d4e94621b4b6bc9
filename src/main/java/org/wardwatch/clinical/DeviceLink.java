package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.Objects;
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
 * disconnected device back only once it has stayed up a while ({@link #settled}); while that {@code HELLO} is all the
 * carrier delivered, a {@code HELLO} that moves the connection on ({@link #movedOn}) lets the ends it hid disconnect
 * the device. Times are compared by the clocks of the nodes that read them ({@link ConnectionId#surelyBefore}).
 *
 * <p>Owned by the patient's {@link PatientDevices}; not thread-safe.
 */
final class DeviceLink {

  /**
   * How many ended connections are remembered; past it, the one that ended first is forgotten. A frame is in flight for
   * seconds at most (the parser's timeout), so only a device that reconnected this often meanwhile loses one.
   */
  static final int MAX_ENDED = 16;

  /**
   * How long after its idle timeout a connection half-open since its {@code HELLO} (the device died after it) is, at
   * most, found closed and its end applied here: until then, a {@code HELLO} alone does not show a disconnected device
   * back ({@link #settled}).
   */
  static final Duration FOUND_CLOSED_WITHIN = Duration.ofSeconds(10);

  /**
   * The idle timeout taken for a {@code HELLO}'s connection from a node that did not say: the device server's default.
   */
  static final Duration UNSAID_IDLE_TIMEOUT = Duration.ofSeconds(120);

  /** The connection that carries the device; {@code null} when none is known to (the one that did ended). */
  private ConnectionId carrier;
  /** When the carrier's latest frame or {@code HELLO} was received, by its node's clock; null with no carrier. */
  private Instant carrierHeardAt;
  /** The connection whose end disconnected the device, while it is disconnected; otherwise {@code null}. */
  private ConnectionId disconnectedBy;
  /** True while the carrier carries the device by a {@code HELLO} alone: no frame or resend of it since. */
  private boolean carriedByHelloAlone;
  /**
   * While the carrier carries the device by a {@code HELLO} alone, when it shows a disconnected device back
   * ({@link #settled}): its latest {@code HELLO}'s time, its idle timeout and {@link #FOUND_CLOSED_WITHIN} later, so
   * that a connection half-open since that {@code HELLO} is found closed first. Otherwise {@code null}.
   */
  private Instant settlesAt;
  /**
   * While the carrier carries the device by a {@code HELLO} alone, the latest end ignored because it did; otherwise
   * {@code null}. The device is disconnected by it if the carrier moves on ({@link #movedOn}).
   */
  private ConnectionId endMaskedByHello;
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
    if (carriedByHelloAlone) {
      carriedByHelloAlone = false;
      settlesAt = null;
      endMaskedByHello = null;
    }
  }

  /**
   * {@code connection}'s {@code HELLO}, received at {@code helloAt}, said it carries the device, and it is not one that
   * {@link #cannotShowBack}: it does from now on, so that the later-found end of a connection that opened before the
   * {@code HELLO} is ignored, unless another connection carries the device whose latest frame or {@code HELLO} was not
   * surely received before this {@code HELLO} (the announcement came late, behind a newer connection's). Unlike a
   * frame, it does not show a disconnected device back at once ({@link #settled}): a device that keeps reconnecting and
   * dropping stays one disconnection, which escalates, and a connection half-open since the {@code HELLO}, closed once
   * it has sent nothing for {@code idleTimeout}, never shows it back.
   */
  void saidHello(ConnectionId connection, Instant helloAt, Duration idleTimeout) {
    boolean carries = connection.equals(carrier);
    if (!carries && carrier != null && !ConnectionId.surelyBefore(carrierHeardAt, carrier, helloAt, connection)) {
      return;
    }
    if (!carries && !carriedByHelloAlone) {
      endMaskedByHello = null; // else kept: taken over from a carrier by a HELLO alone, it hid the same ends
    }
    carriedByHelloAlone |= !carries; // a HELLO again on a connection that delivered frames: one more of them
    carrierHeardAt = carries && carrierHeardAt.isAfter(helloAt) ? carrierHeardAt : helloAt; // its frames since
    carrier = connection;
    if (carriedByHelloAlone) {
      settlesAt = carrierHeardAt.plus(idleTimeout).plus(FOUND_CLOSED_WITHIN);
    }
  }

  /**
   * True when the device, disconnected by the end of a connection that opened before the carrier's {@code HELLO}, has
   * been carried by that {@code HELLO} alone until {@link #settlesAt} at {@code now}: it is back, its disconnection
   * over (hidden, should the carrier move on before a frame).
   */
  boolean settled(Instant now) {
    if (!carriedByHelloAlone || disconnectedBy == null || now.isBefore(settlesAt)
        || !disconnectedBy.openedSurelyBefore(carrierHeardAt, carrier)) {
      return false;
    }
    endMaskedByHello = openedLast(endMaskedByHello, disconnectedBy);
    disconnectedBy = null;
    return true;
  }

  /**
   * {@code connection}, the carrier by its {@code HELLO} alone, moved on before a frame of the device's: it no longer
   * carries the device. True when that leaves the device disconnected: by the end that carrying hid
   * ({@link #endMaskedByHello}), or by one before its {@code HELLO}.
   */
  boolean movedOn(ConnectionId connection) {
    if (!connection.equals(carrier) || !carriedByHelloAlone) {
      return false;
    }
    disconnectedBy = openedLast(disconnectedBy, endMaskedByHello);
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
      if (carriedByHelloAlone) { // hidden by a HELLO alone: it disconnects the device if the carrier moves on
        endMaskedByHello = openedLast(endMaskedByHello, connection);
      }
      return false;
    }
    if (connection.equals(carrier)) {
      forgetCarrier();
    }
    disconnectedBy = openedLast(disconnectedBy, connection); // what is read after it shows the device back
    return true;
  }

  /** No connection carries the device any more. */
  private void forgetCarrier() {
    carrier = null;
    carrierHeardAt = null;
    carriedByHelloAlone = false;
    settlesAt = null;
    endMaskedByHello = null;
  }

  /**
   * Of two ends, the one that opened last, by their nodes' clocks: {@code candidate} when {@code current} is null or
   * opened before it, else {@code current} (also for a null {@code candidate}).
   */
  private static ConnectionId openedLast(ConnectionId current, ConnectionId candidate) {
    return candidate != null && (current == null || candidate.openedAt().isAfter(current.openedAt()))
        ? candidate : current;
  }

  /**
   * {@code {"carrier": connection, "carrierHeardAt", "carriedByHelloAlone": true, "settlesAt", "disconnectedBy":
   * connection, "endMaskedByHello": connection, "ended": [connection, ...]}}, each left out when none (or false).
   */
  JsonObject toState() {
    JsonObject state = new JsonObject();
    if (carrier != null) {
      state.put("carrier", carrier.toJson()).put("carrierHeardAt", carrierHeardAt);
      if (carriedByHelloAlone) {
        state.put("carriedByHelloAlone", true).put("settlesAt", settlesAt);
      }
    }
    if (disconnectedBy != null) {
      state.put("disconnectedBy", disconnectedBy.toJson());
    }
    if (endMaskedByHello != null) {
      state.put("endMaskedByHello", endMaskedByHello.toJson());
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
    link.carriedByHelloAlone = link.carrier != null && state.getBoolean("carriedByHelloAlone", false);
    if (link.carriedByHelloAlone) { // from a node that did not say: its HELLO's connection had the default timeout
      link.settlesAt = Objects.requireNonNullElse(StateJson.optionalInstant(state, "settlesAt"),
          link.carrierHeardAt.plus(UNSAID_IDLE_TIMEOUT).plus(FOUND_CLOSED_WITHIN));
    }
    link.endMaskedByHello = ConnectionId.optional(state, "endMaskedByHello");
    if (state.containsKey("ended")) {
      StateJson.objects(state, "ended").stream().map(ConnectionId::fromJson).forEach(link.ended::addLast);
    }
    return link;
  }
}
