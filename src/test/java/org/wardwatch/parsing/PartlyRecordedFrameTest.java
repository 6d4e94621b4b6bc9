package org.wardwatch.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.parsing.LineFrameDecoderTest.RECEIVED;
import static org.wardwatch.parsing.LineFrameDecoderTest.SESSION;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.bus.ReportsApplied;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.FrameStamp;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

/**
 * A frame some of whose values are refused: the others, which other sensors measured, are recorded and handed on, and
 * the device's NAK names each value refused; a frame none of whose values can be recorded is refused whole.
 */
class PartlyRecordedFrameTest {

  private final LineFrameDecoder decoder = new LineFrameDecoder();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "RR=6|Temperature=104; Temperature 104 Cel is implausible (accepted range 0-50)",
      "RR=6|Temperature=abc; Temperature 'abc' is not a number",
      "RR=6|BP=120/130/90; BP 120/130/90 is implausible: diastolic must be below systolic",
      "RR=6|BP=120/80/abc; Mean BP 'abc' is not a number",
      "RR=6|BP=120; BP '120' must be systolic/diastolic"})
  void givenOneBadValueAmongGoodOnes_whenDecoded_thenTheGoodOnesAreKeptAndTheBadOneNamed(String frame,
      String reason) throws Exception {
    DecodedFrame.Measurements decoded = measurements("Seq=17|" + frame);

    assertEquals(List.of(Parameter.RESP_RATE), parameters(decoded.observations()),
        "the respiration rate, the blood pressure's parts all or none");
    assertEquals(1, decoded.refused().size(), decoded.refused()::toString);
    assertTrue(decoded.refused().get(0).replace('\u2013', '-').startsWith(reason), decoded.refused()::toString);
    assertEquals("17", decoded.sequence());
  }

  @Test
  void givenBadAssessmentsBesideAVitalSign_whenDecoded_thenEachIsRefusedAloneAndTheVitalSignKept() throws Exception {
    DecodedFrame.Measurements decoded = measurements("SpO2=88|ACVPU=X|O2=lots");

    assertEquals(List.of(Parameter.SPO2), parameters(decoded.observations()));
    assertNull(decoded.report().consciousness());
    assertNull(decoded.report().oxygen());
    assertEquals(2, decoded.refused().size(), decoded.refused()::toString);
    assertTrue(decoded.refused().get(0).startsWith("ACVPU 'X'"), decoded.refused()::toString);
    assertTrue(decoded.refused().get(1).startsWith("O2 'lots'"), decoded.refused()::toString);
  }

  @Test
  void givenABadVitalSignBesideAnAssessment_whenDecoded_thenTheAssessmentIsKept() throws Exception {
    DecodedFrame.Measurements decoded = measurements("Pulse=400|ACVPU=V");

    assertTrue(decoded.observations().isEmpty());
    assertEquals(Consciousness.V, decoded.report().consciousness());
    assertEquals(1, decoded.refused().size());
  }

  @Test
  void givenASensorOffBesideABadValue_whenDecoded_thenTheSensorOffIsKept() throws Exception {
    DecodedFrame.Measurements decoded = measurements("SpO2=OFF|Pulse=abc");

    assertEquals(Set.of(Parameter.SPO2), decoded.report().sensorsOff());
    assertEquals(1, decoded.refused().size());
  }

  @Test
  void givenEveryValueBad_whenDecoded_thenTheFrameIsRefusedWholeNamingEach() {
    MalformedFrameException e = assertThrows(MalformedFrameException.class,
        () -> decoder.decode("Seq=5|Pulse=400|SpO2=abc", SESSION, null, RECEIVED));

    assertEquals("Pulse 400 /min is implausible (accepted range 15-300); SpO2 'abc' is not a number",
        e.getMessage().replace('\u2013', '-'));
    assertEquals("5", e.sequence());
  }

  @Test
  void givenAFrameRecordedWhole_whenDecoded_thenNothingIsRefused() throws Exception {
    assertTrue(measurements("Pulse=80|SpO2=97").refused().isEmpty());
  }

  @Test
  void givenAPartlyRecordedFrame_whenProcessed_thenItsGoodValuesAreHandedOnStampedAndItsNakNamesTheRefusedOnes() {
    List<FrameReport> handedOn = new ArrayList<>();
    FrameBatchProcessor processor = new FrameBatchProcessor(decoder, handedOn::add);
    FrameBatch batch = new FrameBatch(SESSION, null, RECEIVED, List.of("Seq=9|RR=6|Temperature=104"), null);

    FrameVerdict verdict = processor.process(batch).verdict().verdicts().get(0);

    assertFalse(verdict.accepted(), "a NAK: the device must hear of the refused value");
    assertTrue(verdict.partlyRecorded() && verdict.recorded(), verdict::toString);
    assertEquals("9", verdict.sequence());
    assertEquals("Temperature 104 Cel is implausible (accepted range 0-50)", verdict.detail().replace('\u2013', '-'));
    assertEquals(SESSION, verdict.about(), "its refusal is about the frame's device and patient");
    assertEquals(1, handedOn.size());
    assertEquals(List.of(Parameter.RESP_RATE), parameters(handedOn.get(0).observations()));
    assertEquals(FrameStamp.of("mon-7", 9, "Seq=9|RR=6|Temperature=104"), handedOn.get(0).stamp(),
        "a resend of it is recognised, not recorded twice");
  }

  @Test
  void givenAPartlyRecordedFrameWithAnUnknownKey_whenProcessed_thenItsNakSaysSoAfterTheValuesRefused() {
    FrameBatchProcessor processor = new FrameBatchProcessor(decoder, report -> { });

    FrameVerdict verdict = processor.process(new FrameBatch(SESSION, null, RECEIVED,
        List.of("SpO2=95|Temperature=abc|Battery=80"), null)).verdict().verdicts().get(0);

    assertEquals("Temperature 'abc' is not a number; ignored unknown key(s): Battery", verdict.detail());
  }

  @Test
  void givenAResendOfAPartlyRecordedFrame_whenAnswered_thenItKeepsItsNakNamingTheRefusedValue() {
    FrameBatchProcessor processor = new FrameBatchProcessor(decoder, report -> { });
    String frame = "Seq=5|SpO2=95|Temperature=104";
    FrameBatchProcessor.ProcessedBatch processed = processor.process(
        new FrameBatch(SESSION, null, RECEIVED, List.of(frame), null));

    FrameVerdict answered = processed.answer(new ReportsApplied(List.of(FrameStamp.of("mon-7", 5, frame).key()),
        Map.of())).verdicts().get(0);

    assertEquals(processed.verdict().verdicts().get(0), answered, "not an ACK: its temperature was never recorded");
  }

  @Test
  void givenAPartlyRecordedVerdict_whenSentAsJson_thenItStaysPartlyRecorded() {
    FrameVerdict verdict = FrameVerdict.partlyRecorded("3", List.of("Pulse 'x' is not a number"), SESSION);

    assertEquals(verdict, FrameVerdict.fromJson(verdict.toJson()));
  }

  private DecodedFrame.Measurements measurements(String line) throws MalformedFrameException {
    return (DecodedFrame.Measurements) decoder.decode(line, SESSION, null, RECEIVED);
  }

  private static List<Parameter> parameters(List<Observation> observations) {
    return observations.stream().map(Observation::parameter).toList();
  }
}
