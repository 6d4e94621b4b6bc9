package org.wardwatch.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.OxygenSupport;
import org.wardwatch.model.Parameter;

/** The assessment keys of a line frame: {@code ACVPU=<A|C|V|P|U>} and {@code O2=<air or L/min 0..80>}. */
class AssessmentKeysTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-22T10:00:00Z");
  private static final DeviceIdentity SESSION = new DeviceIdentity("mon-1", "P1", "1", "surgery");

  private final LineFrameDecoder decoder = new LineFrameDecoder();

  @Test
  void givenAcvpuOxygenFlowAndPulse_whenDecoded_thenReportCarriesAssessmentAndObservation() throws Exception {
    FrameReport report = report("ACVPU=V|O2=2|Pulse=80");

    assertEquals(Consciousness.V, report.consciousness());
    OxygenSupport oxygen = report.oxygen();
    assertTrue(oxygen.onOxygen());
    assertEquals(0, new BigDecimal("2").compareTo(oxygen.flowLitresPerMinute()));
    assertEquals(1, report.observations().size());
    assertEquals(Parameter.PULSE, report.observations().get(0).parameter());
    assertEquals(0, new BigDecimal("80").compareTo(report.observations().get(0).value()));
    assertEquals(SESSION, report.source());
    assertEquals(RECEIVED, report.time());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Pulse=80|O2=air", "Pulse=80|o2=AIR", "Pulse=80|O2=Air", "Pulse=80|O2=0", "O2 = air "})
  void givenRoomAir_whenDecoded_thenOxygenIsAir(String line) throws Exception {
    OxygenSupport oxygen = report(line).oxygen();

    assertEquals(OxygenSupport.air(), oxygen);
    assertFalse(oxygen.onOxygen());
    assertNull(oxygen.flowLitresPerMinute());
  }

  @ParameterizedTest
  @CsvSource({"O2=0.5, 0.5", "O2=2, 2", "O2=15, 15", "O2=80, 80"})
  void givenOxygenFlowWithinRange_whenDecoded_thenOnOxygenAtThatFlow(String line, String flow) throws Exception {
    OxygenSupport oxygen = report(line).oxygen();

    assertTrue(oxygen.onOxygen());
    assertEquals(0, new BigDecimal(flow).compareTo(oxygen.flowLitresPerMinute()));
  }

  @ParameterizedTest
  @CsvSource({"acvpu=a, A", "ACVPU=A, A", "ACVPU=c, C", "Acvpu=V, V", "ACVPU=P, P", "ACVPU=u, U"})
  void givenAcvpuLetterInAnyCase_whenDecoded_thenThatLevel(String line, Consciousness expected) throws Exception {
    assertEquals(expected, report(line + "|Pulse=80").consciousness());
  }

  @Test
  void givenFrameWithOnlyAcvpu_whenDecoded_thenAcceptedWithoutObservations() throws Exception {
    DecodedFrame frame = decoder.decode("ACVPU=A", SESSION, null, RECEIVED);

    FrameReport report = assertInstanceOf(DecodedFrame.Measurements.class, frame).report();
    assertEquals(List.of(), report.observations());
    assertEquals(Consciousness.A, report.consciousness());
    assertNull(report.oxygen());
  }

  @Test
  void givenFrameWithOnlyO2_whenDecoded_thenAcceptedWithoutObservations() throws Exception {
    FrameReport report = report("O2=4|Seq=9");

    assertEquals(List.of(), report.observations());
    assertNull(report.consciousness());
    assertTrue(report.oxygen().onOxygen());
  }

  @Test
  void givenFrameWithoutAssessmentKeys_whenDecoded_thenAssessmentIsAbsent() throws Exception {
    FrameReport report = report("Pulse=80");

    assertNull(report.consciousness());
    assertNull(report.oxygen());
  }

  @Test
  void givenAssessmentAndDeviceTime_whenDecoded_thenReportTimeIsTheDeviceTime() throws Exception {
    FrameReport report = report("Ts=2026-11-22T09:59:00Z|ACVPU=A");

    assertEquals(Instant.parse("2026-11-22T09:59:00Z"), report.time());
  }

  @ParameterizedTest
  @CsvSource(quoteCharacter = '"', value = {
      "ACVPU=X, ACVPU 'X'", "ACVPU=AV, ACVPU 'AV'", "ACVPU=Alert, ACVPU 'Alert'", "ACVPU=1, ACVPU '1'"})
  void givenBadAcvpu_whenDecoded_thenRejectedNamingTheKeyAndValue(String line, String named) {
    MalformedFrameException error = assertThrows(MalformedFrameException.class, () -> report(line));

    assertTrue(error.getMessage().startsWith(named), error::getMessage);
    assertTrue(error.getMessage().contains("A, C, V, P, U"), error::getMessage);
  }

  @ParameterizedTest
  @CsvSource(quoteCharacter = '"', value = {
      "O2=-1, O2 '-1'", "O2=81, O2 '81'", "O2=80.5, O2 '80.5'", "O2=lots, O2 'lots'", "O2=2L, O2 '2L'",
      "O2=NaN, O2 'NaN'", "O2=1e1, O2 '1e1'"})
  void givenBadOxygen_whenDecoded_thenRejectedNamingTheKeyAndTheRange(String line, String named) {
    MalformedFrameException error = assertThrows(MalformedFrameException.class, () -> report(line));

    assertTrue(error.getMessage().startsWith(named), error::getMessage);
    assertTrue(error.getMessage().contains("'air'"), error::getMessage);
    assertTrue(error.getMessage().contains("0 to 80"), error::getMessage);
  }

  @Test
  void givenBadAssessmentWithSeq_whenDecoded_thenRejectionEchoesTheSeq() {
    MalformedFrameException error = assertThrows(MalformedFrameException.class,
        () -> report("Seq=12|ACVPU=X"));

    assertEquals("12", error.sequence());
  }

  @Test
  void givenAcvpuTwiceUnderDifferentCase_whenDecoded_thenRejectedAsDuplicate() {
    MalformedFrameException error = assertThrows(MalformedFrameException.class, () -> report("ACVPU=A|acvpu=V"));

    assertTrue(error.getMessage().contains("twice"), error::getMessage);
  }

  @Test
  void givenHelloWithAssessment_whenDecoded_thenRejected() {
    MalformedFrameException error = assertThrows(MalformedFrameException.class,
        () -> decoder.decode("HELLO|Device=mon-1|ACVPU=A", SESSION, null, RECEIVED));

    assertTrue(error.getMessage().contains("HELLO"), error::getMessage);
  }

  private FrameReport report(String line) throws MalformedFrameException {
    return assertInstanceOf(DecodedFrame.Measurements.class, decoder.decode(line, SESSION, null, RECEIVED)).report();
  }
}
