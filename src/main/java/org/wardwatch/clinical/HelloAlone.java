package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.StateJson;

/**
 * What a device's {@link DeviceLink} knows while its carrier carries it by a {@code HELLO} alone, no frame or resend
 * of it since: when that connection shows a disconnected device back, and the latest end ignored because it carried
 * the device, which disconnects the device should the connection move on before a frame.
 *
 * @param settlesAt  when a disconnected device is shown back: {@link #END_APPLIED_WITHIN} after a connection half-open
 *                   since its latest {@code HELLO} (the device died after it) would have been closed, so that such a
 *                   connection's end comes first; {@code null}: never, the node that announced the {@code HELLO} did
 *                   not say when that is (the device's next frame or resend shows it back)
 * @param endHidden  the latest end ignored while the {@code HELLO} carried the device; {@code null} when none
 */
record HelloAlone(Instant settlesAt, ConnectionId endHidden) {

  /**
   * How long after a device server closes a connection its end is applied to the patient: the patient router retries
   * a device event for 20 s while the patient's owner is unknown or moving, each attempt awaiting its answer 3 s, and
   * the engine's tick follows. An end delivered later still (given up by the router) is no alarm at all.
   */
  static final Duration END_APPLIED_WITHIN = Duration.ofSeconds(30);

  /**
   * Carried by a {@code HELLO} on a connection that, should it send nothing more, is closed by
   * {@code closedIfSilentBy} (null: not said), with the ends hidden by {@code before} (the {@code HELLO}-alone
   * carrying it replaces or repeats; null: none) still hidden.
   */
  static HelloAlone since(Instant closedIfSilentBy, HelloAlone before) {
    return new HelloAlone(closedIfSilentBy == null ? null : closedIfSilentBy.plus(END_APPLIED_WITHIN),
        before == null ? null : before.endHidden);
  }

  /** This, with {@code end} hidden too: the hidden end is the one that opened last. */
  HelloAlone hiding(ConnectionId end) {
    return new HelloAlone(settlesAt, ConnectionId.openedLast(endHidden, end));
  }

  /** True when a disconnected device is shown back at {@code now}. */
  boolean settled(Instant now) {
    return settlesAt != null && !now.isBefore(settlesAt);
  }

  /**
   * Writes {@code "carriedByHelloAlone": true, "settlesAt", "endMaskedByHello": connection} into {@code state}, the
   * last two left out when none: the keys the last version wrote ({@code endMaskedByHello} is {@link #endHidden}),
   * so that its nodes read them.
   */
  void writeTo(JsonObject state) {
    state.put("carriedByHelloAlone", true);
    if (settlesAt != null) {
      state.put("settlesAt", settlesAt);
    }
    if (endHidden != null) {
      state.put("endMaskedByHello", endHidden.toJson());
    }
  }

  /**
   * What {@link #writeTo} wrote into {@code state}, or {@code null} when the carrier carries the device by frames (a
   * state without {@code settlesAt}, from a node that did not say, never settles).
   *
   * @throws IllegalArgumentException when the time or the connection is malformed
   */
  static HelloAlone fromState(JsonObject state) {
    return state.getBoolean("carriedByHelloAlone", false) ? new HelloAlone(
        StateJson.optionalInstant(state, "settlesAt"), ConnectionId.optional(state, "endMaskedByHello")) : null;
  }
}
