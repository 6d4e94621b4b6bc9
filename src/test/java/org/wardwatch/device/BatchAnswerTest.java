package org.wardwatch.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.parsing.BatchVerdict;
import org.wardwatch.parsing.FrameVerdict;

/** What a device session answers to a batch of frames, from the parser's verdicts (or its failure). */
class BatchAnswerTest {

  private static final DeviceIdentity MON_1 = new DeviceIdentity("mon-1", "P1", "1", "icu");
  private static final DeviceIdentity MON_2 = new DeviceIdentity("mon-1", "P2", "2", "icu");
  private static final Instant READ_AT = Instant.parse("2026-12-07T08:00:00Z");
  private static final BatchAnswer.Connection FRESH = new BatchAnswer.Connection(MON_1, false, READ_AT, 0, 3);

  @Test
  void givenVerdicts_thenOneLinePerFrameInOrder_andNoCutOff() {
    BatchAnswer answer = BatchAnswer.of(lines(3), verdicts(FrameVerdict.accepted("1", null),
        FrameVerdict.rejected("2", "SpO2 '9x' is not a number"), FrameVerdict.accepted("3", "late")), FRESH);

    assertEquals("ACK|1\nNAK|2|SpO2 '9x' is not a number\nACK|3|late\n", answer.lines().toString());
    assertEquals(0, answer.rejectedInARow(), "an accepted frame ends the run");
    assertNull(answer.cutOffReason());
  }

  @Test
  void givenRejectionsInARowCarriedOverFromTheLastBatch_whenTheLimitIsReached_thenCutOffAfterEveryFrameIsAnswered() {
    BatchAnswer.Connection twoRejectedBefore = new BatchAnswer.Connection(MON_1, false, READ_AT, 2, 3);

    BatchAnswer answer = BatchAnswer.of(lines(2), verdicts(FrameVerdict.rejected("7", "bad"),
        FrameVerdict.accepted("8", null)), twoRejectedBefore);

    assertEquals(BatchAnswer.TOO_MANY_INVALID, answer.cutOffReason());
    assertEquals("NAK|7|bad\nACK|8\n", answer.lines().toString(), "the frame after the limit is answered too");
  }

  @Test
  void givenTheParserFailed_thenEveryFrameIsAskedForAgain_andNothingCountsAgainstTheDevice() {
    BatchAnswer.Connection twoRejectedBefore = new BatchAnswer.Connection(MON_1, false, READ_AT, 2, 3);

    BatchAnswer answer = BatchAnswer.of(List.of(new FrameEvent.Line("Pulse=80|Seq=4")), null, twoRejectedBefore);

    assertEquals("NAK|4|gateway could not process the frame now; resend it\n", answer.lines().toString());
    assertEquals(2, answer.rejectedInARow());
    assertNull(answer.cutOffReason());
    assertEquals(List.of(), List.copyOf(answer.refusals()));
  }

  @Test
  void givenARefusalAndThenAnAcceptedFrameOfTheSamePatient_thenOnlyTheOtherPatientsRefusalIsAnnounced() {
    BatchAnswer answer = BatchAnswer.of(lines(3), verdicts(FrameVerdict.rejected("1", "bad", MON_1),
        FrameVerdict.rejected("2", "bad", MON_2), FrameVerdict.accepted("3", null, MON_1)), FRESH);

    DeviceEvent refusal = answer.refusals().iterator().next();
    assertEquals(1, answer.refusals().size());
    assertEquals(MON_2, refusal.source());
    assertEquals(READ_AT, refusal.at());
  }

  @Test
  void givenAFrameAboutAPatientNotAdmitted_thenItNeitherCountsNorIsAnnounced() {
    BatchAnswer.Connection twoRejectedBefore = new BatchAnswer.Connection(MON_1, false, READ_AT, 2, 3);

    BatchAnswer answer = BatchAnswer.of(lines(1), verdicts(FrameVerdict.notAdmitted("5", "ward full")),
        twoRejectedBefore);

    assertEquals("NAK|5|ward full\n", answer.lines().toString());
    assertEquals(2, answer.rejectedInARow());
    assertNull(answer.cutOffReason());
    assertEquals(0, answer.refusals().size());
  }

  @Test
  void givenALineWithoutAnEnding_thenTheConnectionIsCutOffForIt() {
    BatchAnswer answer = BatchAnswer.of(List.of(new FrameEvent.Overlong(16), new FrameEvent.NoLineEnding(64)),
        verdicts(), FRESH);

    assertEquals("NAK||frame longer than 16 bytes\n", answer.lines().toString());
    assertEquals("no line ending within 64 bytes; closing connection", answer.cutOffReason());
  }

  private static List<FrameEvent> lines(int count) {
    return IntStream.rangeClosed(1, count)
        .<FrameEvent>mapToObj(seq -> new FrameEvent.Line("Pulse=80|Seq=" + seq)).toList();
  }

  private static BatchVerdict verdicts(FrameVerdict... verdicts) {
    return new BatchVerdict(MON_1, List.of(verdicts));
  }
}
