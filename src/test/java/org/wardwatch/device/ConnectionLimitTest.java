package org.wardwatch.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionLimitTest {

  @Test
  void givenEveryPlaceTaken_whenOneMoreConnects_thenRefusedUntilOneCloses() {
    ConnectionLimit limit = new ConnectionLimit(2, "device", "devices.maxConnections");

    assertTrue(limit.admit());
    assertTrue(limit.admit());
    assertFalse(limit.admit());
    limit.release();
    assertTrue(limit.admit());
    assertFalse(limit.admit());
  }

  @Test
  void givenRefusals_whenReported_thenAtMostOnceAMinuteWithTheCountSinceTheLastReport() {
    ConnectionLimit limit = new ConnectionLimit(1, "device", "devices.maxConnections");
    limit.admit();
    assertEquals(Optional.empty(), limit.refusalReport(1_000), "nothing refused yet");

    limit.admit();
    assertEquals(Optional.of("1 device connection(s) refused: 1 open, the most allowed (devices.maxConnections)"),
        limit.refusalReport(2_000), "the first refusal at once");
    limit.admit();
    limit.admit();
    assertEquals(Optional.empty(), limit.refusalReport(2_000 + ConnectionLimit.REPORT_EVERY_MS - 1));
    limit.admit();
    assertTrue(limit.refusalReport(2_000 + ConnectionLimit.REPORT_EVERY_MS).orElseThrow().startsWith("3 device"));
    assertEquals(Optional.empty(), limit.refusalReport(2_000 + 3 * ConnectionLimit.REPORT_EVERY_MS), "none since");
  }

  @Test
  void givenNoConnectionAdmitted_whenReleased_thenRefusedAsAMistake() {
    ConnectionLimit limit = new ConnectionLimit(1, "device", "devices.maxConnections");

    assertThrows(IllegalStateException.class, limit::release);
  }

  @Test
  void givenNoPlaceAtAll_whenMade_thenRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ConnectionLimit(0, "device", "devices.maxConnections"));
  }
}
