package org.wardwatch.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wardwatch.parsing.FrameVerdict;

class AnswerLineTest {

  @Test
  void givenAcceptedFrameWithSeq_whenRendered_thenAckWithSeq() {
    assertEquals("ACK|7\n", AnswerLine.of(FrameVerdict.accepted("7", null)));
  }

  @Test
  void givenAcceptedFrameWithoutSeq_whenRendered_thenAckWithEmptySeq() {
    assertEquals("ACK|\n", AnswerLine.of(FrameVerdict.accepted(null, null)));
  }

  @Test
  void givenAcceptedFrameWithNote_whenRendered_thenNoteAfterSeq() {
    assertEquals("ACK|7|ignored unknown key(s): Battery\n",
        AnswerLine.of(FrameVerdict.accepted("7", "ignored unknown key(s): Battery")));
  }

  @Test
  void givenAcceptedFrameWithNoteButNoSeq_whenRendered_thenEmptySeqField() {
    assertEquals("ACK||note\n", AnswerLine.of(FrameVerdict.accepted(null, "note")));
  }

  @Test
  void givenRejectedFrameWithSeq_whenRendered_thenNakWithSeqAndReason() {
    assertEquals("NAK|7|Pulse 'abc' is not a number\n",
        AnswerLine.of(FrameVerdict.rejected("7", "Pulse 'abc' is not a number")));
  }

  @Test
  void givenRejectedFrameWithoutSeq_whenRendered_thenEmptySeqField() {
    assertEquals("NAK||frame longer than 4096 bytes\n",
        AnswerLine.of(FrameVerdict.rejected(null, "frame longer than 4096 bytes")));
  }

  @Test
  void givenReasonContainingPipes_whenRendered_thenReasonIsTheRestOfTheLine() {
    assertEquals("NAK|3|field 'a|b' is odd\n", AnswerLine.of(FrameVerdict.rejected("3", "field 'a|b' is odd")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bad\nframe", "bad\rframe", "bad\r\nframe"})
  void givenReasonContainingLineBreaks_whenRendered_thenOneLine(String reason) {
    String rendered = AnswerLine.of(FrameVerdict.rejected("9", reason));

    assertEquals("NAK|9|" + reason.replace('\r', ' ').replace('\n', ' ') + "\n", rendered);
    assertEquals(rendered.length() - 1, rendered.indexOf('\n'));
    assertEquals(-1, rendered.indexOf('\r'));
  }

  @Test
  void givenNoteContainingLineBreaks_whenRendered_thenOneLine() {
    assertEquals("ACK|1|a b\n", AnswerLine.of(FrameVerdict.accepted("1", "a\nb")));
  }
}
