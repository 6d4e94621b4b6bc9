package org.wardwatch.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardwatch.bus.ReportsApplied;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameStamp;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

class FrameBatchProcessorTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-22T10:15:31Z");
  private static final ConnectionId CONNECTION = ConnectionId.opened(RECEIVED);
  private static final DeviceIdentity MON_7 = new DeviceIdentity("mon-7", "P123", "12", "icu");

  private final List<List<Observation>> sink = new ArrayList<>();
  private final List<FrameStamp> stamps = new ArrayList<>();
  private final List<ConnectionId> connections = new ArrayList<>();
  private final FrameBatchProcessor processor =
      new FrameBatchProcessor(new LineFrameDecoder(), report -> {
        sink.add(report.observations());
        stamps.add(report.stamp());
        connections.add(report.connection());
      });

  @Test
  void givenHelloThenFrames_whenProcessed_thenIdentityCarriedToLaterFramesAndReturned() {
    BatchVerdict verdict = process(DeviceIdentity.UNKNOWN,
        "HELLO|Device=mon-7|Patient=P123|Bed=12|Ward=icu|Seq=1", "Seq=2|Pulse=82", "Seq=3|SpO2=97");

    assertEquals(MON_7, verdict.session());
    assertEquals(List.of(FrameVerdict.hello("1", null, MON_7), ack("2"), ack("3")), verdict.verdicts());
    assertEquals(2, sink.size());
    assertEquals(MON_7, sink.get(0).get(0).source());
    assertEquals(MON_7, sink.get(1).get(0).source());
    assertEquals(List.of(CONNECTION, CONNECTION), connections, "each report names the connection it came on");
  }

  @Test
  void givenAConnectionWhoseCertificateNamesItsDevice_thenFramesAndHelloOfAnotherDeviceAreRejected() {
    BatchVerdict verdict = processor.process(new FrameBatch(DeviceIdentity.UNKNOWN, CONNECTION, RECEIVED, List.of(
        "HELLO|Device=mon-7|Ward=icu|Seq=1", "Seq=2|Pulse=82", "Device=mon-8|Seq=3|Pulse=190",
        "HELLO|Device=mon-8|Seq=4", "Seq=5|SpO2=97", "Device=mon-8|Patient=P9|Seq=6|Pulse=x"), Set.of("mon-7")))
        .verdict();

    DeviceIdentity mon7 = new DeviceIdentity("mon-7", null, null, "icu");
    assertEquals(FrameVerdict.hello("1", null, mon7), verdict.verdicts().get(0));
    assertEquals(ack("2"), verdict.verdicts().get(1));
    assertEquals(FrameVerdict.helloRefused("4", "device mon-8 is not one this connection's certificate names [mon-7]"),
        verdict.verdicts().get(3), "a refused HELLO: the connection has no identity after it");
    for (int rejected : new int[] {2, 3}) {
      assertFalse(verdict.verdicts().get(rejected).accepted());
      assertEquals("device mon-8 is not one this connection's certificate names [mon-7]",
          verdict.verdicts().get(rejected).detail());
    }
    assertNak(verdict.verdicts().get(4), "5", "no device identity"); // meant for mon-8: not charted as mon-7's
    assertFalse(verdict.verdicts().get(5).accepted());
    assertEquals(null, verdict.verdicts().get(5).about(), "a malformed frame of mon-8 is no alarm on mon-8's patient:"
        + " blamed on the connection, which has no identity now");
    assertEquals(DeviceIdentity.UNKNOWN, verdict.session());
    assertEquals(List.of(mon7), verdict.named(), "mon-7 is still announced disconnected when the connection closes");
    assertEquals(1, sink.size(), "mon-8's values recorded nowhere");
  }

  @Test
  void givenARefusedHello_thenTheFramesAfterItAreRefusedUntilAHelloIsAccepted() {
    DeviceIdentity before = new DeviceIdentity("mon-7", "P-A", "1", "icu");
    BatchVerdict verdict = process(before, "HELLO|Device=mon-7|Patient=bad id|Bed=2", "Seq=7|Pulse=99",
        "hello | Device=mon-7|Patient=P-B|Bed=2|Pulse", "Seq=8|Pulse=98", "HELLO|Device=mon-7|Patient=P-B|Bed=2",
        "Seq=9|Pulse=97");

    assertNak(verdict.verdicts().get(0), null, "Patient 'bad id' is invalid");
    assertNak(verdict.verdicts().get(1), "7", "no device identity"); // not charted as P-A's, whom it is not about
    assertNak(verdict.verdicts().get(2), null, "expected Key=Value"); // a HELLO, though malformed
    assertNak(verdict.verdicts().get(3), "8", "no device identity");
    assertEquals(ack("9"), verdict.verdicts().get(5));
    assertEquals(List.of("P-B"), sink.stream().map(values -> values.get(0).source().patient()).toList());
  }

  @Test
  void givenFrameBeforeHello_whenProcessed_thenOnlyThatFrameIsRejected() {
    BatchVerdict verdict = process(DeviceIdentity.UNKNOWN, "Seq=1|Pulse=82", "HELLO|Device=mon-7", "Seq=2|Pulse=83");

    assertFalse(verdict.verdicts().get(0).accepted());
    assertTrue(verdict.verdicts().get(0).detail().contains("no device identity"));
    assertEquals(FrameVerdict.hello(null, null, new DeviceIdentity("mon-7", null, null, null)),
        verdict.verdicts().get(1));
    assertEquals(ack("2"), verdict.verdicts().get(2));
    assertEquals(1, sink.size());
  }

  @Test
  void givenNoHello_whenProcessed_thenSessionReturnedUnchanged() {
    BatchVerdict verdict = process(MON_7, "Seq=1|Pulse=82");

    assertEquals(MON_7, verdict.session());
  }

  @Test
  void givenFrameOverridingIdentity_whenProcessed_thenSessionIsNotChanged() {
    BatchVerdict verdict = process(MON_7, "Seq=1|Patient=P999|Pulse=82", "Seq=2|Pulse=83");

    assertEquals(MON_7, verdict.session());
    assertEquals("P999", sink.get(0).get(0).source().patient());
    assertEquals("P123", sink.get(1).get(0).source().patient());
  }

  @Test
  void givenSecondHello_whenProcessed_thenItReplacesTheWholeIdentity() {
    BatchVerdict verdict = process(MON_7, "HELLO|Device=mon-8|Ward=cardio", "Pulse=82");

    DeviceIdentity expected = new DeviceIdentity("mon-8", null, null, "cardio");
    assertEquals(expected, verdict.session());
    assertEquals(expected, sink.get(0).get(0).source());
  }

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
  void givenARelaysBatchWithTwoDevicesOfOnePatient_thenBothAreNamed() {
    DeviceIdentity relay = new DeviceIdentity("relay-1", null, null, "icu");
    BatchVerdict verdict = process(relay, "Device=mon-7|Patient=P123|Ward=icu|Seq=1|Pulse=80",
        "Device=ox-7|Patient=P123|Ward=icu|Seq=2|SpO2=97", "Device=mon-7|Patient=P123|Ward=icu|Seq=3|Pulse=81");

    assertEquals(List.of("mon-7", "ox-7"), verdict.named().stream().map(DeviceIdentity::device).toList(),
        "each is announced disconnected when the relay's connection closes");
  }

  @Test
  void givenZeroPaddedSeq_whenAcceptedOrRejected_thenEchoedAsSent() {
    BatchVerdict verdict = process(MON_7, "Seq=007|Pulse=82", "Seq=008|Pulse=abc");

    assertEquals("007", verdict.verdicts().get(0).sequence());
    assertEquals("008", verdict.verdicts().get(1).sequence());
  }

  private BatchVerdict process(DeviceIdentity session, String... frames) {
    return processor.process(batch(session, frames)).verdict();
  }

  private static ReportsApplied resent(String stamp) {
    return new ReportsApplied(List.of(stamp), Map.of());
  }

  private static FrameBatch batch(DeviceIdentity session, String... frames) {
    return new FrameBatch(session, CONNECTION, RECEIVED, List.of(frames), null);
  }

  private static FrameVerdict ack(String seq) {
    return FrameVerdict.accepted(seq, null);
  }

  private static void assertNak(FrameVerdict verdict, String seq, String phrase) {
    assertFalse(verdict.accepted(), verdict::toString);
    assertEquals(seq, verdict.sequence());
    assertTrue(verdict.detail().contains(phrase), verdict::detail);
  }

  private static List<Parameter> parameters(List<Observation> observations) {
    return observations.stream().map(Observation::parameter).toList();
  }
}
