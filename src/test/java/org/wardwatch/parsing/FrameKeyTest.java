package org.wardwatch.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every spelling of every key, in any case, found inside a line; anything else not. */
class FrameKeyTest {

  @ParameterizedTest
  @CsvSource({"device,DEVICE", "Patient,PATIENT", "BED,BED", "wArD,WARD", "Seq,SEQ", "TS,TS",
      "Temperature,TEMPERATURE", "temp,TEMPERATURE", "PULSE,PULSE", "hr,PULSE", "SpO2,SPO2", "RR,RESP_RATE",
      "Resp,RESP_RATE", "bp,BP", "ACVPU,CONSCIOUSNESS", "o2,OXYGEN"})
  void givenASpellingInAnyCase_whenLookedUpInALine_thenItsKey(String spelling, FrameKey key) {
    String line = "x|" + spelling + "=1|y";

    assertEquals(key, FrameKey.lookup(line, 2, 2 + spelling.length()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "d", "devices", "tenp", "temperatur", "pulze", "spo3", "rrr", "b p", "hello", "0",
      "tEMPERATURé", "témp"})
  void givenAnythingElse_whenLookedUp_thenNone(String text) {
    assertNull(FrameKey.lookup("|" + text + "|", 1, 1 + text.length()));
  }
}
