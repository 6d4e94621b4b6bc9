package org.wardwatch.bus;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import java.util.ArrayList;
import java.util.List;
import org.wardwatch.model.FrameReport;

/**
 * A parsing stage's hand-off of accepted reports to {@link Addresses#OBSERVATIONS}, and the moment to answer the
 * sender: the reports handed on since the last {@link #recorded()} go as one {@link ReportBatch}, and
 * {@link #recorded()} completes once their owners have applied them (see the patient router and the clinical engine
 * for what is stored when).
 *
 * <p>Not thread-safe: one per parsing verticle, used on its event loop.
 */
public final class ReportHandOff {

  private final EventBus bus;
  private final List<FrameReport> pending = new ArrayList<>();

  public ReportHandOff(EventBus bus) {
    this.bus = bus;
  }

  public void handOn(FrameReport report) {
    pending.add(report);
  }

  /**
   * Sends every report handed on since the last call and completes when they are recorded; fails when the router gave
   * them up (an owner could not be reached in time), and the sender must then not be told the data is safe.
   */
  public Future<Void> recorded() {
    if (pending.isEmpty()) {
      return Future.succeededFuture();
    }
    ReportBatch batch = new ReportBatch(pending);
    pending.clear();
    return bus.request(Addresses.OBSERVATIONS, batch).mapEmpty();
  }
}
