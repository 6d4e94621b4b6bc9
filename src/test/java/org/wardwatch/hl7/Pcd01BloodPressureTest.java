package org.wardwatch.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.uhn.hl7v2.ErrorCode;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

/** The blood pressures of a PCD-01 message: the cuff's and the arterial line's apart, each checked on its own. */
class Pcd01BloodPressureTest {

  private static final Pcd01Decoder DECODER = new Pcd01Decoder(ZoneOffset.UTC);

  @Test
  void givenCuffAndArterialPressuresAtOneTime_whenDecoded_thenEachChartedAsItsOwnParameters() throws Exception {
    String text = Hl7Fixtures.message(Hl7Fixtures.MSH, Hl7Fixtures.OBR,
        "OBX|1|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC|1.4.1.1|131|266016^MDC_DIM_MMHG^MDC|||||R",
        "OBX|2|NM|150022^MDC_PRESS_BLD_NONINV_DIA^MDC|1.4.1.2|79|266016^MDC_DIM_MMHG^MDC|||||R",
        "OBX|3|NM|150037^MDC_PRESS_BLD_ART_ABP_SYS^MDC|1.3.1.2|118|mm[Hg]^mm[Hg]^UCUM|||||R",
        "OBX|4|NM|150038^MDC_PRESS_BLD_ART_ABP_DIA^MDC|1.3.1.3|72|mm[Hg]^mm[Hg]^UCUM|||||R");

    List<Observation> observations = DECODER.decode(text, Hl7Fixtures.RECEIVED).observations();

    assertEquals(List.of(Parameter.BP_SYSTOLIC, Parameter.BP_DIASTOLIC, Parameter.ART_SYSTOLIC,
        Parameter.ART_DIASTOLIC), observations.stream().map(Observation::parameter).toList(), "none passed over");
    assertEquals(List.of(131, 79, 118, 72), observations.stream().map(o -> o.value().intValue()).toList());
  }

  @Test
  void givenArterialDiastolicNotBelowItsSystolic_whenDecoded_thenTheArterialMeasurementAloneIsRefused()
      throws Exception {
    String text = Hl7Fixtures.message(Hl7Fixtures.MSH, Hl7Fixtures.OBR,
        "OBX|1|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC|1.4.1.1|131|266016^MDC_DIM_MMHG^MDC|||||R",
        "OBX|2|NM|150034^MDC_PRESS_BLD_ART_DIA^MDC|1.3.1.3|90|266016^MDC_DIM_MMHG^MDC|||||R",
        "OBX|3|NM|150033^MDC_PRESS_BLD_ART_SYS^MDC|1.3.1.2|85|266016^MDC_DIM_MMHG^MDC|||||R",
        "OBX|4|NM|150035^MDC_PRESS_BLD_ART_MEAN^MDC|1.3.1.4|88|266016^MDC_DIM_MMHG^MDC|||||R");

    Hl7Message message = DECODER.decode(text, Hl7Fixtures.RECEIVED);

    assertEquals(List.of(new Hl7Error(ErrorCode.DATA_TYPE_ERROR, "Arterial blood pressure 85/90 at"
        + " 2026-11-22T10:14:00Z is implausible: diastolic must be below systolic")), message.refused(),
        "the cuff's 131 is another measurement");
    assertEquals(List.of(Parameter.BP_SYSTOLIC), message.observations().stream().map(Observation::parameter).toList(),
        "the line's systolic, diastolic and mean are one measurement, refused together");
  }

  @Test
  void givenARefusedPressureWhoseDiastolicIsStampedApart_whenDecoded_thenItsMeanIsRefusedToo() throws Exception {
    String text = Hl7Fixtures.message(Hl7Fixtures.MSH, Hl7Fixtures.OBR, Hl7Fixtures.SPO2,
        "OBX|2|NM|150033^MDC_PRESS_BLD_ART_SYS^MDC|1.3.1.2|85|266016^MDC_DIM_MMHG^MDC|||||R|||20261122101400+0000",
        "OBX|3|NM|150035^MDC_PRESS_BLD_ART_MEAN^MDC|1.3.1.4|88|266016^MDC_DIM_MMHG^MDC|||||R|||20261122101400+0000",
        "OBX|4|NM|150034^MDC_PRESS_BLD_ART_DIA^MDC|1.3.1.3|90|266016^MDC_DIM_MMHG^MDC|||||R|||20261122101402+0000");

    Hl7Message message = DECODER.decode(text, Hl7Fixtures.RECEIVED);

    assertEquals(1, message.refused().size(), message.refused()::toString);
    assertEquals(List.of(Parameter.SPO2), message.observations().stream().map(Observation::parameter).toList(),
        "the mean at the systolic's time is the refused measurement's");
  }
}
