package org.wardwatch.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict number grammar every vital sign is read with. */
class ValueReaderTest {

  @ParameterizedTest
  @ValueSource(strings = {"0", "-0", "-0.0", "82", "+82", "-5", "37.5", "-0.25", "007.50", "123456", "123456.123456",
      "-999999.999999", "+1.000001"})
  void givenPlainDecimalOfAtMostSixDigitsEachSide_whenRead_thenWhatBigDecimalReadsWithItsScale(String raw) {
    assertEquals(new BigDecimal(raw.startsWith("+") ? raw.substring(1) : raw), ValueReader.strictNumber(raw), raw);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "+", "-", "+-1", "--1", ".", "1.", ".5", "1.5.5", "1234567", "1.1234567", "1e3",
      "1,5", " 1", "1 ", "٨٢", "1.٥", "0x10", "NaN", "99999999999999999999", "1.99999999999999999999"})
  void givenAnythingElse_thenNotStrictNumber(String raw) {
    assertNull(ValueReader.strictNumber(raw), raw);
  }
}
