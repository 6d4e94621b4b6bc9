package org.wardwatch.device;

import static java.util.stream.Collectors.joining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the line framer cuts a device's stream into lines, whatever its reads: LF, CRLF or a lone CR ending a line (its
 * ending dropped), blank lines skipped as keep-alives, frames split across reads or fed a byte at a time framed the
 * same, an unterminated last frame reported once at the end, and the frames of a read beyond the cap left waiting until
 * asked for.
 */
class LineFramerTest extends LineFramerFixture {

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
}
