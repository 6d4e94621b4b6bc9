package org.wardwatch.bus;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
   *
   * @return the {@link org.wardwatch.model.FrameStamp#key()} of each report its owner had applied already (a resend)
   */
  public Future<List<String>> recorded() {
    if (pending.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    ReportBatch batch = new ReportBatch(pending);
    pending.clear();
    return bus.<JsonObject>request(Addresses.OBSERVATIONS, batch).map(reply -> reply.body()
        .getJsonArray("resent", new JsonArray()).stream().map(String.class::cast).toList());
  }
}
