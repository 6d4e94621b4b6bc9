package org.wardwatch.clinical.news2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.news2.News2Fixtures.FRESHNESS;
import static org.wardwatch.clinical.news2.News2Fixtures.NOW;
import static org.wardwatch.clinical.news2.News2Fixtures.TAKEN;
import static org.wardwatch.clinical.news2.News2Fixtures.chart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.model.Parameter;

/** The systolic pressure NEWS2 scores when a patient has a cuff, an arterial line, or both. */
class News2SystolicSourcesTest {

  private final News2Calculator calculator = new News2Calculator(FRESHNESS, FRESHNESS);

  @ParameterizedTest(name = "cuff {0} at -{1} s, line {2} at -{3} s: {4} scored, {5} points")
  @CsvSource({
      "130, 600, 85, 60, 85, 3", // the line's later value: the cuff's, ten minutes old, no longer the patient's
      "85, 60, 130, 600, 85, 3", // the cuff's later value: the line taken out or not zeroed since
      "130, 60, 85, 60, 130, 0", // measured at once: the cuff's, as the chart was validated on it
      "105, 60, , , 105, 1", // a cuff alone
      ", , 95, 60, 95, 2"}) // an arterial line alone
  void givenTwoSystolicSources_whenScored_thenTheLaterMeasuredOne(String cuff, Long cuffAge, String line,
      Long lineAge, String scored, int points) {
    News2Fixtures.Chart patient = chart(false);
    if (cuff != null) {
      patient.vital(Parameter.BP_SYSTOLIC, cuff, NOW.minusSeconds(cuffAge));
    }
    if (line != null) {
      patient.vital(Parameter.ART_SYSTOLIC, line, NOW.minusSeconds(lineAge));
    }
    News2Inputs inputs = patient.inputs();

    assertEquals(scored, inputs.systolic().value().toPlainString());
    assertEquals(points, calculator.read(inputs, NOW).score().components().get(News2Component.BP_SYSTOLIC));
  }

  @Test
  void givenTheLaterSourceStale_whenScored_thenSystolicMissingNotTheOlderValue() {
    News2Inputs inputs = chart(false)
        .vital(Parameter.BP_SYSTOLIC, "85", NOW.minus(FRESHNESS).minusSeconds(120))
        .vital(Parameter.ART_SYSTOLIC, "120", NOW.minus(FRESHNESS).minusSeconds(60))
        .vital(Parameter.PULSE, "70", TAKEN)
        .inputs();

    News2Reading reading = calculator.read(inputs, NOW);

    assertTrue(reading.score().missing().contains(News2Component.BP_SYSTOLIC));
    assertTrue(reading.staleParts());
  }

  @Test
  void givenArterialDiastolic_whenInputsMade_thenDroppedAsTheCuffsIs() {
    News2Inputs inputs = chart(false)
        .vital(Parameter.ART_DIASTOLIC, "60", TAKEN)
        .vital(Parameter.BP_DIASTOLIC, "60", TAKEN)
        .inputs();

    assertFalse(inputs.vitals().containsKey(Parameter.ART_DIASTOLIC));
    assertNull(inputs.systolic());
  }
}
