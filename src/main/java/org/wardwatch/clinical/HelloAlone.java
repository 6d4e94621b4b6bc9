package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.StateJson;

/**
 * What a device's {@link DeviceLink} knows while its carrier carries it by a {@code HELLO} alone, no frame or resend
 * of it since: when that connection shows a disconnected device back, and the latest end ignored because it carried
 * the device, which disconnects the device should the connection move on before a frame.
 *
 * @param settlesAt  when a disconnected device is shown back: the latest {@code HELLO}'s time, the connection's idle
 *                   timeout and {@link #FOUND_CLOSED_WITHIN} later, so that a connection half-open since that
 *                   {@code HELLO} (the device died after it) is found closed first
 * @param endHidden  the latest end ignored while the {@code HELLO} carried the device; {@code null} when none
 */
record HelloAlone(Instant settlesAt, ConnectionId endHidden) {

  /**
   * How long after its idle timeout a connection half-open since its {@code HELLO} is, at most, found closed and its
   * end applied to the patient.
   */
  static final Duration FOUND_CLOSED_WITHIN = Duration.ofSeconds(10);

  /**
   * The idle timeout taken for a {@code HELLO}'s connection from a node that did not say: the device server's default.
   */
  static final Duration UNSAID_IDLE_TIMEOUT = Duration.ofSeconds(120);

  HelloAlone {
    Objects.requireNonNull(settlesAt, "settlesAt");
  }

  /**
   * Carried by a {@code HELLO} received at {@code helloAt} on a connection closed once it has sent nothing for
   * {@code idleTimeout}, with the ends hidden by {@code before} (the {@code HELLO}-alone carrying it replaces or
   * repeats; null: none) still hidden.
   */
  static HelloAlone since(Instant helloAt, Duration idleTimeout, HelloAlone before) {
    return new HelloAlone(helloAt.plus(idleTimeout).plus(FOUND_CLOSED_WITHIN), before == null ? null
        : before.endHidden);
  }

  /** This, with {@code end} hidden too: the hidden end is the one that opened last. */
  HelloAlone hiding(ConnectionId end) {
    return new HelloAlone(settlesAt, ConnectionId.openedLast(endHidden, end));
  }

  /** True when a disconnected device is shown back at {@code now}. */
  boolean settled(Instant now) {
    return !now.isBefore(settlesAt);
  }

  /** Writes {@code "carriedByHelloAlone": true, "settlesAt", "endMaskedByHello": connection} into {@code state}. */
  void writeTo(JsonObject state) {
    state.put("carriedByHelloAlone", true).put("settlesAt", settlesAt);
    if (endHidden != null) {
      state.put("endMaskedByHello", endHidden.toJson());
    }
  }

  /**
   * What {@link #writeTo} wrote into {@code state}, or {@code null} when the carrier carries the device by frames. A
   * state from a node that did not say when it settles is taken as a {@code HELLO} at {@code carrierHeardAt} on a
   * connection with the default idle timeout.
   *
   * @throws IllegalArgumentException when a time or the connection is malformed
   */
  static HelloAlone fromState(JsonObject state, Instant carrierHeardAt) {
    if (!state.getBoolean("carriedByHelloAlone", false)) {
      return null;
    }
    Instant settlesAt = StateJson.optionalInstant(state, "settlesAt");
    return new HelloAlone(settlesAt != null ? settlesAt
        : carrierHeardAt.plus(UNSAID_IDLE_TIMEOUT).plus(FOUND_CLOSED_WITHIN),
        ConnectionId.optional(state, "endMaskedByHello"));
  }
}
