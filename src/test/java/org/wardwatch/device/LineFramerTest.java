package org.wardwatch.device;

import static java.util.stream.Collectors.joining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineFramerTest {

  private static final int MAX = 64;
  /** The longest line read before the framer gives up on it. */
  private static final long GIVE_UP = 10L * MAX;
  private static final FrameEvent OVERLONG = new FrameEvent.Overlong(MAX);
  private static final FrameEvent NO_LINE_ENDING = new FrameEvent.NoLineEnding(GIVE_UP);

  private final LineFramer framer = uncapped();

  private static LineFramer uncapped() {
    return new LineFramer(MAX, GIVE_UP, Integer.MAX_VALUE);
  }

  @Test
  void givenAReadOfMoreFramesThanTheCap_whenFed_thenTheRestWaitUnframedUntilAskedFor() {
    LineFramer capped = new LineFramer(MAX, GIVE_UP, 4);
    Buffer read = Buffer.buffer(IntStream.range(0, 10).mapToObj(i -> "Seq=" + i + "\n").collect(joining()) + "Seq=1");

    assertEquals(lines(0, 4), capped.feed(read));
    assertTrue(capped.hasMore());
    assertEquals(List.of(), capped.finish(), "its last line waits for the frames before it");
    assertEquals(lines(4, 8), capped.more());
    assertEquals(Stream.concat(lines(8, 10).stream(), Stream.of(new FrameEvent.Unterminated("Seq=1"))).toList(),
        capped.more());
    assertFalse(capped.hasMore());
  }

  @Test
  void givenAReadFedWhileFramesWait_whenFed_thenItsFramesComeAfterThem() {
    LineFramer capped = new LineFramer(MAX, GIVE_UP, 2);
    capped.feed(Buffer.buffer("Seq=0\nSeq=1\nSeq=2\nSe"));

    assertEquals(List.of(line("Seq=2"), line("Seq=3")), capped.feed(Buffer.buffer("q=3\nSeq=4\n")));
    assertEquals(List.of(line("Seq=4")), capped.more());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7})
  void givenAnyCap_whenAStreamIsFramedInReadsOfAnySize_thenTheSameEventsAsUncapped(int cap) {
    String stream = "HELLO|Device=mon-7\r\n\nSeq=1|Pulse=82\r" + "x".repeat(3 * MAX) + "\nSeq=2\n \nSeq=3\nSeq=4";
    LineFramer whole = uncapped();
    List<FrameEvent> expected = new ArrayList<>(feed(whole, stream));
    expected.addAll(whole.finish());
    byte[] bytes = bytes(stream);
    for (int readSize = 1; readSize <= bytes.length; readSize += 5) {
      LineFramer capped = new LineFramer(MAX, GIVE_UP, cap);
      List<FrameEvent> events = new ArrayList<>();
      for (int at = 0; at < bytes.length; at += readSize) {
        events.addAll(capped.feed(Buffer.buffer().appendBytes(bytes, at, Math.min(readSize, bytes.length - at))));
        assertTrue(events.size() <= cap * (at / readSize + 1), "at most the cap per feed");
      }
      events.addAll(capped.finish());
      while (capped.hasMore()) {
        events.addAll(capped.more());
      }
      assertEquals(expected, events, "reads of " + readSize + " bytes");
    }
  }

  private static List<FrameEvent> lines(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> line("Seq=" + i)).toList();
  }

  @Test
  void givenLfTerminatedFrame_whenFed_thenOneLineWithoutEnding() {
    assertEquals(List.of(line("Pulse=82")), feed("Pulse=82\n"));
  }

  @Test
  void givenCrLfTerminatedFrame_whenFed_thenOneLineWithoutEnding() {
    assertEquals(List.of(line("Pulse=82")), feed("Pulse=82\r\n"));
  }

  @Test
  void givenStreamEndingInsideAFrame_whenFinished_thenThatFrameOnceAsUnterminated() {
    assertEquals(List.of(line("Seq=1")), feed("Seq=1\nPul"));
    feed("se=82");

    assertEquals(List.of(new FrameEvent.Unterminated("Pulse=82")), framer.finish(), "perhaps cut short: never parsed");
    assertEquals(List.of(), framer.finish());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Seq=1\n", "\r", "Seq=1\r\n\r"})
  void givenStreamEndingAtALineEnding_whenFinished_thenNothing(String stream) {
    feed(stream);

    assertEquals(List.of(), framer.finish());
  }

  @Test
  void givenStreamEndingInsideAnOverlongFrame_whenFinished_thenNoFurtherReport() {
    assertEquals(List.of(OVERLONG), feed("x".repeat(MAX + 2)));

    assertEquals(List.of(), framer.finish());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n", " \n", "\t\r\n", "  \t \n"})
  void givenBlankLineOfSpacesAndTabs_whenFed_thenSkippedAsAKeepAlive(String keepAlive) {
    assertEquals(List.of(line("Seq=1"), line("Seq=2")), feed("Seq=1\n" + keepAlive + "Seq=2\n"));
  }

  @Test
  void givenManyFramesInOneChunk_whenFed_thenAllLinesInOrder() {
    assertEquals(List.of(line("Seq=1"), line("Seq=2"), line("Seq=3")), feed("Seq=1\nSeq=2\r\nSeq=3\n"));
  }

  @Test
  void givenUnterminatedFrame_whenFed_thenNothingUntilItsLineEnding() {
    assertEquals(List.of(), feed("Pulse=82"));
    assertEquals(List.of(line("Pulse=82")), feed("\n"));
  }

  @Test
  void givenFrameSplitAcrossTwoChunks_whenFed_thenOneLine() {
    assertEquals(List.of(), feed("Temperature=37.5|Pul"));
    assertEquals(List.of(line("Temperature=37.5|Pulse=82"), line("Seq=2")), feed("se=82\nSeq=2\n"));
  }

  @Test
  void givenFramesFedOneByteAtATime_whenFed_thenSameLinesAsInOneChunk() {
    String stream = "HELLO|Device=mon-7\r\nSeq=1|Pulse=82\nSeq=2|BP=120/80\r\n";

    assertEquals(feed(uncapped(), stream), feedBytewise(framer, bytes(stream)));
  }

  @Test
  void givenCrAndLfInSeparateChunks_whenFed_thenOneLineWithoutTheCr() {
    assertEquals(List.of(line("Pulse=82")), feed("Pulse=82\r"), "a lone CR so far: the line has ended");
    assertEquals(List.of(), feed("\n"), "the LF of its CRLF ends nothing more");
  }

  @Test
  void givenCrAtTheEndOfAChunkAndLfStartingTheNext_whenFed_thenNextFrameIntact() {
    assertEquals(List.of(line("Seq=1")), feed("Seq=1\r"));

    assertEquals(List.of(line("Seq=2")), feed("\nSeq=2\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\r", "\n\r", "\r\r\n"})
  void givenFramesEndingInALoneCrOrLfCr_whenFedWholeOrByteByByte_thenTheSameLines(String ending) {
    String stream = "HELLO|Device=mon-7" + ending + "Seq=1|Pulse=82" + ending;

    assertEquals(List.of(line("HELLO|Device=mon-7"), line("Seq=1|Pulse=82")), feed(stream));
    assertEquals(feed(uncapped(), stream), feedBytewise(uncapped(), bytes(stream)));
  }

  @Test
  void givenAChunkOfNothingButCrs_whenFed_thenReadInOnePass() {
    String crs = "\r".repeat(1 << 20); // a line search from each CR to the chunk's end would take hours

    assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> assertEquals(List.of(line("Seq=1")), feed(crs + "Seq=1\r")), "blank lines, then the frame");
  }

  @Test
  void givenACrInsideAFrame_whenFed_thenItEndsTheLineThereWhateverTheReads() {
    String stream = "Seq=1|Pulse=82\rSpO2=97\n";

    assertEquals(List.of(line("Seq=1|Pulse=82"), line("SpO2=97")), feed(stream));
    assertEquals(feed(uncapped(), stream), feedBytewise(uncapped(), bytes(stream)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n", "\n\n\r\n", "\r\n\r\n\n"})
  void givenBlankLines_whenFed_thenSkipped(String blanks) {
    assertEquals(List.of(line("Seq=1"), line("Seq=2")), feed(blanks + "Seq=1\n" + blanks + "Seq=2\n" + blanks));
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

  private List<FrameEvent> feed(String text) {
    return feed(framer, text);
  }

  private static List<FrameEvent> feed(LineFramer framer, String text) {
    return framer.feed(Buffer.buffer(text, StandardCharsets.UTF_8.name()));
  }

  private static List<FrameEvent> feedBytewise(LineFramer framer, byte[] stream) {
    List<FrameEvent> events = new ArrayList<>();
    for (byte b : stream) {
      events.addAll(framer.feed(Buffer.buffer().appendByte(b)));
    }
    return events;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static FrameEvent line(String text) {
    return new FrameEvent.Line(text);
  }
}
