package org.wardwatch.device;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.wardwatch.model.DeviceIdentity;

/**
 * Which connection of this device server last delivered an accepted frame of each device. A device that reconnects
 * after a network fault often does so before the gateway notices its old connection is dead (at the idle timeout, or a
 * reset when an answer is written to it): that late end is no disconnection of the device, which carried on through
 * the newer connection, and announcing it raised a false disconnection alarm, and let a patient still monitored be
 * discharged, until the device's next frame. A device that reconnected to another node is judged by the clinical
 * engine, by when it was last heard ({@code DeviceAlarms}).
 *
 * <p>Holds a device while its latest connection is open (or, for a relay that named more devices than a connection
 * keeps, {@link HeardDevices#MAX}, until a newer connection of it). Owned by the {@link DeviceServerVerticle}; used by
 * its sessions, on its event loop; not thread-safe.
 */
final class DeviceConnections {

  private final Map<String, DeviceSession> latest = new HashMap<>();

  /** {@code session} delivered an accepted frame of {@code device}. */
  void delivered(String device, DeviceSession session) {
    latest.put(device, session);
  }

  /** True when a newer connection than {@code session} has delivered an accepted frame of {@code device}. */
  boolean carriedOnElsewhere(String device, DeviceSession session) {
    DeviceSession newest = latest.get(device);
    return newest != null && newest != session;
  }

  /** {@code session}, which delivered frames of {@code devices}, ended: those it was the latest connection of go. */
  void ended(DeviceSession session, Collection<DeviceIdentity> devices) {
    devices.forEach(device -> latest.remove(device.device(), session));
  }
}
