package org.wardwatch.hl7;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Retransmitted control ids are recognised per sender, within a bounded memory. */
class ControlIdMemoryTest {

  private final ControlIdMemory memory = new ControlIdMemory(3);

  @Test
  void givenSameSenderAndControlIdThenRepeat() {
    assertFalse(memory.isRepeat("MON^ICU", "C1"));
    assertTrue(memory.isRepeat("MON^ICU", "C1"));
  }

  @Test
  void givenSameControlIdFromAnotherSenderThenNotARepeat() {
    memory.isRepeat("MON^ICU", "C1");
    assertFalse(memory.isRepeat("GW^WARD3", "C1"));
  }

  @Test
  void givenMoreIdsThanCapacityThenOldestForgotten() {
    memory.isRepeat("S", "1");
    memory.isRepeat("S", "2");
    memory.isRepeat("S", "3");
    memory.isRepeat("S", "4");

    assertFalse(memory.isRepeat("S", "1"));
    assertTrue(memory.isRepeat("S", "4"));
  }

  @Test
  void givenForgottenIdBecauseNotRecordedThenItsRetransmissionIsNew() {
    memory.isRepeat("MON^ICU", "C1");
    memory.forget("MON^ICU", "C1");

    assertFalse(memory.isRepeat("MON^ICU", "C1"));
    assertTrue(memory.isRepeat("MON^ICU", "C1"));
  }
}
