package org.wardwatch.device;

import io.vertx.core.eventbus.EventBus;
import java.time.Duration;
import java.time.Instant;
import org.wardwatch.bus.DeviceEvents;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.parsing.BatchVerdict;
import org.wardwatch.parsing.FrameBatch;
import org.wardwatch.parsing.FrameBatchProcessor;
import org.wardwatch.parsing.LineFrameDecoder;

/**
 * What one device connection tells the clinical engines of its devices, for technical alarms ({@link DeviceEvents}):
 * the devices its {@code HELLO}s named, or moved on from before a frame of theirs ({@link HelloAnnouncements}), the
 * frames of a batch refused ({@link BatchRefusals}) and, once it is found closed, each device and patient it carried
 * ({@link HeardDevices}); again, once a batch in flight at a reset is answered, as that batch may have admitted a
 * patient after the first announcement, or named others. Each disconnection names the connection
 * ({@link ConnectionId}), as its frames do, so that the engine can tell a device that reconnected and carried on from
 * one that is gone, and a frame still in flight at the close from a live one (an end announced twice is judged alike).
 *
 * <p>Owned by its {@link DeviceSession}; not thread-safe, used on the session's event loop.
 */
final class DeviceNotices {

  /** Reads whom a batch's frames name, as the parser does, for a batch whose answer failed; stateless. */
  private static final FrameBatchProcessor NAME_READER = new FrameBatchProcessor(new LineFrameDecoder(), report -> { });

  private final EventBus eventBus;
  private final ConnectionId connection = ConnectionId.opened(Instant.now());
  /** The others the connection's accepted frames were about. */
  private final HeardDevices others = new HeardDevices();
  /** Which of the connection's {@code HELLO}s the engine is told of. */
  private final HelloAnnouncements hellos;
  /** When the connection was found closed; {@code null} while open. */
  private Instant closedAt;

  /**
   * The notices of a connection that, should it send nothing more, is closed within {@code closedIfSilentAfterAnswer}
   * of a batch's answer.
   */
  DeviceNotices(EventBus eventBus, Duration closedIfSilentAfterAnswer) {
    this.eventBus = eventBus;
    this.hellos = new HelloAnnouncements(connection, closedIfSilentAfterAnswer);
  }

  /** Which connection this is: told to the clinical engine with its frames, {@code HELLO}s and disconnections. */
  ConnectionId connection() {
    return connection;
  }

  /** True once the connection has delivered accepted frames of others than its {@code HELLO}'s device and patient. */
  boolean relayed() {
    return !others.isEmpty();
  }

  /**
   * The parser answered, at {@code answeredAt}, a batch read at {@code readAt}, which found the connection
   * {@code before}: the devices and patients its accepted frames named are noted, and its {@code HELLO}s announced or
   * withdrawn ({@link HelloAnnouncements}). Once the connection is closed (a batch in flight at a reset, answered after
   * its frames were applied), each device and patient it carried is announced disconnected again instead.
   */
  void parsed(DeviceIdentity before, BatchVerdict verdict, Instant readAt, Instant answeredAt) {
    verdict.named().forEach(others::heard);
    if (closedAt != null) {
      announceDisconnected(verdict.session());
    } else {
      hellos.answered(before, verdict.verdicts(), readAt, answeredAt).forEach(this::announce);
    }
  }

  /**
   * The parser's answer to {@code batch} failed, though its frames may have been applied (a store write failed
   * after); the connection is the batch's {@code session} still. Once the connection is closed, so that the device
   * resends none of them, each device and patient it carried, and whom the batch's frames name (read as the parser
   * reads them), is announced disconnected again.
   */
  void parseFailed(FrameBatch batch) {
    if (closedAt != null) {
      BatchVerdict read = NAME_READER.process(batch).verdict();
      read.named().forEach(others::heard);
      others.heard(read.session());
      announceDisconnected(batch.session());
    }
  }

  /** Announces the refusals of a batch's {@code answer}. */
  void answered(BatchAnswer answer) {
    answer.refusals().forEach(this::announce);
  }

  /** The connection, as {@code identity}, was found closed at {@code at}: each device and patient it carried left. */
  void closed(DeviceIdentity identity, Instant at) {
    closedAt = at;
    announceDisconnected(identity);
  }

  private void announceDisconnected(DeviceIdentity identity) {
    others.with(identity).forEach(heard -> announce(DeviceEvent.disconnected(heard, connection, closedAt)));
  }

  private void announce(DeviceEvent event) {
    DeviceEvents.announce(eventBus, event);
  }
}
