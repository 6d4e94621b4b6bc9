package org.wardwatch.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wardwatch.bus.ReportsApplied;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameStamp;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

/**
 * The frame batch processor's verdicts: one per frame in order, the same through JSON, a NAK naming whom its frame was
 * about and carrying its {@code Seq} (as sent) and reason, each accepted report stamped and recorded in order (a frame
 * sent again recorded again), resends the owner named acknowledged with a note, a patient the owner did not admit
 * refused as no fault of the device, and notes on unknown keys.
 */
class FrameBatchProcessorTest extends FrameBatchProcessorFixture {

  @Test
  void givenGoodAndBadFrames_whenProcessed_thenOneVerdictPerFrameInOrder() {
    BatchVerdict verdict = process(MON_7,
        "Seq=1|Pulse=82", "Seq=2|Pulse=abc", "Seq=3|SpO2=97", "Pulse=500", "Seq=5|BP=80/120");

    List<FrameVerdict> verdicts = verdict.verdicts();
    assertEquals(5, verdicts.size());
    assertEquals(ack("1"), verdicts.get(0));
    assertNak(verdicts.get(1), "2", "Pulse 'abc' is not a number");
    assertEquals(ack("3"), verdicts.get(2));
    assertNak(verdicts.get(3), null, "Pulse 500 /min is implausible");
    assertNak(verdicts.get(4), "5", "diastolic must be below systolic");
  }

  @Test
  void givenRefusedFrames_whenProcessed_thenEachNakNamesWhomItsFrameWasAbout() {
    BatchVerdict verdict = process(MON_7, "Patient=P2|Pulse=abc", "Pulse=abc", "Device=?|Pulse=80",
        "HELLO|Device=mon-9|Patient=P9", "SpO2=150");

    assertEquals("P2", verdict.verdicts().get(0).about().patient(), "the frame's own identity keys");
    assertEquals(MON_7, verdict.verdicts().get(1).about(), "the connection's identity at that frame");
    assertEquals(null, verdict.verdicts().get(2).about(), "its own identity unreadable: the connection's, which it"
        + " may not be about (it admits no patient)");
    assertEquals(new DeviceIdentity("mon-9", "P9", null, null), verdict.verdicts().get(4).about(), "after a HELLO");
    assertEquals(verdict.verdicts().get(4).about(), verdict.verdicts().get(3).about(), "the identity the HELLO set");
  }

  @Test
  void givenMalformedFrameWithSeq_whenProcessed_thenNakCarriesSeqAndReasonAndNothingIsRecorded() {
    BatchVerdict verdict = process(MON_7, "Seq=42|BP=120");

    assertNak(verdict.verdicts().get(0), "42", "BP '120' must be systolic/diastolic");
    assertTrue(sink.isEmpty());
  }

  @Test
  void givenFramesWithSeq_whenProcessed_thenEachReportIsStampedWithDeviceSeqAndText() {
    process(MON_7, "Seq=9|Pulse=82", "Pulse=83", "Seq=10|Pulse=83");

    assertEquals(Arrays.asList(FrameStamp.of("mon-7", 9, "Seq=9|Pulse=82"), null,
        FrameStamp.of("mon-7", 10, "Seq=10|Pulse=83")), stamps);
  }

  @Test
  void givenOwnersNamedAResend_whenAnswered_thenThatFrameIsAckedWithTheResendNote() {
    FrameBatchProcessor.ProcessedBatch processed = processor.process(batch(MON_7, "Seq=9|Pulse=82", "Seq=10|Pulse=83"));

    assertEquals(List.of(FrameVerdict.accepted("9", FrameBatchProcessor.RESEND_NOTE), ack("10")),
        processed.answer(resent(FrameStamp.of("mon-7", 9, "Seq=9|Pulse=82").key())).verdicts());
    assertEquals(List.of(ack("9"), ack("10")), processed.answer(ReportsApplied.ALL_NEW).verdicts());
  }

  @Test
  void givenAPatientTheOwnerDidNotAdmit_whenAnswered_thenItsFramesAloneAreRefusedWithTheReasonAsNoFaultOfTheDevice() {
    FrameBatchProcessor.ProcessedBatch processed = processor.process(batch(MON_7, "Seq=9|Pulse=82",
        "Patient=P-NEW|Seq=10|Pulse=83", "Seq=11|Pulse=84", "Patient=P-NEW|Pulse=85"));

    List<FrameVerdict> verdicts = processed.answer(new ReportsApplied(List.of(), Map.of("P-NEW", "full"))).verdicts();

    assertEquals(List.of(ack("9"), FrameVerdict.notAdmitted("10", "full"), ack("11"),
        FrameVerdict.notAdmitted(null, "full")), verdicts);
    assertTrue(verdicts.get(1).notAdmitted());
    assertEquals(List.of(), processed.answer(new ReportsApplied(List.of(), Map.of("P-NEW", "full"))).named(),
        "no identity of it kept, to announce disconnected");
  }

