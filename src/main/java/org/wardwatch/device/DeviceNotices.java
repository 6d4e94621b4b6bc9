package org.wardwatch.device;

import io.vertx.core.eventbus.EventBus;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wardwatch.bus.DeviceEvents;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;

/**
 * What one device connection tells the clinical engines of its devices, for technical alarms ({@link DeviceEvents}):
 * the frames of a batch refused ({@link BatchRefusals}), each device and patient a {@code HELLO} moved it away from,
 * and, once it is found closed, each device and patient it carried ({@link HeardDevices}), each once (also one only a
 * batch in flight at a reset named, once that batch is answered). Each disconnection names the connection
 * ({@link ConnectionId}), as its frames do, so that the engine can tell a device that reconnected and carried on from
 * one that is gone.
 *
 * <p>Owned by its {@link DeviceSession}; not thread-safe, used on the session's event loop.
 */
final class DeviceNotices {

  private final EventBus eventBus;
  private final ConnectionId connection = ConnectionId.opened(Instant.now());
  /** The others the connection's accepted frames were about. */
  private final HeardDevices others = new HeardDevices();
  /** When the connection was found closed; {@code null} while open. */
  private Instant closedAt;
  /** The devices and patients announced disconnected since; {@code null} while open. */
  private Set<DeviceIdentity> announced;

  DeviceNotices(EventBus eventBus) {
    this.eventBus = eventBus;
  }

  /** Which connection this is: told to the clinical engine with its frames, and with its disconnections. */
  ConnectionId connection() {
    return connection;
  }

  /** True once the connection has delivered accepted frames of others than its {@code HELLO}'s device and patient. */
  boolean relayed() {
    return !others.isEmpty();
  }

  /**
   * The parser accepted frames of a batch about {@code named}, after which the connection is {@code identity}: once the
   * connection is closed (a batch in flight at a reset), those not announced disconnected yet are.
   */
  void parsed(List<DeviceIdentity> named, DeviceIdentity identity) {
    named.forEach(others::heard);
    if (closedAt != null) {
      announceDisconnected(identity);
    }
  }

  /** Announces the refusals of a batch's {@code answer}, and the devices and patients its {@code HELLO}s left. */
  void answered(BatchAnswer answer) {
    answer.refusals().forEach(this::announce);
    Instant answeredAt = Instant.now();
    answer.left().forEach(left -> announce(DeviceEvent.disconnected(left, connection, answeredAt)));
  }

  /** The connection, as {@code identity}, was found closed at {@code at}: each device and patient it carried is gone. */
  void closed(DeviceIdentity identity, Instant at) {
    closedAt = at;
    announced = new HashSet<>();
    announceDisconnected(identity);
  }

  private void announceDisconnected(DeviceIdentity identity) {
    others.with(identity).stream().filter(announced::add)
        .forEach(heard -> announce(DeviceEvent.disconnected(heard, connection, closedAt)));
  }

  private void announce(DeviceEvent event) {
    DeviceEvents.announce(eventBus, event);
  }
}
