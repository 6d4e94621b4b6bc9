package org.wardwatch.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The line framer's length limits, counted in bytes of UTF-8: a line of exactly the maximum accepted however it ends or
 * is fed, one byte more reported once as overlong with the next frame still delivered, an endless line reported
 * overlong and then as having no line ending, with no line and no failure however long it runs; and multi-byte
 * characters split across reads decoded whole.
 */
class LineFramerLimitTest extends LineFramerFixture {

  private static final FrameEvent OVERLONG = new FrameEvent.Overlong(MAX);
  private static final FrameEvent NO_LINE_ENDING = new FrameEvent.NoLineEnding(GIVE_UP);

  @Test
  void givenStreamEndingInsideAnOverlongFrame_whenFinished_thenNoFurtherReport() {
    assertEquals(List.of(OVERLONG), feed("x".repeat(MAX + 2)));

    assertEquals(List.of(), framer.finish());
  }

  @Test
  void givenFrameOfExactlyMaxLength_whenFed_thenAccepted() {
    String frame = "x".repeat(MAX);

    assertEquals(List.of(line(frame)), feed(frame + "\n"));
  }

  @Test
  void givenFrameOfExactlyMaxLengthWithCrLf_whenFed_thenAccepted() {
    String frame = "x".repeat(MAX);

    assertEquals(List.of(line(frame)), feed(frame + "\r\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n"})
  void givenFrameOfExactlyMaxLengthSplitBeforeItsEnding_whenFed_thenAccepted(String ending) {
    String frame = "x".repeat(MAX);

    assertEquals(List.of(), feed(frame.substring(0, 10)));
    assertEquals(List.of(), feed(frame.substring(10)));
    assertEquals(List.of(line(frame)), feed(ending));
  }

  @Test
  void givenFrameOfMaxLengthWithCrLfFedByteByByte_whenFed_thenAccepted() {
    String frame = "y".repeat(MAX);

    assertEquals(List.of(line(frame)), feedBytewise(framer, bytes(frame + "\r\n")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n"})
  void givenFrameOneByteTooLong_whenFed_thenOneOverlongAndNextFrameStillDelivered(String ending) {
    String tooLong = "x".repeat(MAX + 1);

    assertEquals(List.of(OVERLONG, line("Seq=2")), feed(tooLong + ending + "Seq=2" + ending));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n"})
  void givenFrameOneByteTooLongFedByteByByte_whenFed_thenOneOverlongAndNextFrameStillDelivered(String ending) {
    String stream = "x".repeat(MAX + 1) + ending + "Seq=2" + ending;

    assertEquals(List.of(OVERLONG, line("Seq=2")), feedBytewise(framer, bytes(stream)));
  }

  @Test
  void givenFrameOneByteTooLongSplitBeforeItsEnding_whenFed_thenOneOverlongAndNextFrameStillDelivered() {
    assertEquals(List.of(), feed("x".repeat(MAX + 1)));
    assertEquals(List.of(OVERLONG, line("Seq=2")), feed("\nSeq=2\n"));
  }

  @Test
  void givenEndlessLineInChunks_whenFed_thenOneOverlongThenOneNoLineEndingAndNoLine() {
    List<FrameEvent> events = new ArrayList<>();
    byte[] chunk = bytes("z".repeat(10));
    int fed = 0;
    for (int i = 0; i < 1_000; i++) {
      events.addAll(framer.feed(Buffer.buffer(chunk)));
      fed += chunk.length;
      List<FrameEvent> expected = fed <= MAX + 1 ? List.of()
          : fed <= GIVE_UP ? List.of(OVERLONG) : List.of(OVERLONG, NO_LINE_ENDING);
      assertEquals(expected, events, "after " + fed + " bytes");
    }
  }

  @Test
  void givenEndlessLineFedByteByByte_whenFed_thenOverlongAtMaxPlusTwoBytesAndNoLineEndingPastTheLimit() {
    List<Integer> reportedAt = new ArrayList<>();
    for (int fed = 1; fed <= 2 * GIVE_UP; fed++) {
      if (!framer.feed(Buffer.buffer("z")).isEmpty()) {
        reportedAt.add(fed);
      }
    }

    assertEquals(List.of(MAX + 2, (int) GIVE_UP + 1), reportedAt);
  }

  @Test
  void givenEndlessLineThatFinallyEnds_whenNextFrameArrives_thenItIsDeliveredIntact() {
    for (int i = 0; i < 10_000; i++) {
      feed("0123456789abcdef");
    }

    assertEquals(List.of(line("Seq=2|Pulse=82")), feed("tail\nSeq=2|Pulse=82\n"));
  }

  @Test
  void givenLargeVolumeOfOneEndlessLine_whenFed_thenReportedTwiceAndNeitherLineNorFailure() {
    byte[] megabyte = new byte[1 << 20];
    Arrays.fill(megabyte, (byte) 'q');
    Buffer chunk = Buffer.buffer(megabyte);
    List<FrameEvent> events = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      events.addAll(framer.feed(chunk));
    }

    assertEquals(List.of(OVERLONG, NO_LINE_ENDING), events);
    assertEquals(List.of(line("ok")), feed("\nok\n"));
  }

  @Test
  void givenTwoOverlongFrames_whenFed_thenOneOverlongEach() {
    assertEquals(List.of(OVERLONG, OVERLONG, line("Seq=3")),
        feed("x".repeat(5 * MAX) + "\n" + "y".repeat(3 * MAX) + "\r\nSeq=3\n"));
  }

  @Test
  void givenOverlongFrame_whenDeliveredInOneChunkOrByteByByte_thenSameNumberOfOverlongs() {
    String stream = "x".repeat(5 * MAX) + "\nSeq=2\n";

    assertEquals(feed(uncapped(), stream), feedBytewise(framer, bytes(stream)));
  }

  @Test
  void givenMultiByteCharactersSplitAcrossChunks_whenFed_thenDecodedAsUtf8() {
    byte[] stream = bytes("Ward=Süd|Note=血圧|Pulse=82\n");

    assertEquals(List.of(line("Ward=Süd|Note=血圧|Pulse=82")), feedBytewise(framer, stream));
  }

  @Test
  void givenMultiByteCharacterSplitAtEveryPosition_whenFed_thenDecodedAsUtf8() {
    byte[] stream = bytes("€😀\n");
    for (int split = 1; split < stream.length; split++) {
      LineFramer fresh = uncapped();
      List<FrameEvent> events = new ArrayList<>(fresh.feed(Buffer.buffer().appendBytes(stream, 0, split)));
      events.addAll(fresh.feed(Buffer.buffer().appendBytes(stream, split, stream.length - split)));

      assertEquals(List.of(line("€😀")), events, "split at byte " + split);
    }
  }

  @Test
  void givenMultiByteFrameOfExactlyMaxBytes_whenFed_thenAccepted() {
    String frame = "é".repeat(MAX / 2);

    assertEquals(List.of(line(frame)), feedBytewise(framer, bytes(frame + "\n")));
  }

  @Test
  void givenMultiByteFrameOneByteOverMaxBytes_whenFed_thenOverlong() {
    String frame = "é".repeat(MAX / 2) + "x";

    assertEquals(List.of(OVERLONG), feed(frame + "\n"));
  }
}
