package org.wardwatch.parsing;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import org.wardwatch.bus.Addresses;
import org.wardwatch.cluster.Membership;
import org.wardwatch.cluster.ReportHandOff;

/**
 * Frame parsing stage: answers {@link Addresses#FRAMES} batches from the device server with one verdict per frame and
 * hands the accepted frames' reports to the clinical engines of their patients' owners ({@link ReportHandOff}),
 * replying once the owners have recorded them, so a device's ACK means its data is recorded.
 *
 * <p>Keeps no state of its own but its hand-off's (the reports of the batch in hand, the wards seen; resends are
 * recognised by the patients' owners); one instance per node is enough, and more do not reorder a device's frames
 * (its session waits for each answer).
 */
public class FrameParsingVerticle extends VerticleBase {

  /** Failure code when a report could not reach its owner: the session asks the device to resend. */
  private static final int NOT_RECORDED = 503;

  private final Membership membership;

  /** The parsing stage of a node that is the member {@code membership} describes (or standalone). */
  public FrameParsingVerticle(Membership membership) {
    this.membership = membership;
  }

  @Override
  public Future<?> start() {
    ReportHandOff handOff = new ReportHandOff(vertx, membership);
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
