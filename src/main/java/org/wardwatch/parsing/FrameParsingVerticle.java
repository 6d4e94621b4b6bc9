package org.wardwatch.parsing;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.ReportHandOff;

/**
 * Frame parsing stage: answers {@link Addresses#FRAMES} batches from the device server with one verdict per frame and
 * hands the accepted frames' reports, as one {@link org.wardwatch.bus.ReportBatch}, to {@link Addresses#OBSERVATIONS},
 * replying once the patients' owners have recorded them, so a device's ACK means its data is recorded.
 *
 * <p>Keeps no state (resends are recognised by the patients' owners); one instance per node is enough, and more do
 * not reorder a device's frames (its session waits for each answer).
 */
public class FrameParsingVerticle extends VerticleBase {

  /** Failure code when a report could not reach its owner: the session asks the device to resend. */
  private static final int NOT_RECORDED = 503;

  @Override
  public Future<?> start() {
    ReportHandOff handOff = new ReportHandOff(vertx.eventBus());
    FrameBatchProcessor processor = new FrameBatchProcessor(new LineFrameDecoder(), handOff::handOn);
    MessageConsumer<FrameBatch> consumer = vertx.eventBus().localConsumer(Addresses.FRAMES, message -> {
      FrameBatchProcessor.ProcessedBatch processed = processor.process(message.body());
      handOff.recorded()
          .onSuccess(resent -> message.reply(processed.answer(resent)))
          .onFailure(error -> message.fail(NOT_RECORDED, "not recorded: " + error.getMessage()));
    });
    return consumer.completion();
  }
}
