package org.wardwatch.device;

import org.wardwatch.parsing.FrameVerdict;

/**
 * Renders verdicts in the device protocol: {@code ACK|<seq>}, {@code ACK|<seq>|<note>} or {@code NAK|<seq>|<reason>},
 * one line each. The seq field is empty when the frame had none; the reason is the rest of the line.
 */
final class AnswerLine {

  private AnswerLine() {
  }

  static String of(FrameVerdict verdict) {
    StringBuilder line = new StringBuilder(verdict.accepted() ? "ACK|" : "NAK|");
    if (verdict.sequence() != null) {
      line.append(verdict.sequence());
    }
    if (verdict.detail() != null) {
      line.append('|').append(verdict.detail().replace('\r', ' ').replace('\n', ' '));
    }
    return line.append('\n').toString();
  }
}