  @Test
  void givenFrameRepeatedInTheSameBatch_whenTheOwnerAppliedTheFirst_thenOnlyTheCopyIsNamedAResend() {
    FrameBatchProcessor.ProcessedBatch processed =
        processor.process(batch(MON_7, "Seq=9|Pulse=82", "Seq=9|Pulse=82", "Seq=10|Pulse=83"));

    assertEquals(List.of(ack("9"), FrameVerdict.accepted("9", FrameBatchProcessor.RESEND_NOTE), ack("10")),
        processed.answer(resent(FrameStamp.of("mon-7", 9, "Seq=9|Pulse=82").key())).verdicts());
  }

  @Test
  void givenAResendAndARestartedSeqInOneBatch_whenAnswered_thenOnlyTheResendCarriesTheNote() {
    FrameBatchProcessor.ProcessedBatch processed =
        processor.process(batch(MON_7, "Seq=9|Pulse=82", "Seq=9|Pulse=95"));

    assertEquals(List.of(FrameVerdict.accepted("9", FrameBatchProcessor.RESEND_NOTE), ack("9")),
        processed.answer(resent(FrameStamp.of("mon-7", 9, "Seq=9|Pulse=82").key())).verdicts());
  }

  @Test
  void givenSameSeqWithOtherValues_whenProcessed_thenRecordedAsNewData() {
    process(MON_7, "Seq=1|Pulse=82");

    BatchVerdict verdict = process(MON_7, "Seq=1|Pulse=95");

    assertEquals(ack("1"), verdict.verdicts().get(0));
    assertEquals(2, sink.size());
    assertEquals(new BigDecimal("95"), sink.get(1).get(0).value());
  }

  @Test
  void givenFramesWithoutSeq_whenRepeated_thenEachIsRecorded() {
    BatchVerdict verdict = process(MON_7, "Pulse=82", "Pulse=82");

    assertEquals(List.of(ack(null), ack(null)), verdict.verdicts());
    assertEquals(2, sink.size());
  }

  @Test
  void givenRejectedFrame_whenResentCorrected_thenRecorded() {
    process(MON_7, "Seq=4|Pulse=8O");

    BatchVerdict verdict = process(MON_7, "Seq=4|Pulse=80");

    assertEquals(ack("4"), verdict.verdicts().get(0));
    assertEquals(1, sink.size());
  }

  @Test
  void givenUnknownKeys_whenProcessed_thenAckCarriesANoteNamingThem() {
    BatchVerdict verdict = process(MON_7, "Seq=5|Pulse=82|Battery=80|Etco2=35", "HELLO|Device=mon-7|Firmware=2.1");

    assertEquals(FrameVerdict.accepted("5", "ignored unknown key(s): Battery, Etco2"), verdict.verdicts().get(0));
    assertEquals(FrameVerdict.hello(null, "ignored unknown key(s): Firmware",
        new DeviceIdentity("mon-7", null, null, null)), verdict.verdicts().get(1));
    assertEquals(1, sink.size());
  }

  @Test
  void givenAcceptedFrames_whenProcessed_thenSinkReceivesEachFramesObservationsInOrder() {
    process(MON_7, "Seq=1|Temperature=37.5|Pulse=82|BP=120/80", "Seq=2|Pulse=abc", "Seq=3|SpO2=97|RR=16");

    assertEquals(2, sink.size());
    assertEquals(List.of(Parameter.TEMPERATURE, Parameter.PULSE, Parameter.BP_SYSTOLIC, Parameter.BP_DIASTOLIC),
        parameters(sink.get(0)));
    assertEquals(List.of(Parameter.SPO2, Parameter.RESP_RATE), parameters(sink.get(1)));
    assertEquals(1L, sink.get(0).get(0).sequence());
    assertEquals(3L, sink.get(1).get(0).sequence());
    assertEquals(RECEIVED, sink.get(1).get(0).gatewayTime());
  }

  @Test
  void givenEmptyBatch_whenProcessed_thenNoVerdictsAndSessionKept() {
    BatchVerdict verdict = process(MON_7);

    assertEquals(new BatchVerdict(MON_7, List.of()), verdict);
    assertTrue(sink.isEmpty());
  }

  @Test
  void givenVerdict_whenRoundTrippedThroughJson_thenUnchanged() {
    BatchVerdict verdict = process(DeviceIdentity.UNKNOWN, "HELLO|Device=mon-7|Seq=1", "Seq=2|Pulse=abc", "Pulse=82");

    assertEquals(verdict, BatchVerdict.fromJson(verdict.toJson()));
  }

  @Test
  void givenZeroPaddedSeq_whenAcceptedOrRejected_thenEchoedAsSent() {
    BatchVerdict verdict = process(MON_7, "Seq=007|Pulse=82", "Seq=008|Pulse=abc");

    assertEquals("007", verdict.verdicts().get(0).sequence());
    assertEquals("008", verdict.verdicts().get(1).sequence());
  }

  private static ReportsApplied resent(String stamp) {
    return new ReportsApplied(List.of(stamp), Map.of());
  }

  private static List<Parameter> parameters(List<Observation> observations) {
    return observations.stream().map(Observation::parameter).toList();
  }
}
