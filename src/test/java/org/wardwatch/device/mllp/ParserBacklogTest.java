package org.wardwatch.device.mllp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bound on HL7 text waiting for the parsers. */
class ParserBacklogTest {

  private final ParserBacklog backlog = new ParserBacklog(1000);

  @Test
  void givenTheLargestMessagesWorthWaiting_whenOneMoreCharacterComes_thenItIsRefusedUntilOneIsAnswered() {
    for (int i = 0; i < ParserBacklog.MESSAGES_WORTH; i++) {
      assertTrue(backlog.admit(1000), "message " + i);
    }
    assertFalse(backlog.admit(1));

    backlog.release(1000);

    assertTrue(backlog.admit(1000));
    assertFalse(backlog.admit(1));
  }
}
