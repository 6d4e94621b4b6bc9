package org.wardwatch.bus;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import org.wardwatch.parsing.BatchVerdict;
import org.wardwatch.parsing.FrameBatch;

/**
 * Registers the event-bus codecs of the ingest path's message types ({@link FrameBatch}, {@link BatchVerdict},
 * {@link ReportBatch}): node-local hops pass objects, not JSON. Done once per Vert.x instance, before the verticles
 * that send them are deployed (the node does it first thing).
 */
public final class BusCodecs {

  private BusCodecs() {
  }

  /** Registers the codecs on {@code vertx}'s event bus unless they already are. */
  public static synchronized void register(Vertx vertx) {
    EventBus bus = vertx.eventBus();
    RecordCodec<ReportBatch> reports = new RecordCodec<>(ReportBatch.class, ReportBatch::toJson,
        ReportBatch::fromJson);
    try {
      bus.registerDefaultCodec(ReportBatch.class, reports);
    } catch (IllegalStateException alreadyRegistered) {
      return;
    }
    bus.registerDefaultCodec(FrameBatch.class,
        new RecordCodec<>(FrameBatch.class, FrameBatch::toJson, FrameBatch::fromJson));
    bus.registerDefaultCodec(BatchVerdict.class,
        new RecordCodec<>(BatchVerdict.class, BatchVerdict::toJson, BatchVerdict::fromJson));
  }
}
