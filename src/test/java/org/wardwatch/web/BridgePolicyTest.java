package org.wardwatch.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bridge's liveness rule as a browser's timer throttling needs it. */
class BridgePolicyTest {

  /** Chrome runs the timers of a page hidden for five minutes once a minute, so its 5 s pings come a minute apart. */
  private static final long HIDDEN_PAGE_PING_GAP_MS = 60_000;

  @Test
  void givenAHiddenPageThatPingsOnceAMinute_thenItsSessionOutlivesTheGapWithRoomToSpare() {
    long timeout = BridgePolicy.bridgeOptions().getPingTimeout();

    assertTrue(timeout >= 2 * HIDDEN_PAGE_PING_GAP_MS, "ping timeout " + timeout + " ms");
  }
}
