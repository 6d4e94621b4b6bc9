package org.wardwatch.device;

import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.parsing.BatchVerdict;
import org.wardwatch.parsing.FrameVerdict;

/**
 * What a {@link DeviceSession} answers to one batch of frames, worked out from the parser's verdicts: one answer line
 * per frame, in order ({@link AnswerLine}); the refusals to announce for the invalid-signal alarm
 * ({@link BatchRefusals}); the frames rejected in a row, carried on from the batch before; and, when the connection is
 * to be cut off (too many frames rejected in a row, or a line without an ending), why. Frames the gateway failed to
 * judge (the parser failed: each is asked for again) and those about a patient not admitted count neither way: the
 * device's data was not at fault.
 *
 * <p>Pure: the session writes the lines, announces the refusals and cuts the connection off.
 */
final class BatchAnswer {

  static final String TOO_MANY_INVALID = "too many invalid frames in a row; closing connection";

  /**
   * The connection as the batch found it.
   *
   * @param identity       its identity, which each {@code HELLO} of the batch moves on
   * @param relayed        whether it has sent frames of others than its {@code HELLO}'s device and patient
   * @param readAt         when the batch's first frame was read
   * @param rejectedInARow frames rejected in a row before the batch
   * @param maxRejected    the most frames it may send rejected in a row ({@code maxConsecutiveBadFrames})
   */
  record Connection(DeviceIdentity identity, boolean relayed, Instant readAt, int rejectedInARow, int maxRejected) {
  }

  private final StringBuilder lines = new StringBuilder();
  private BatchRefusals refusals;
  private int rejectedInARow;
  private String cutOffReason;

  private BatchAnswer(int rejectedInARow) {
    this.rejectedInARow = rejectedInARow;
  }

  /** The answer to {@code events} on {@code connection}; {@code verdict} is the parser's, {@code null} if it failed. */
  static BatchAnswer of(List<FrameEvent> events, BatchVerdict verdict, Connection connection) {
    BatchAnswer answer = new BatchAnswer(connection.rejectedInARow());
    Iterator<FrameVerdict> verdicts = verdict != null ? verdict.verdicts().iterator() : null;
    DeviceIdentity current = connection.identity();
    for (FrameEvent event : events) {
      if (event instanceof FrameEvent.NoLineEnding endless) { // not a frame: its Overlong was answered
        answer.cutOff("no line ending within " + endless.maxLineLength() + " bytes; closing connection");
        continue;
      }
      FrameVerdict frame = AnswerLine.verdictFor(event, verdicts);
      AnswerLine.appendTo(answer.lines, frame);
      if (frame.hello()) {
        current = frame.about(); // the identity it set; none after a refused one
      } else if (frame.recorded() && answer.refusals != null) { // values: a refusal of their device and patient is over
        answer.refusals.accepted(frame.about() != null ? frame.about() : current);
      }
      if (verdict != null && !frame.notAdmitted()) {
        answer.judged(frame, current, connection);
      }
    }
    return answer;
  }

  /**
   * A frame the gateway judged on the device's data: a refused one's refusal kept to announce (a partly recorded one's
   * refusals reached the engine with its values), and counted towards the connection's cut-off; one whose values were
   * recorded, all or some, ends the run.
   */
  private void judged(FrameVerdict frame, DeviceIdentity current, Connection connection) {
    if (!frame.recorded() && !frame.hello()) { // a refused HELLO is no patient's invalid data; a partly recorded
      // frame's refusals reached the engine with its values (FrameReport#refused)
      refusals = BatchRefusals.with(refusals, BatchRefusals.refusal(frame, current, connection.relayed(),
          connection.readAt()));
    }
    rejectedInARow = frame.recorded() ? 0 : rejectedInARow + 1;
    if (rejectedInARow >= connection.maxRejected()) {
      cutOff(TOO_MANY_INVALID);
    }
  }

  /** Cuts the connection off for {@code reason}, unless an earlier frame of the batch already did. */
  private void cutOff(String reason) {
    cutOffReason = cutOffReason != null ? cutOffReason : reason;
  }

  /** One answer line per frame, in order. */
  StringBuilder lines() {
    return lines;
  }

  /** The refusals to announce, in order: each device and patient's last, unless a later frame of theirs is accepted. */
  Collection<DeviceEvent> refusals() {
    return refusals != null ? refusals.toAnnounce() : List.of();
  }

  /** Frames rejected in a row at the batch's end. */
  int rejectedInARow() {
    return rejectedInARow;
  }

  /** Why the connection is to be cut off once the lines are written (after a final NAK giving it), or {@code null}. */
  String cutOffReason() {
    return cutOffReason;
  }
}
