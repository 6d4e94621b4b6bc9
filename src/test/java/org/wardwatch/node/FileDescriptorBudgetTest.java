package org.wardwatch.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Connection limits above what the process may open are worth a warning at start-up. */
class FileDescriptorBudgetTest {

  @Test
  void givenTheDefaultLimitsAndTwentyThousandFiles_thenAWarningNamingTheSettings() {
    String warning = FileDescriptorBudget.warning(20_000, 20_000, 500, 10_000).orElseThrow();

    assertTrue(warning.startsWith("devices.maxConnections (20000), hl7.maxConnections (500) and http.maxConnections "
        + "(10000) exceed the 20000"), warning);
  }

  @Test
  void givenRoomForEveryConnectionAndTheNodeItself_thenNoWarning() {
    assertEquals(Optional.empty(), FileDescriptorBudget.warning(1_048_576, 20_000, 500, 10_000));
    assertEquals(Optional.empty(), FileDescriptorBudget.warning(20_000 + 500 + 10_000 + FileDescriptorBudget.RESERVED,
        20_000, 500, 10_000));
  }

  @Test
  void givenThisJvm_thenItsLimitIsKnown() {
    assertTrue(FileDescriptorBudget.processLimit().orElseThrow() > 0);
  }
}
