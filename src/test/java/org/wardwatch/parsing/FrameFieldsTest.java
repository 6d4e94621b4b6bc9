package org.wardwatch.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A malformed frame's NAK names its {@code Seq}, found leniently: any case, spaces around the key. */
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
}
