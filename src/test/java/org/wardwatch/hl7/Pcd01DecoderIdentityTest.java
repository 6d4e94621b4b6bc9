package org.wardwatch.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.hl7.Hl7Fixtures.BERLIN;
import static org.wardwatch.hl7.Hl7Fixtures.message;
import static org.wardwatch.hl7.Hl7Fixtures.MSH;
import static org.wardwatch.hl7.Hl7Fixtures.RECEIVED;
import static org.wardwatch.hl7.Hl7Fixtures.SPO2;

import ca.uhn.hl7v2.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wardwatch.model.DeviceIdentity;

/**
 * Whom a PCD-01 message is about, as the decoder reads it: the device from OBX-18's first repetition, else MSH-3 whole;
 * the patient from PID, else the bed of a gateway serving several, else the device itself; and an identifier, patient,
 * ward or bed that is empty, split or not usable refused whole naming it, never filed under another device.
 */
class Pcd01DecoderIdentityTest {

  private final Pcd01Decoder decoder = new Pcd01Decoder(BERLIN);

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "Bedside-7^ACDE48234567ABCD^EUI-64; Bedside-7:ACDE48234567ABCD", // MSH-3 whole
      "Bedside-7; Bedside-7", // the namespace id alone when that is all
      "Philips IntelliVue^0080C9FFFE000001^EUI-64; 0080C9FFFE000001"}) // the whole is no identifier (a space)
  void givenNoObx18_whenDecoded_thenDeviceIsFromMsh3(String sendingApplication, String device) throws Exception {
    String text = message(MSH.replace("|Mon1|", "|" + sendingApplication + "|"), "OBR|1", SPO2);

    assertEquals(device, decoder.decode(text, RECEIVED).source().device());
  }

  @ParameterizedTest
  @CsvSource({
      "AcmeInc^ACDE48234567ABCD^EUI-64, AcmeInc^ACDE48234567ABCE^EUI-64", // one vendor's name, two monitors
      "Bed1^0080C9FFFE000001^EUI-64, Bed2^0080C9FFFE000001^EUI-64"}) // two monitors behind one gateway
  void givenTwoMonitorsWithoutPidOrObx18_whenDecoded_thenTwoPatients(String first, String second) throws Exception {
    String firstMessage = message(MSH.replace("|Mon1|", "|" + first + "|"), "OBR|1", SPO2);
    String secondMessage = message(MSH.replace("|Mon1|", "|" + second + "|"), "OBR|1", SPO2);

    assertNotEquals(decoder.decode(firstMessage, RECEIVED).source().patientKey(),
        decoder.decode(secondMessage, RECEIVED).source().patientKey());
  }

  @Test
  void givenAGatewayForSeveralBedsWithoutPidOrObx18_whenDecoded_thenEachBedIsItsOwnPatient() throws Exception {
    String gateway = MSH.replace("|Mon1|", "|HL7^080019FFFF4F6AC0^EUI-64|");
    String bed3001 = message(gateway, "PV1||I|ICU^3001^1", "OBR|1", SPO2);
    String bed3002 = message(gateway, "PV1||I|ICU^3002^1", "OBR|1", SPO2);

    DeviceIdentity first = decoder.decode(bed3001, RECEIVED).source();
    DeviceIdentity second = decoder.decode(bed3002, RECEIVED).source();

    assertEquals(first.device(), second.device(), "one sender");
    assertEquals("HL7:080019FFFF4F6AC0@ICU:3001-1", first.patientKey());
    assertEquals("HL7:080019FFFF4F6AC0@ICU:3002-1", second.patientKey());
    assertEquals(first.patientKey(), decoder.decode(bed3001, RECEIVED).source().patientKey(), "the same bed again");
  }

  @Test
  void givenNoPidNorBed_whenDecoded_thenTheDeviceIsThePatientAsForASingleBedMonitor() throws Exception {
    String gateway = MSH.replace("|Mon1|", "|HL7^080019FFFF4F6AC0^EUI-64|");

    assertEquals("HL7:080019FFFF4F6AC0@", decoder.decode(message(gateway, "OBR|1", SPO2), RECEIVED).source()
        .patientKey());
    assertEquals("HL7:080019FFFF4F6AC0@", decoder.decode(message(gateway, "PV1||I|ICU", "OBR|1", SPO2), RECEIVED)
        .source().patientKey(), "a ward alone is no bed");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "PID|||PHR 2^^^H^MR; PV1||I|ICU^12^3; Patient (PID-3) 'PHR 2'",
      "PID|||P100&X7^^^H^MR; PV1||I|ICU^12^3; Patient (PID-3) 'P100&X7'", // not P100: an '&' left unescaped
      "PID|||~P200^^^H^MR; PV1||I|ICU^12^3; Patient (PID-3): its first identifier is empty",
      "PID|||PAT-1^^^H^MR; PV1||I|ICU&CCU^12^3; Ward (PV1-3.1) 'ICU&CCU'",
      "PID|||PAT-1^^^H^MR; PV1||I|ICU^12^3&4; Bed (PV1-3) '12-3&4'",
      "PID|||PAT-1^^^H^MR; PV1||I|ICU^12^3~ICU^12^4; Bed (PV1-3) names more than one location",
      "PID|||PAT-1^^^H^MR; PV1||I|ICU^12^3~^12^4; Bed (PV1-3) names more than one location",
      "PID|||P100&&X7^^^H^MR; PV1||I|ICU^12^3; Patient (PID-3) 'P100&&X7'",
      "PID|||PAT-1^^^H^MR; PV1||I|ICU.East^12^3; Ward (PV1-3.1) 'ICU.East'",
      "PID|||PAT-1^^^H^MR; PV1||I|ICU^Room/12^3; Bed (PV1-3) 'Room/12-3'",
      "PID|||..^^^H^MR; PV1||I|ICU^12^3; Patient (PID-3) '..'", // a URL path's step: not to be named in REST
      "PID|||.^^^H^MR; PV1||I|ICU^12^3; Patient (PID-3) '.'"})
  void givenInvalidPatientWardOrBed_whenDecoded_thenRefusedWholeNamingIt(String pid, String pv1, String named) {
    String text = message(MSH, pid, pv1, "OBR|1",
        "OBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.1|97|262688^MDC_DIM_PERCENT^MDC|||||R");

    Hl7ContentException refused = assertThrows(Hl7ContentException.class, () -> decoder.decode(text, RECEIVED));

    assertEquals(ErrorCode.DATA_TYPE_ERROR, refused.errorCode());
    assertTrue(refused.getMessage().startsWith(named), refused.getMessage());
  }

  @ParameterizedTest(name = "PID-3 {0}")
  @ValueSource(strings = {"P100&", "P100&&", "P100&\"\""})
  void givenEmptySubcomponentsAfterTheIdentifier_whenDecoded_thenTheyAreNoPartOfIt(String pid) throws Exception {
    String text = message(MSH, "PID|||" + pid + "^^^H^MR", "OBR|1", SPO2);

    assertEquals("P100", decoder.decode(text, RECEIVED).source().patient(), "HL7 may leave them off, or not");
  }

  @ParameterizedTest(name = "MSH-3 {0}")
  @ValueSource(strings = {"Mon1&A", "Mon1&B"})
  void givenMsh3SplitBySubcomponents_whenDecoded_thenNotReadAsItsFirstPart(String msh3) {
    String text = message(MSH.replace("|Mon1|", "|" + msh3 + "|"), "PV1||I|ICU^3^1", "OBR|1", SPO2);

    Hl7ContentException refused = assertThrows(Hl7ContentException.class, () -> decoder.decode(text, RECEIVED),
        "Mon1&A and Mon1&B are two monitors, not device Mon1");
    assertEquals(ErrorCode.REQUIRED_FIELD_MISSING, refused.errorCode());
  }

  @Test
  void givenObx18WhoseFirstRepetitionIsEmpty_whenDecoded_thenRefusedNotFiledUnderMsh3() {
    String text = message(MSH, "OBR|1", "OBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.1|97|262688^MDC_DIM_PERCENT^MDC"
        + "|||||R|||||||~0123456789ABCDEF^EUI-64");

    Hl7ContentException refused = assertThrows(Hl7ContentException.class, () -> decoder.decode(text, RECEIVED));

    assertTrue(refused.getMessage().startsWith("Device (OBX-18): its first identifier is empty"), refused.getMessage());
  }

  @ParameterizedTest(name = "OBX-18 {0}")
  @ValueSource(strings = {"dev ice", "DEVA&x"})
  void givenInvalidDeviceIdentifier_whenDecoded_thenRefusedNotFiledUnderMsh3(String device) {
    String gateway = MSH.replace("|Mon1|", "|GW^00AABBCCDDEEFF01^EUI-64|"); // shared by every monitor behind it
    String text = message(gateway, "OBR|1",
        "OBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.1|97|262688^MDC_DIM_PERCENT^MDC|||||R|||||||" + device);

    Hl7ContentException refused = assertThrows(Hl7ContentException.class, () -> decoder.decode(text, RECEIVED));

    assertEquals(ErrorCode.DATA_TYPE_ERROR, refused.errorCode());
    assertTrue(refused.getMessage().startsWith("Device (OBX-18) '" + device + "' is not a usable identifier"),
        refused.getMessage());
  }

  @Test
  void givenObx18WithItsUniversalIdOnly_whenDecoded_thenThatNamesTheDeviceNotMsh3() throws Exception {
    String text = message(MSH, "OBR|1", "OBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.1|97|262688^MDC_DIM_PERCENT^MDC"
        + "|||||R|||||||^^0123456789ABCDEF^EUI-64");

    assertEquals("0123456789ABCDEF", decoder.decode(text, RECEIVED).source().device());
    assertEquals("Bed1:00AABBCCDDEEFF01", decoder.decode(text.replace("|^^0123456789ABCDEF^EUI-64",
        "|^Bed1^00AABBCCDDEEFF01^EUI-64"), RECEIVED).source().device(), "a gateway's id is no monitor's alone");
  }

  @Test
  void givenRepeatedObx18_whenDecoded_thenTheFirstRepetitionNamesTheDevice() throws Exception {
    String text = message(MSH, "OBR|1", "OBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.1|97|262688^MDC_DIM_PERCENT^MDC"
        + "|||||R|||||||0123456789ABCDEF^EUI-64~FEDCBA9876543210^EUI-64");

    assertEquals("0123456789ABCDEF", decoder.decode(text, RECEIVED).source().device());
  }
}
