package org.wardwatch.device;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.wardwatch.model.DeviceIdentity;

/**
 * Which connection of this device server last delivered accepted values of each device and patient its {@code HELLO}
 * named, and when. A monitor that reconnects after a network fault often does so before the gateway notices its old
 * connection is dead (at the idle timeout, or a reset when an answer is written to it): that late end is no
 * disconnection, as the monitor carried on through the newer connection, and announcing it raised a false
 * disconnection alarm, and let a patient still monitored be discharged, until the monitor's next frame. So a
 * connection that ends announces no disconnection of its {@code HELLO}'s device and patient while another connection,
 * still open, delivered their values after this one's frames were last answered. Everything else is announced as
 * before: a connection that only said {@code HELLO}, or whose frames were refused, since; the others a relay named;
 * a monitor that reconnected to another node (the clinical engine judges that by when it was last heard,
 * {@code DeviceAlarms}).
 *
 * <p>Holds one entry per device and patient while the connection that last delivered their values is open; entries
 * of connections that ended under another identity go at the next {@link #forgetEnded}. Owned by the
 * {@link DeviceServerVerticle}; used by its sessions, on its event loop; not thread-safe.
 */
final class DeviceConnections {

  private record Key(String device, String patient) {
    static Key of(DeviceIdentity identity) {
      return new Key(identity.device(), identity.patientKey());
    }
  }

  private record Delivery(DeviceSession session, Instant at) {
  }

  private final Map<Key, Delivery> latest = new HashMap<>();

  /** {@code session} delivered accepted values of its {@code HELLO}'s {@code identity}, answered {@code at}. */
  void delivered(DeviceIdentity identity, DeviceSession session, Instant at) {
    latest.put(Key.of(identity), new Delivery(session, at));
  }

  /**
   * True when another connection than {@code session}, still open, delivered values of {@code identity} after
   * {@code session}'s frames were last answered, {@code lastAnsweredAt}: {@code session}'s end is no disconnection.
   */
  boolean carriedOnElsewhere(DeviceIdentity identity, DeviceSession session, Instant lastAnsweredAt) {
    Delivery newest = identity.device() == null ? null : latest.get(Key.of(identity));
    return newest != null && newest.session() != session && newest.session().isOpen()
        && (lastAnsweredAt == null || newest.at().isAfter(lastAnsweredAt));
  }

  /** {@code session}, whose {@code HELLO} named {@code identity} last, ended: its delivery of them goes. */
  void ended(DeviceIdentity identity, DeviceSession session) {
    if (identity.device() != null) {
      latest.computeIfPresent(Key.of(identity), (key, delivery) -> delivery.session() == session ? null : delivery);
    }
  }

  /** Forgets the deliveries of connections that ended (under another identity than their last {@code HELLO}'s). */
  void forgetEnded() {
    latest.values().removeIf(delivery -> !delivery.session().isOpen());
  }
}
