package org.wardwatch.clinical.news2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.OxygenSupport;

class ConsciousnessAndOxygenTest {

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource({"A, A", "a, A", "C, C", "c, C", "V, V", "v, V", "P, P", "p, P", "U, U", "u, U", "' u ', U"})
  void givenAcvpuLetter_whenParsed_thenLevel(String letter, Consciousness level) {
    assertEquals(level, Consciousness.parse(letter));
  }

  @ParameterizedTest(name = "\"{0}\" rejected")
  @NullSource
  @ValueSource(strings = {"", "X", "AV", "Alert", "GCS 15"})
  void givenNotAnAcvpuLetter_whenParsed_thenErrorListsAllowedLetters(String letter) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> Consciousness.parse(letter));
    assertTrue(error.getMessage().contains("A, C, V, P, U"), error.getMessage());
  }

  @Test
  void givenLevels_whenAsked_thenOnlyAlertIsAlert() {
    assertTrue(Consciousness.A.isAlert());
    assertFalse(Consciousness.C.isAlert());
    assertEquals("New confusion", Consciousness.C.label());
  }

  @ParameterizedTest(name = "\"{0}\" is on oxygen: {1}")
  @CsvSource({"air, false", "AIR, false", "' Air ', false", "0, false", "0.00, false", "0.5, true", "2, true",
      "15, true"})
  void givenAirOrFlow_whenParsed_thenAnyFlowAboveZeroIsOxygen(String text, boolean onOxygen) {
    OxygenSupport support = OxygenSupport.parse(text);

    assertEquals(onOxygen, support.onOxygen());
    assertEquals(onOxygen, support.flowLitresPerMinute() != null);
  }

  @Test
  void givenFlow_whenParsed_thenFlowKept() {
    assertEquals(new BigDecimal("0.5"), OxygenSupport.parse("0.5").flowLitresPerMinute());
    assertSame(OxygenSupport.air(), OxygenSupport.flow(BigDecimal.ZERO));
    assertNull(OxygenSupport.air().flowLitresPerMinute());
  }

  @ParameterizedTest(name = "\"{0}\" rejected")
  @NullSource
  @ValueSource(strings = {"", "-1", "-0.5", "oxygen", "2 L/min", "NaN", "room air", "2e1", "1e999999999", "+2",
      ".5", "1234567", "０.5"})
  void givenNeitherAirNorNonNegativeFlow_whenParsed_thenClearError(String text) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> OxygenSupport.parse(text));
    assertTrue(error.getMessage().contains("\"air\" or an oxygen flow in L/min"), error.getMessage());
  }

  @Test
  void givenAHugeExponent_whenParsed_thenRefusedAtOnceQuotingItShort() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> OxygenSupport.parse("1e999999999" + "9".repeat(100)));

    assertTrue(error.getMessage().length() < 200, "not expanded to a billion digits: " + error.getMessage().length());
  }

  @Test
  void givenInconsistentFlow_whenConstructed_thenRejected() {
    assertThrows(IllegalArgumentException.class, () -> new OxygenSupport(true, null));
    assertThrows(IllegalArgumentException.class, () -> new OxygenSupport(true, BigDecimal.ZERO));
    assertThrows(IllegalArgumentException.class, () -> new OxygenSupport(false, BigDecimal.ONE));
    assertThrows(IllegalArgumentException.class, () -> OxygenSupport.flow(new BigDecimal("-1")));
  }
}
