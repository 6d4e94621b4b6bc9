package org.wardwatch.device.mllp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MLLP framing whatever the read boundaries, with stray bytes, truncation and oversized messages. */
class MllpFramerTest {

  private static final String MESSAGE = "MSH|^~\\&|MON|ICU|||20261122101500||ORU^R01^ORU_R01|C1|P|2.6\rOBX|1|NM|x\r";

  private final MllpFramer framer = new MllpFramer(4096);

  @Test
  void givenOneFramedMessageThenDelivered() {
    assertEquals(List.of(new MllpEvent.Message(MESSAGE)), feed(framed(MESSAGE)));
  }

  @Test
  void givenSeveralMessagesInOneReadThenAllInOrder() {
    assertEquals(List.of(new MllpEvent.Message("A"), new MllpEvent.Message("B"), new MllpEvent.Message("C")),
        feed(framed("A") + framed("B") + framed("C")));
  }

  @Test
  void givenMessageSplitAcrossReadsThenReassembled() {
    String stream = framed(MESSAGE);
    List<MllpEvent> events = new ArrayList<>();
    for (int i = 0; i < stream.length(); i++) {
      events.addAll(feed(stream.substring(i, i + 1)));
    }
    assertEquals(List.of(new MllpEvent.Message(MESSAGE)), events);
  }

  @Test
  void givenStrayBytesBetweenFramesThenSkippedAndCounted() {
    List<MllpEvent> events = feed("\0\0\n" + framed("A") + "junk\r\n\0" + framed("B"));

    assertEquals(List.of(new MllpEvent.Message("A"), new MllpEvent.Message("B")), events);
    assertEquals(10, framer.strayBytes());
  }

  @Test
  void givenEndBlockWithoutCarriageReturnThenStillDelivered() {
    assertEquals(List.of(new MllpEvent.Message("A"), new MllpEvent.Message("B")),
        feed("\u000bA\u001c\u000bB\u001c\r"));
  }

  @Test
  void givenNewStartBeforeEndThenTruncatedReportedAndNextMessageDelivered() {
    assertEquals(List.of(new MllpEvent.Truncated("MSH|partial"), new MllpEvent.Message("MSH|B")),
        feed("\u000bMSH|partial" + framed("MSH|B")));
  }

  @Test
  void givenTheSenderClosesInsideAMessageThenItIsUnterminatedAndBlanksAreNothing() {
    assertEquals(List.of(new MllpEvent.Message("MSH|1")), feed(framed("MSH|1") + "\u000bMSH|2\rPID|"));
    assertEquals(List.of(new MllpEvent.Unterminated("MSH|2\rPID|")), framer.finish());
    assertEquals(List.of(), framer.finish(), "once");

    feed("\u000b\r\n");
    assertEquals(List.of(), framer.finish(), "a start block and blanks: no message begun");

    feed("\u000bMSH|3\rPID|\u000brest of 3");
    assertEquals(List.of(new MllpEvent.Fragment("rest of 3")), framer.finish(), "answered already, as truncated");
  }

  @Test
  void givenStartBlockRepeatedInsideAMessageThenWhatFollowsIsStillAFragment() {
    assertEquals(List.of(new MllpEvent.Truncated("MSH|1\rPID|"), new MllpEvent.Fragment("rest")),
        feed("\u000bMSH|1\rPID|\u000b\u000brest\u001c\r"));
  }

  @Test
  void givenSeveralStartBlocksInsideAMessageThenOneTruncatedAndFragmentsNotAnswered() {
    assertEquals(List.of(new MllpEvent.Truncated("MSH|1\rNTE|||line1"), new MllpEvent.Fragment("line2"),
        new MllpEvent.Fragment("line3"), new MllpEvent.Message("MSH|2")),
        feed("\u000bMSH|1\rNTE|||line1\u000bline2\u000bline3\u001c\r" + framed("MSH|2")));
  }

  @Test
  void givenTheRestOfACutMessageWithoutAnEndBlock_whenAMessageFollows_thenThatMessageIsStillOne() {
    assertEquals(List.of(new MllpEvent.Truncated("MSH|1\rNTE|||a"), new MllpEvent.Fragment("b"),
        new MllpEvent.Message("MSH|2")), feed("\u000bMSH|1\rNTE|||a\u000bb" + framed("MSH|2")));
  }

  @Test
  void givenStartBlockRepeatedBeforeAMessageThenOneMessageAndNothingTruncated() {
    assertEquals(List.of(new MllpEvent.Message("MSH|1"), new MllpEvent.Message("MSH|2")),
        feed("\u000b" + framed("MSH|1") + "\u000b\r\n" + framed("MSH|2")));
    assertEquals(4, framer.strayBytes(), "the repeated start blocks and the blanks after one");
  }

  @Test
  void givenStartBlockInsideAMessageThenItsHeadTruncatedAndItsRestAFragmentNotAMessage() {
    assertEquals(List.of(new MllpEvent.Truncated("MSH|1\rNTE|1||a"), new MllpEvent.Fragment("b\r"),
        new MllpEvent.Message("MSH|2")), feed(framed("MSH|1\rNTE|1||a\u000bb\r") + framed("MSH|2")));
  }

  @Test
  void givenOversizedMessageThenReportedWithItsHeadAndNextMessageDelivered() {
    MllpFramer small = new MllpFramer(2048);
    String big = "MSH|^~\\&|BIG|" + "x".repeat(5000);

    List<MllpEvent> events = small.feed(Buffer.buffer(framed(big) + framed("B")));

    assertTrue(events.get(0) instanceof MllpEvent.Oversized oversized && oversized.head().startsWith("MSH|^~\\&|BIG|")
        && oversized.head().length() == 1024, events.get(0).toString());
    assertEquals(new MllpEvent.Message("B"), events.get(1));
  }

  @Test
  void givenAnOversizedRestAfterAStartBlockInsideAMessageThenItIsAFragmentNotASecondAnswer() {
    List<MllpEvent> events = feed("\u000bMSH|1\rPID|\u000b" + "x".repeat(5000) + "\u001c\r");

    assertEquals(new MllpEvent.Truncated("MSH|1\rPID|"), events.get(0));
    assertTrue(events.get(1) instanceof MllpEvent.Fragment, events.get(1).getClass().getSimpleName());
    assertEquals(2, events.size());
  }

  private List<MllpEvent> feed(String text) {
    return framer.feed(Buffer.buffer(text));
  }

  private static String framed(String message) {
    return "\u000b" + message + "\u001c\r";
  }
}
