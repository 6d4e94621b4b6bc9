package org.wardwatch.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wardwatch.parsing.FrameVerdict;

class AnswerLineTest {

  @Test
  void givenAcceptedFrameWithSeq_whenRendered_thenAckWithSeq() {
    assertEquals("ACK|7\n", line(FrameVerdict.accepted("7", null)));
  }

  @Test
  void givenAcceptedFrameWithoutSeq_whenRendered_thenAckWithEmptySeq() {
    assertEquals("ACK|\n", line(FrameVerdict.accepted(null, null)));
  }

  @Test
  void givenAcceptedFrameWithNote_whenRendered_thenNoteAfterSeq() {
    assertEquals("ACK|7|ignored unknown key(s): Battery\n",
        line(FrameVerdict.accepted("7", "ignored unknown key(s): Battery")));
  }

  @Test
  void givenAcceptedFrameWithNoteButNoSeq_whenRendered_thenEmptySeqField() {
    assertEquals("ACK||note\n", line(FrameVerdict.accepted(null, "note")));
  }

  @Test
  void givenPartlyRecordedFrame_whenRendered_thenNakWithTheRefusedValuesAndThatTheOthersWereRecorded() {
    assertEquals("NAK|7|SpO2 'x' is not a number; Pulse 'y' is not a number; the frame's other values were recorded\n",
        line(FrameVerdict.partlyRecorded("7", List.of("SpO2 'x' is not a number", "Pulse 'y' is not a number"),
            null)));
  }

  @Test
  void givenRejectedFrameWithSeq_whenRendered_thenNakWithSeqAndReason() {
    assertEquals("NAK|7|Pulse 'abc' is not a number\n",
        line(FrameVerdict.rejected("7", "Pulse 'abc' is not a number")));
  }

  @Test
  void givenRejectedFrameWithoutSeq_whenRendered_thenEmptySeqField() {
    assertEquals("NAK||frame longer than 4096 bytes\n",
        line(FrameVerdict.rejected(null, "frame longer than 4096 bytes")));
  }

  @Test
  void givenReasonContainingPipes_whenRendered_thenReasonIsTheRestOfTheLine() {
    assertEquals("NAK|3|field 'a|b' is odd\n", line(FrameVerdict.rejected("3", "field 'a|b' is odd")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bad\nframe", "bad\rframe", "bad\r\nframe"})
  void givenReasonContainingLineBreaks_whenRendered_thenOneLine(String reason) {
    String rendered = line(FrameVerdict.rejected("9", reason));

    assertEquals("NAK|9|" + reason.replace('\r', ' ').replace('\n', ' ') + "\n", rendered);
    assertEquals(rendered.length() - 1, rendered.indexOf('\n'));
    assertEquals(-1, rendered.indexOf('\r'));
  }

  @Test
  void givenNoteContainingLineBreaks_whenRendered_thenOneLine() {
    assertEquals("ACK|1|a b\n", line(FrameVerdict.accepted("1", "a\nb")));
  }

  @Test
  void aBatchsAnswersFollowOneAnotherInOneBuilder() {
    StringBuilder answers = new StringBuilder();
    AnswerLine.appendTo(answers, FrameVerdict.accepted("1", null));
    AnswerLine.appendTo(answers, FrameVerdict.rejected("2", "Pulse 'x' is not a number"));
    assertEquals("ACK|1\nNAK|2|Pulse 'x' is not a number\n", answers.toString());
  }

  private static String line(FrameVerdict verdict) {
    StringBuilder answers = new StringBuilder();
    AnswerLine.appendTo(answers, verdict);
    return answers.toString();
  }
}
