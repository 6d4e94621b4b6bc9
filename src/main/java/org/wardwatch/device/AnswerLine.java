package org.wardwatch.device;

import java.util.Iterator;
import org.wardwatch.parsing.FrameVerdict;

/**
 * Renders verdicts in the device protocol: {@code ACK|<seq>}, {@code ACK|<seq>|<note>} or {@code NAK|<seq>|<reason>}
 * (for a frame partly recorded, the values refused and that the others were recorded), one line each. The seq field is
 * empty when the frame had none; the reason is the rest of the line. Also gives the gateway's own verdict on what the
 * parser does not judge.
 */
final class AnswerLine {

  private static final String GATEWAY_FAILED = "gateway could not process the frame now; resend it";
  private static final String UNTERMINATED = "no line ending before the device closed its sending side; not recorded";
  /** Ends the NAK of a frame some of whose values were refused ({@link FrameVerdict#partlyRecorded}). */
  private static final String PARTLY_RECORDED = "; the frame's other values were recorded";

  private AnswerLine() {
  }

  /**
   * The verdict on {@code event}: the parser's next of {@code verdicts}, or the gateway's own when the parser judged
   * none (null: it failed) or the event is not a frame it judges.
   */
  static FrameVerdict verdictFor(FrameEvent event, Iterator<FrameVerdict> verdicts) {
    if (event instanceof FrameEvent.Overlong overlong) {
      return FrameVerdict.rejected(null, "frame longer than " + overlong.maxFrameLength() + " bytes");
    }
    if (event instanceof FrameEvent.Unterminated cut) {
      return FrameVerdict.unparsed(cut.text(), UNTERMINATED);
    }
    if (verdicts == null) {
      return FrameVerdict.unparsed(((FrameEvent.Line) event).text(), GATEWAY_FAILED);
    }
    return verdicts.next();
  }

  /** Appends {@code verdict}'s line to {@code answers}, the batch's: no string of its own per frame. */
  static void appendTo(StringBuilder answers, FrameVerdict verdict) {
    answers.append(verdict.accepted() ? "ACK|" : "NAK|");
    if (verdict.sequence() != null) {
      answers.append(verdict.sequence());
    }
    if (verdict.detail() != null) {
      answers.append('|').append(verdict.detail().replace('\r', ' ').replace('\n', ' '));
    }
    if (verdict.partlyRecorded()) {
      answers.append(PARTLY_RECORDED);
    }
    answers.append('\n');
  }
}
