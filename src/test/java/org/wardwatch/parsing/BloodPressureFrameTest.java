package org.wardwatch.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.parsing.LineFrameDecoderTest.RECEIVED;
import static org.wardwatch.parsing.LineFrameDecoderTest.SESSION;
import static org.wardwatch.parsing.LineFrameDecoderTest.assertObservation;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

/**
 * A line frame's blood pressures beyond {@code BP=sys/dia}: the arterial line's ({@code ABP}, {@code Art}) charted
 * apart from the cuff's, and either one's mean ({@code sys/dia/mean}); the cuff's own forms and refusals are in
 * {@link LineFrameDecoderTest} and {@link LineFrameRejectionTest}.
 */
class BloodPressureFrameTest {

  private final LineFrameDecoder decoder = new LineFrameDecoder();

  @Test
  void givenCuffAndArterialPressures_whenDecoded_thenEachChartedAsItsOwnParametersWithAMeanIfSent() throws Exception {
    List<Observation> observations = observations("BP=131 / 79/96|ABP=118/72");

    assertEquals(5, observations.size());
    assertObservation(observations.get(0), Parameter.BP_SYSTOLIC, "131", "mm[Hg]", 150021);
    assertObservation(observations.get(1), Parameter.BP_DIASTOLIC, "79", "mm[Hg]", 150022);
    assertObservation(observations.get(2), Parameter.BP_MEAN, "96", "mm[Hg]", 150023);
    assertObservation(observations.get(3), Parameter.ART_SYSTOLIC, "118", "mm[Hg]", 150033);
    assertObservation(observations.get(4), Parameter.ART_DIASTOLIC, "72", "mm[Hg]", 150034);
    assertObservation(observations("Art=118/72/ 87").get(2), Parameter.ART_MEAN, "87", "mm[Hg]", 150035);
  }

  @Test
  void givenArterialLineOff_whenDecoded_thenItsThreeSensorsOffNotTheCuffs() throws Exception {
    assertEquals(Set.of(Parameter.ART_SYSTOLIC, Parameter.ART_DIASTOLIC, Parameter.ART_MEAN),
        measurements("Art=OFF|BP=120/80").report().sensorsOff());
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "ABP=301/80; Arterial systolic BP 301 mm[Hg] is implausible",
      "Art=120/9; Arterial diastolic BP 9 mm[Hg] is implausible",
      "ABP=120/80/301; Arterial mean BP 301 mm[Hg] is implausible",
      "ABP=120; ABP '120' must be systolic/diastolic or systolic/diastolic/mean, e.g. ABP=120/80 or ABP=120/80/93",
      "ABP=80/120; ABP 80/120 is implausible: diastolic must be below systolic",
      "BP=120/80/; must be systolic/diastolic",
      "BP=120//93; must be systolic/diastolic",
      "BP=120/80/abc; Mean BP 'abc' is not a number",
      "ABP=120/80|Art=121/80; appears twice"})
  void givenMalformedPressure_whenDecoded_thenRejectedWithReason(String frame, String phrase) {
    MalformedFrameException e = assertThrows(MalformedFrameException.class,
        () -> decoder.decode("Seq=4|" + frame, SESSION, null, RECEIVED));

    assertTrue(e.getMessage().contains(phrase), e::getMessage);
    assertEquals("4", e.sequence());
  }

  private List<Observation> observations(String line) throws MalformedFrameException {
    return measurements(line).observations();
  }

  private DecodedFrame.Measurements measurements(String line) throws MalformedFrameException {
    return assertInstanceOf(DecodedFrame.Measurements.class, decoder.decode(line, SESSION, null, RECEIVED));
  }
}
