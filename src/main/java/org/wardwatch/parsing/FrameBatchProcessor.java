package org.wardwatch.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;

/**
 * Turns a {@link FrameBatch} into verdicts, handing every newly accepted frame's report to a sink in order.
 * Frames are processed in arrival order, so a {@code HELLO} applies to the frames after it in the same batch.
 *
 * <p>Not thread-safe (it owns a {@link ResendFilter}): used by one verticle's event loop.
 */
public final class FrameBatchProcessor {

  static final String RESEND_NOTE = "resend of a frame already recorded; not recorded again";

  private final LineFrameDecoder decoder;
  private final ResendFilter resends;
  private final Consumer<FrameReport> sink;

  public FrameBatchProcessor(LineFrameDecoder decoder, ResendFilter resends, Consumer<FrameReport> sink) {
    this.decoder = decoder;
    this.resends = resends;
    this.sink = sink;
  }

  public BatchVerdict process(FrameBatch batch) {
    DeviceIdentity session = batch.session();
    List<FrameVerdict> verdicts = new ArrayList<>(batch.frames().size());
    for (String frame : batch.frames()) {
      try {
        DecodedFrame decoded = decoder.decode(frame, session, batch.receivedAt());
        if (decoded instanceof DecodedFrame.Hello hello) {
          session = hello.identity();
          verdicts.add(FrameVerdict.accepted(hello.sequence(), unknownKeysNote(decoded)));
        } else {
          verdicts.add(accept((DecodedFrame.Measurements) decoded, frame));
        }
      } catch (MalformedFrameException e) {
        verdicts.add(FrameVerdict.rejected(e.sequence(), e.getMessage()));
      }
    }
    return new BatchVerdict(session, verdicts);
  }

  private FrameVerdict accept(DecodedFrame.Measurements frame, String text) {
    String sequence = frame.sequence();
    if (sequence != null && resends.isResend(frame.source().device(), Long.parseLong(sequence), text)) {
      return FrameVerdict.accepted(sequence, RESEND_NOTE);
    }
    sink.accept(frame.report());
    return FrameVerdict.accepted(sequence, unknownKeysNote(frame));
  }

  private static String unknownKeysNote(DecodedFrame frame) {
    return frame.unknownKeys().isEmpty() ? null : "ignored unknown key(s): " + String.join(", ", frame.unknownKeys());
  }
}
