package org.wardwatch.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Hl7FieldsTest {

  @Test
  void givenHl7NullValue_thenReadAsAbsentLikeAnEmptyField() {
    assertEquals("", Hl7Fields.value("\"\""));
    assertEquals("", Hl7Fields.value(" \"\" "));
    assertEquals("", Hl7Fields.value(null));
    assertEquals("", Hl7Fields.value("   "));
    assertTrue(Hl7Fields.isNull(" \"\""));
  }

  @Test
  void givenAnyOtherValue_thenStrippedAndKept() {
    assertEquals("97", Hl7Fields.value(" 97 "));
    assertEquals("\"x\"", Hl7Fields.value("\"x\""));
    assertEquals("\"", Hl7Fields.value("\""));
    assertFalse(Hl7Fields.isNull("\"\"\""));
    assertFalse(Hl7Fields.isNull(""));
    assertFalse(Hl7Fields.isNull(null));
  }
}
