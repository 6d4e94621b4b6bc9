package org.wardwatch.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.hl7.Hl7Fixtures.message;
import static org.wardwatch.hl7.Hl7Fixtures.MSH;
import static org.wardwatch.hl7.Hl7Fixtures.OBR;
import static org.wardwatch.hl7.Hl7Fixtures.RECEIVED;
import static org.wardwatch.hl7.Hl7Fixtures.SPO2;

import ca.uhn.hl7v2.ErrorCode;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.DeviceIdentity;

/**
 * HL7's null value {@code ""} ("present but null") in the fields a monitor may send it in: read as if absent, never as
 * text that then fails to parse, drops the value or names a patient.
 */
class Pcd01DecoderNullValueTest {


  private final Pcd01Decoder decoder = new Pcd01Decoder(ZoneOffset.UTC);

  @Test
  void givenNullObservationTimes_whenDecoded_thenTheTimeIsInheritedAsWhenAbsent() throws Exception {
    String nullObx14 = SPO2 + "|||\"\"";

    assertEquals(Instant.parse("2026-11-22T10:14:00Z"), onlyTime(message(MSH, OBR, nullObx14)), "OBR-7's");
    assertEquals(Instant.parse("2026-11-22T10:15:00Z"), onlyTime(message(MSH, "OBR|1|||x|||\"\"", SPO2)), "MSH-7's");
  }

  @Test
  void givenNullResultStatusOrFlags_whenDecoded_thenTheVitalIsCharted() throws Exception {
    Hl7Message message = decoder.decode(message(MSH, OBR, SPO2.replace("|||||R", "||\"\"|||\"\"")), RECEIVED);

    assertEquals(1, message.observations().size(), message.warnings().toString());
    assertTrue(message.warnings().isEmpty(), message.warnings().toString());
  }

  @Test
  void givenNullPatientLocationAndEquipment_whenDecoded_thenNoneNamedAndTheSenderIsTheDevice() throws Exception {
    String text = message(MSH, "PID|||\"\"", "PV1||I|\"\"", OBR, SPO2 + "|||||||\"\"");

    assertEquals(new DeviceIdentity("Mon1", null, null, null), decoder.decode(text, RECEIVED).source());
  }

  @Test
  void givenNullUnits_whenDecoded_thenContentErrorForMissingUnits() {
    Hl7ContentException e = assertThrows(Hl7ContentException.class, () -> decoder.decode(message(MSH, OBR,
        SPO2.replace("262688^MDC_DIM_PERCENT^MDC", "\"\"")), RECEIVED));

    assertEquals(ErrorCode.REQUIRED_FIELD_MISSING, e.errorCode());
    assertTrue(e.getMessage().contains("has no units (OBX-6)"), e.getMessage());
  }

  @Test
  void givenNullValue_whenDecoded_thenTheRowHasNoValue() throws Exception {
    String noValue = "OBX|2|NM|149530^MDC_PULS_OXIM_PULS_RATE^MDC|1.2.1.2|\"\"|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R";

    Hl7Message message = decoder.decode(message(MSH, OBR, SPO2, noValue), RECEIVED);

    assertEquals(1, message.observations().size());
    assertTrue(message.warnings().stream().anyMatch(w -> w.contains("no value")), message.warnings().toString());
  }

  private Instant onlyTime(String text) throws Hl7Exception {
    Hl7Message message = decoder.decode(text, RECEIVED);
    assertEquals(1, message.reports().size());
    return message.reports().get(0).time();
  }
}
