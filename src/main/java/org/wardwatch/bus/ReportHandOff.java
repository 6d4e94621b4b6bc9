package org.wardwatch.bus;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import java.util.ArrayList;
import java.util.List;
import org.wardwatch.model.FrameReport;

/**
 * A parsing stage's hand-off of accepted reports to {@link Addresses#OBSERVATIONS}, and the moment to answer the
 * sender: {@link #recorded()} completes once the patient's owner has recorded (applied and stored) every report handed
 * on since the last call. An ACK sent then means the data survives the loss of a node.
 *
 * <p>Not thread-safe: one per parsing verticle, used on its event loop.
 */
public final class ReportHandOff {

  private final EventBus bus;
  private final List<Future<?>> pending = new ArrayList<>();

  public ReportHandOff(EventBus bus) {
    this.bus = bus;
  }

  public void handOn(FrameReport report) {
    pending.add(bus.request(Addresses.OBSERVATIONS, report.toJson()));
  }

  /**
   * Completes when every report handed on so far is recorded; fails when the router gave one up (its owner could not
   * be reached in time), and the sender must then not be told the data is safe.
   */
  public Future<Void> recorded() {
    List<Future<?>> handed = List.copyOf(pending);
    pending.clear();
    return Future.join(handed).mapEmpty();
  }
}
