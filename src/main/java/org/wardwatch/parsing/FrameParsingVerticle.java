package org.wardwatch.parsing;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.wardwatch.bus.Addresses;
import org.wardwatch.model.FrameReport;

/**
 * Frame parsing stage: answers {@link Addresses#FRAMES} batches from the device server with one verdict per frame and
 * sends each accepted frame's report to {@link Addresses#OBSERVATIONS} before replying, so a device's ACK means
 * its data has been handed on.
 *
 * <p>Deploy one instance per node: it owns the node's {@link ResendFilter}.
 */
public class FrameParsingVerticle extends VerticleBase {

  private static final int MAX_REMEMBERED_DEVICES = 100_000;

  @Override
  public Future<?> start() {
    FrameBatchProcessor processor = new FrameBatchProcessor(
        new LineFrameDecoder(), new ResendFilter(MAX_REMEMBERED_DEVICES), this::handOn);
    MessageConsumer<JsonObject> consumer = vertx.eventBus().localConsumer(Addresses.FRAMES,
        message -> message.reply(processor.process(FrameBatch.fromJson(message.body())).toJson()));
    return consumer.completion();
  }

  private void handOn(FrameReport report) {
    vertx.eventBus().send(Addresses.OBSERVATIONS, report.toJson());
  }
}
