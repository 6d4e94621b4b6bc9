package org.wardwatch.hl7;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wardwatch.hl7.Hl7Fixtures.message;
import static org.wardwatch.hl7.Hl7Fixtures.OBR;
import static org.wardwatch.hl7.Hl7Fixtures.RECEIVED;
import static org.wardwatch.hl7.Hl7Fixtures.SPO2;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wardwatch.model.DeviceIdentity;

/**
 * Whom a refusal names, for the invalid-signal alarm: a message recorded but for a refused row names its device and
 * patient ({@link Hl7Message#source}), and so does one refused for its values ({@link Hl7ContentException#source}), the
 * same identity an accepted message of theirs is filed under; a refusal names nobody when whom the message is about
 * could not be read.
 */
class Pcd01DecoderRefusalSourceTest {

  private static final String MSH = "MSH|^~\\&|Mon1^0080C9FFFE000001^EUI-64|ICU|||20261122101500+0000||ORU^R01^ORU_R01|"
      + "C1|P|2.6";
  private static final String PID = "PID|||P1^^^H^MR";
  private static final String PV1 = "PV1||I|ICU^3001^1";
  private static final String HEART_RATE_0 =
      "OBX|2|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|0|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R";
  private static final String KELVIN = "OBX|2|NM|150364^MDC_TEMP_BODY^MDC|1.5.1.1|310.2|K^K^UCUM|||||R";
  private static final DeviceIdentity MON1_P1 = new DeviceIdentity("Mon1:0080C9FFFE000001", "P1", "3001-1", "ICU");

  private final Pcd01Decoder decoder = new Pcd01Decoder(ZoneOffset.UTC);

  @ParameterizedTest
  @ValueSource(strings = {HEART_RATE_0, KELVIN,
      "OBX|2|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC|1.4.1.1|80|266016^MDC_DIM_MMHG^MDC|||||R\r"
          + "OBX|3|NM|150022^MDC_PRESS_BLD_NONINV_DIA^MDC|1.4.1.2|90|266016^MDC_DIM_MMHG^MDC|||||R"})
  void givenARefusedValue_whenDecoded_thenTheRefusalNamesWhomAnAcceptedMessageIsFiledUnder(String refusedRow) {
    DeviceIdentity accepted = acceptedSource(message(MSH, PID, PV1, OBR, SPO2));

    assertEquals(MON1_P1, accepted);
    assertEquals(accepted, partlyRecorded(message(MSH, PID, PV1, OBR, SPO2, refusedRow)).source());
    assertEquals(accepted, refused(message(MSH, PID, PV1, OBR, refusedRow)).source());
  }

  @Test
  void givenNoUsableRow_whenDecoded_thenTheRefusalNamesTheMessagesSource() {
    assertEquals(MON1_P1, refused(message(MSH, PID, PV1, OBR, "OBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.1|97|"
        + "262688^MDC_DIM_PERCENT^MDC|||||X")).source());
  }

  @Test
  void givenTheDeviceNamedInALaterRowThanTheRefusedOne_whenDecoded_thenTheRefusalNamesThatDevice() {
    DeviceIdentity source = partlyRecorded(message(MSH, PID, PV1, OBR, HEART_RATE_0,
        SPO2.replace("|||||R", "|||||R|||||||0080C9FFFE000099^^0080C9FFFE000099^EUI-64"))).source();

    assertEquals("0080C9FFFE000099", source.device());
    assertEquals("P1", source.patient());
  }

  @Test
  void givenNoPid_whenARowIsRefused_thenTheRefusalNamesTheBedOnTheDevice() {
    assertEquals("Mon1:0080C9FFFE000001@ICU:3001-1",
        partlyRecorded(message(MSH, PV1, OBR, SPO2, HEART_RATE_0)).source().patientKey());
  }

  @ParameterizedTest
  @ValueSource(strings = {"PID|||P 1", "PID|||P1\rPID|||P2", "PV1||I|ICU^3001/x^1"})
  void givenWhomTheMessageIsAboutUnreadable_whenDecoded_thenTheRefusalNamesNobody(String identity) {
    assertNull(refused(message(MSH, identity, OBR, SPO2, HEART_RATE_0)).source());
  }

  @Test
  void givenNoDeviceIdentity_whenDecoded_thenTheRefusalNamesNobody() {
    assertNull(refused(message(MSH.replace("Mon1^0080C9FFFE000001^EUI-64", ""), PID, PV1, OBR, SPO2)).source());
  }

  private DeviceIdentity acceptedSource(String text) {
    try {
      return decoder.decode(text, RECEIVED).reports().get(0).source();
    } catch (Hl7Exception e) {
      throw new AssertionError("refused: " + e.getMessage(), e);
    }
  }

  /** {@code text} decoded, some of its rows refused and the others recorded. */
  private Hl7Message partlyRecorded(String text) {
    Hl7Message message = assertDoesNotThrow(() -> decoder.decode(text, RECEIVED));
    assertFalse(message.refused().isEmpty(), "a row refused");
    return message;
  }

  private Hl7ContentException refused(String text) {
    return assertThrows(Hl7ContentException.class, () -> decoder.decode(text, RECEIVED));
  }
}
