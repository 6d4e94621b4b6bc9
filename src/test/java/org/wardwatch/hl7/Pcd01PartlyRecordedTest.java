package org.wardwatch.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wardwatch.hl7.Hl7Fixtures.MSH;
import static org.wardwatch.hl7.Hl7Fixtures.OBR;
import static org.wardwatch.hl7.Hl7Fixtures.RECEIVED;
import static org.wardwatch.hl7.Hl7Fixtures.SPO2;
import static org.wardwatch.hl7.Hl7Fixtures.message;

import ca.uhn.hl7v2.ErrorCode;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

/**
 * A message some of whose rows are refused: each row is a measurement of its own, so the others are recorded and each
 * refused row is named, with its HL7 error code, for the acknowledgement's ERR segments; a message none of whose rows
 * can be recorded is refused whole, naming each.
 */
class Pcd01PartlyRecordedTest {

  private static final String HEART_RATE_0 =
      "OBX|2|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|0|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R";
  private static final String KELVIN = "OBX|3|NM|150364^MDC_TEMP_BODY^MDC|1.5.1.1|310.2|K^K^UCUM|||||R";

  private final Pcd01Decoder decoder = new Pcd01Decoder(ZoneOffset.UTC);

  @Test
  void givenTwoBadRowsBesideAGoodOne_whenDecoded_thenTheGoodOneIsRecordedAndEachBadOneNamedWithItsCode()
      throws Exception {
    Hl7Message message = decoder.decode(message(MSH, OBR, SPO2, HEART_RATE_0, KELVIN), RECEIVED);

    assertEquals(List.of(Parameter.SPO2), message.observations().stream().map(Observation::parameter).toList(),
        "a faulty ECG lead and a thermometer sending kelvin do not hide the SpO2");
    assertEquals(List.of(ErrorCode.DATA_TYPE_ERROR, ErrorCode.TABLE_VALUE_NOT_FOUND),
        message.refused().stream().map(Hl7Error::errorCode).toList());
    assertEquals("OBX 2: Pulse 0 /min is implausible (accepted range 15-300)",
        message.refused().get(0).reason().replace('\u2013', '-'));
    assertEquals("OBX 3: unit 'K' does not match Temperature (expected Cel or [degF])",
        message.refused().get(1).reason());
  }

  @Test
  void givenEveryRowBad_whenDecoded_thenTheMessageIsAContentErrorNamingEachWithTheFirstsCode() {
    Hl7ContentException e = assertThrows(Hl7ContentException.class,
        () -> decoder.decode(message(MSH, OBR, HEART_RATE_0, KELVIN), RECEIVED));

    assertEquals(ErrorCode.DATA_TYPE_ERROR, e.errorCode());
    assertEquals(List.of(ErrorCode.DATA_TYPE_ERROR, ErrorCode.TABLE_VALUE_NOT_FOUND),
        e.errors().stream().map(Hl7Error::errorCode).toList(), "an ERR for each row refused");
    assertEquals("OBX 2: Pulse 0 /min is implausible (accepted range 15-300); OBX 3: unit 'K' does not match"
        + " Temperature (expected Cel or [degF])", e.getMessage().replace('\u2013', '-'));
  }

  @Test
  void givenThousandsOfBadRowsBesideAGoodOne_whenDecoded_thenTheRefusedAreSummarisedAndTheReportsNameThem()
      throws Exception {
    List<String> segments = new ArrayList<>(List.of(MSH, OBR, SPO2));
    for (int row = 2; row <= 3000; row++) {
      segments.add(HEART_RATE_0.replace("OBX|2|", "OBX|" + row + "|"));
    }

    Hl7Message message = decoder.decode(message(segments.toArray(String[]::new)), RECEIVED);

    assertEquals(Hl7Error.MAX_KEPT + 1, message.refused().size());
    assertEquals("... and 2979 more row(s) refused", message.refused().get(Hl7Error.MAX_KEPT).reason());
    assertEquals("and 2996 more", message.reports().get(0).refused().get(FrameReport.REFUSALS_NAMED),
        "the report names three rows refused for the invalid-signal alarm, and counts the rest");
  }

  @Test
  void givenACleanMessage_whenDecoded_thenNothingIsRefused() throws Exception {
    assertEquals(List.of(), decoder.decode(message(MSH, OBR, SPO2), RECEIVED).refused());
  }
}
