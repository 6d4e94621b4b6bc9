package org.wardwatch.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.DeviceIdentity;

/**
 * A device's identity across a batch, as the frame batch processor keeps it: a {@code HELLO} names the frames after it
 * and the session returned, a second replaces it whole, a frame naming another identity changes nothing, frames before
 * any {@code HELLO} or after a refused one are refused, a connection whose certificate names its device refuses another
 * device's frames, and a relay's batch names every device its frames came from.
 */
class FrameBatchProcessorHelloTest extends FrameBatchProcessorFixture {

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
  void givenARelaysBatchWithTwoDevicesOfOnePatient_thenBothAreNamed() {
    DeviceIdentity relay = new DeviceIdentity("relay-1", null, null, "icu");
    BatchVerdict verdict = process(relay, "Device=mon-7|Patient=P123|Ward=icu|Seq=1|Pulse=80",
        "Device=ox-7|Patient=P123|Ward=icu|Seq=2|SpO2=97", "Device=mon-7|Patient=P123|Ward=icu|Seq=3|Pulse=81");

    assertEquals(List.of("mon-7", "ox-7"), verdict.named().stream().map(DeviceIdentity::device).toList(),
        "each is announced disconnected when the relay's connection closes");
  }
}
