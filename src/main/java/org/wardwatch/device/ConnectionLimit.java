package org.wardwatch.device;

import java.util.Optional;

/**
 * How many connections one listener keeps open at once. Without a bound, a fleet (or a peer) that opens connections
 * without end, or keeps each open by trickling a byte now and then, would run the node out of file descriptors, which
 * the dashboards' and the other devices' connections need too; and every MLLP connection may buffer up to one message
 * of heap. A listener asks {@link #admit()} for each new connection, closes it when refused, and calls
 * {@link #release()} when an admitted one closes.
 *
 * <p>Refusals are reported at most once per {@value #REPORT_EVERY_MS} ms, with how many there were, so that a flood
 * of them does not flood the log: the listener asks for the {@link #refusalReport} at each refusal and every
 * {@value #CHECK_EVERY_MS} ms. Pure, with time passed in; not thread-safe: used on its listener's event loop.
 */
public final class ConnectionLimit {

  /** The shortest time between two reports of refused connections. */
  public static final long REPORT_EVERY_MS = 60_000;
  /** How often a listener asks whether a report is due, so that one comes within this long of its minute. */
  public static final long CHECK_EVERY_MS = 5_000;

  private final int max;
  private final String kind;
  private final String setting;
  private int open;
  private long refusedUnreported;
  private long lastReportMillis;
  private boolean reported;

  /**
   * A limit of {@code max} open connections of a {@code kind} ("device", say), set by the configuration's
   * {@code setting}, both named in the reports.
   */
  public ConnectionLimit(int max, String kind, String setting) {
    if (max < 1) {
      throw new IllegalArgumentException("at least one connection must be allowed, got " + max);
    }
    this.max = max;
    this.kind = kind;
    this.setting = setting;
  }

  /** The most connections open at once. */
  public int max() {
    return max;
  }

  /** Takes a place for a new connection; false when every place is taken and the connection must be closed. */
  public boolean admit() {
    if (open >= max) {
      refusedUnreported++;
      return false;
    }
    open++;
    return true;
  }

  /** Gives back the place of a connection {@link #admit() admitted}, which has closed. */
  public void release() {
    if (open == 0) {
      throw new IllegalStateException("no connection was admitted");
    }
    open--;
  }

  /**
   * The warning about the connections refused since the last report, if it is time for one at {@code nowMillis};
   * empty when none were, or when the last report is less than {@value #REPORT_EVERY_MS} ms old (those refused
   * meanwhile go into the next one).
   */
  public Optional<String> refusalReport(long nowMillis) {
    if (refusedUnreported == 0 || reported && nowMillis - lastReportMillis < REPORT_EVERY_MS) {
      return Optional.empty();
    }
    long refused = refusedUnreported;
    refusedUnreported = 0;
    lastReportMillis = nowMillis;
    reported = true;
    return Optional.of(refused + " " + kind + " connection(s) refused: " + max + " open, the most allowed ("
        + setting + ")");
  }
}
