package org.wardwatch.parsing;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.BusFailures;
import org.wardwatch.bus.BusRequests;
import org.wardwatch.cluster.ClusterConsumers;
import org.wardwatch.cluster.Membership;
import org.wardwatch.cluster.ReportHandOff;

/**
 * Frame parsing stage: answers {@link Addresses#FRAMES} batches from the device server with one verdict per frame and
 * hands the accepted frames' reports to the clinical engines of their patients' owners ({@link ReportHandOff}),
 * replying once the owners have recorded them, so a device's ACK means its data is recorded; the frames of a patient an
 * owner did not admit (it monitors its most patients) are refused, with the reason.
 *
 * <p>Keeps no state of its own but its hand-off's (the reports of the batch in hand; resends are recognised by the
 * patients' owners); one instance per node is enough, and more do not reorder a device's frames
 * (its session waits for each answer).
 */
public class FrameParsingVerticle extends VerticleBase {

  private final Membership membership;
  private final ClusterConsumers consumers;

  /**
   * The parsing stage of a node that is the member {@code membership} describes (or standalone), whose cluster-wide
   * consumers {@code consumers} keeps.
   */
  public FrameParsingVerticle(Membership membership, ClusterConsumers consumers) {
    this.membership = membership;
    this.consumers = consumers;
  }

  @Override
  public Future<?> start() {
    EventBus bus = vertx.eventBus();
    return ReportHandOff.start(vertx, membership, consumers).compose(handOff -> {
      FrameBatchProcessor processor = new FrameBatchProcessor(new LineFrameDecoder(), handOff::handOn);
      MessageConsumer<FrameBatch> consumer = bus.localConsumer(Addresses.FRAMES, message -> {
        FrameBatchProcessor.ProcessedBatch processed = processor.process(message.body());
        handOff.recorded()
            .onSuccess(applied -> BusRequests.answer(bus, message, processed.answer(applied)))
            .onFailure(error -> BusRequests.refuse(bus, message, BusFailures.UNAVAILABLE,
                "not recorded: " + error.getMessage()));
      });
      return consumer.completion();
    });
  }
}
