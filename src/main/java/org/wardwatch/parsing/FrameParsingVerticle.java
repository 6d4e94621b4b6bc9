package org.wardwatch.parsing;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.ReportHandOff;

/**
 * Frame parsing stage: answers {@link Addresses#FRAMES} batches from the device server with one verdict per frame and
 * hands each accepted frame's report to {@link Addresses#OBSERVATIONS}, replying once they are recorded by the
 * patients' owners, so a device's ACK means its data is stored.
 *
 * <p>Deploy one instance per node: it owns the node's {@link ResendFilter}.
 */
public class FrameParsingVerticle extends VerticleBase {

  private static final int MAX_REMEMBERED_DEVICES = 100_000;
  /** Failure code when a report could not reach its owner: the session asks the device to resend. */
  private static final int NOT_RECORDED = 503;

  @Override
  public Future<?> start() {
    ReportHandOff handOff = new ReportHandOff(vertx.eventBus());
    FrameBatchProcessor processor = new FrameBatchProcessor(
        new LineFrameDecoder(), new ResendFilter(MAX_REMEMBERED_DEVICES), handOff::handOn);
    MessageConsumer<JsonObject> consumer = vertx.eventBus().localConsumer(Addresses.FRAMES, message -> {
      JsonObject verdict = processor.process(FrameBatch.fromJson(message.body())).toJson();
      handOff.recorded()
          .onSuccess(recorded -> message.reply(verdict))
          .onFailure(error -> message.fail(NOT_RECORDED, "not recorded: " + error.getMessage()));
    });
    return consumer.completion();
  }
}
