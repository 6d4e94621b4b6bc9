package org.wardwatch.bus;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import org.wardwatch.parsing.BatchVerdict;
import org.wardwatch.parsing.FrameBatch;

/**
 * Registers the event-bus codecs of the ingest path's message types ({@link FrameBatch}, {@link BatchVerdict},
 * {@link ReportBatch}, {@link ReportsApplied}) and of published {@link PatientSnapshot}s: node-local hops pass objects,
 * not JSON; and the {@link #sharedJson()} codec of published JSON that local consumers share. Done once per Vert.x
 * instance, before the verticles that send them are deployed (the node does it first thing).
 */
public final class BusCodecs {

  private BusCodecs() {
  }

  /** Codec of published JSON that local consumers share (a {@link RecordCodec} of {@link JsonObject}). */
  private static final RecordCodec<JsonObject> SHARED_JSON =
      new RecordCodec<>(JsonObject.class, json -> json, json -> json);

  /**
   * Options for publishing a {@link JsonObject} that no one changes afterwards: every local consumer gets the same
   * instance rather than Vert.x's deep copy each (consumers must treat it as read-only); another member gets its JSON.
   */
  public static DeliveryOptions sharedJson() {
    return new DeliveryOptions().setCodecName(SHARED_JSON.name());
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
    bus.registerDefaultCodec(ReportsApplied.class,
        new RecordCodec<>(ReportsApplied.class, ReportsApplied::toJson, ReportsApplied::fromJson));
    bus.registerDefaultCodec(BatchVerdict.class,
        new RecordCodec<>(BatchVerdict.class, BatchVerdict::toJson, BatchVerdict::fromJson));
    bus.registerDefaultCodec(PatientSnapshot.class,
        new RecordCodec<>(PatientSnapshot.class, PatientSnapshot::toWire, PatientSnapshot::fromWire));
    bus.registerCodec(SHARED_JSON);
  }
}
