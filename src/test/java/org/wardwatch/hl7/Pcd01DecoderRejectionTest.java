package org.wardwatch.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.hl7.Hl7Fixtures.fixture;
import static org.wardwatch.hl7.Hl7Fixtures.message;
import static org.wardwatch.hl7.Hl7Fixtures.MSH;
import static org.wardwatch.hl7.Hl7Fixtures.OBR;
import static org.wardwatch.hl7.Hl7Fixtures.RECEIVED;
import static org.wardwatch.hl7.Hl7Fixtures.SPO2;

import ca.uhn.hl7v2.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Messages the PCD-01 decoder rejects whole, before reading their content, with the error code an ACK carries: no MSH
 * or a broken one, garbage (a control id sniffed where it can be), any truncation (only typed outcomes, never a crash),
 * and message types or headers it does not support.
 */
class Pcd01DecoderRejectionTest {

  private final Pcd01Decoder decoder = new Pcd01Decoder(ZoneOffset.UTC);

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\r\n\r\n", "hello world", "PID|||P1\rOBX|1|NM|150456^^MDC||97|%"})
  void givenNoMsh_whenDecoded_thenRejectedWithEmptyHeader(String text) {
    Hl7RejectedException e = rejected(text);

    assertEquals(ErrorCode.SEGMENT_SEQUENCE_ERROR, e.errorCode());
    assertNull(e.header().controlId());
    assertTrue(e.getMessage().contains("MSH"), e.getMessage());
  }

  @Test
  void givenNull_whenDecoded_thenRejected() {
    assertEquals(ErrorCode.SEGMENT_SEQUENCE_ERROR, rejected(null).errorCode());
  }

  @Test
  void givenBinaryGarbage_whenDecoded_thenRejectedNeverCrashes() {
    Random random = new Random(42);
    for (int i = 0; i < 200; i++) {
      byte[] bytes = new byte[random.nextInt(300)];
      random.nextBytes(bytes);
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      assertThrows(Hl7RejectedException.class, () -> decoder.decode(text, RECEIVED));
    }
  }

  @Test
  void givenGarbageBeforeMsh_whenDecoded_thenRejectedButControlIdSniffed() {
    Hl7RejectedException e = rejected("\u0000\u0001junk\r" + message(MSH, OBR, SPO2));

    assertEquals(ErrorCode.SEGMENT_SEQUENCE_ERROR, e.errorCode());
    assertEquals("C1", e.header().controlId());
  }

  @Test
  void givenMshWithoutFieldSeparator_whenDecoded_thenRejected() {
    assertEquals(ErrorCode.SEGMENT_SEQUENCE_ERROR, rejected("MSHA^~\\&A" + "\r" + SPO2).errorCode());
  }

  @Test
  void givenEveryTruncationOfAValidMessage_whenDecoded_thenOnlyTypedOutcomes() {
    String full = fixture("pcd01-vitals.hl7");
    for (int length = 0; length <= full.length(); length++) {
      String text = full.substring(0, length);
      try {
        decoder.decode(text, RECEIVED);
      } catch (Hl7Exception expected) {
        assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank(), text);
      } catch (RuntimeException e) {
        throw new AssertionError("Untyped failure for a message cut at " + length + ": " + e, e);
      }
    }
  }

  @Test
  void givenMessageCutInsideMsh_whenDecoded_thenRejectedForType() {
    assertEquals(ErrorCode.UNSUPPORTED_MESSAGE_TYPE, rejected("MSH|^~\\&|Mon1|").errorCode());
  }

  @Test
  void givenAdtA01_whenDecoded_thenRejectedAsUnsupportedType() {
    Hl7RejectedException e = rejected(fixture("adt-a01.hl7"));

    assertEquals(ErrorCode.UNSUPPORTED_MESSAGE_TYPE, e.errorCode());
    assertEquals("ADT001", e.header().controlId());
    assertEquals("ADT^A01", e.header().messageType());
  }

  @ParameterizedTest
  @CsvSource({
      "ORU^R30^ORU_R30|C1|P|2.6, 201",
      "ORU^R01^ORU_R01|C1|T|2.6, 202",
      "ORU^R01^ORU_R01|C1|D|2.6, 202",
      "ORU^R01^ORU_R01|C1||2.6, 202",
      "ORU^R01^ORU_R01|C1|P|3.0, 203",
      "ORU^R01^ORU_R01|C1|P|2.9.9, 203",
      "ORU^R01^ORU_R01|C1|P|, 203",
      "ORU^R01^ORU_R01||P|2.6, 101",
      "ACK^R01^ACK|C1|P|2.6, 200",
      "ORUX^R01^ORU_R01|C1|P|2.6, 200"})
  void givenUnsupportedHeader_whenDecoded_thenRejectedWithCode(String tail, int code) {
    String msh = "MSH|^~\\&|Mon1|ICU|||20261122101500+0000||" + tail;

    assertEquals(code, rejected(message(msh, OBR, SPO2)).errorCode().getCode());
  }

  private Hl7RejectedException rejected(String text) {
    return assertThrows(Hl7RejectedException.class, () -> decoder.decode(text, RECEIVED));
  }
}
