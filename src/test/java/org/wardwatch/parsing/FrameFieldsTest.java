package org.wardwatch.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A frame's fields are split on {@code |} and trimmed, keys in any case; a malformed frame's NAK names its {@code Seq},
 * found leniently: any case, spaces around the key.
 */
class FrameFieldsTest {

  @ParameterizedTest
  @ValueSource(strings = {"Seq=7", "seq=7", "SEQ=7", "sEq=7", " Seq =7", "\tSEQ\t= 7 "})
  void givenSeqKeyInAnyCaseOrSpacing_thenNamedInTheRejection(String seq) {
    MalformedFrameException e = assertThrows(MalformedFrameException.class,
        () -> FrameFields.split("Pulse=82\u0001|" + seq));

    assertEquals("7", e.sequence());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Seqx=7", "xSeq=7", "Se q=7", "=7", "Seq=abc"})
  void givenNoSeqKeyOrNoNumber_thenNoneNamed(String field) {
    MalformedFrameException e = assertThrows(MalformedFrameException.class,
        () -> FrameFields.split("Pulse=82\u0001|" + field));

    assertNull(e.sequence());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Pulse|Seq=7|Temp=37\u0001", "Pulse=|Seq=7|\u007f", "=1|Seq=7|\u0085",
      "Hr=1|Seq=7|Pulse=2\u0000"})
  void givenAShapeErrorBeforeAControlCharacter_thenTheControlCharacterIsReported(String line) {
    MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> FrameFields.split(line));

    assertTrue(e.getMessage().contains("control characters"), e::getMessage);
    assertEquals("7", e.sequence());
  }

  @Test
  void givenATab_thenNotAControlCharacter() throws MalformedFrameException {
    assertEquals("82", FrameFields.split("Pulse=\t82\t|\tSeq=1").get(FrameKey.PULSE));
  }

  @Test
  void givenAMegabyteOfEmptyFieldsEndingInAnEqualsSign_thenRejectedInLinearTime() {
    String line = "|".repeat(1 << 20) + "=";

    MalformedFrameException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
        () -> assertThrows(MalformedFrameException.class, () -> FrameFields.split(line)),
        "looking for the frame's Seq must read the line once, not once per field (seconds at this length)");

    assertTrue(e.getMessage().contains("has no key"), e::getMessage);
    assertNull(e.sequence());
  }

  @Test
  void givenSpacedFieldsInAnyCase_thenTrimmedValuesUnderTheirKeys() throws MalformedFrameException {
    FrameFields fields = FrameFields.split("  hello | Device = D1 ||Hr= 80 |Foo=1| SEQ=0042|");

    assertTrue(fields.isHello());
    assertEquals("D1", fields.get(FrameKey.DEVICE));
    assertEquals("80", fields.get(FrameKey.PULSE));
    assertEquals("0042", fields.rawSequence());
    assertEquals(List.of("Foo"), fields.unknownKeys());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Pulse|Seq=9|Temp=37", "Pulse=80|Seq=9|HR=81", "Pulse=80|Seq=9| =3", "Pulse=|Seq=9"})
  void givenAMalformedField_thenRejectedNamingTheSeqAfterIt(String frame) {
    MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> FrameFields.split(frame));

    assertEquals("9", e.sequence());
  }
}
