package org.wardwatch.model;

import java.time.Duration;
import java.time.Instant;

/**
 * How far ahead of the gateway's clock a device's own time for a measurement may be. A patient's latest value is the
 * one with the latest time of its own, so a value stamped hours ahead (a device clock set wrong) would stay the latest
 * until the gateway's clock caught up, hiding every real value and alarm after it: both parsers refuse such a time,
 * saying how far ahead it is. Times in the past are believed (a monitor may forward what it measured while
 * disconnected); an older value never replaces a newer one.
 *
 * <p>Pure; thread-safe.
 */
public final class DeviceClock {

  /** The most a device's time may be ahead of the gateway's. */
  public static final Duration MAX_AHEAD = Duration.ofMinutes(1);
  /**
   * The earliest time a device may give, the start of the year 0001 (UTC): an earlier one is no ISO-8601 time of four
   * year digits, which the dashboard's browsers cannot read.
   */
  public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  private static final long MINUTE_SECONDS = 60;
  private static final long HOUR_SECONDS = 60 * MINUTE_SECONDS;
  private static final long DAY_SECONDS = 24 * HOUR_SECONDS;

  private DeviceClock() {
  }

  /**
   * Why {@code time} cannot be a measurement's time when the gateway received it at {@code receivedAt}, e.g.
   * {@code "is at least 2 hours ahead of the gateway's clock (2026-11-22T10:15:31Z); at most 60 seconds is accepted"};
   * {@code null} when it can.
   */
  public static String tooFarAhead(Instant time, Instant receivedAt) {
    Duration ahead = Duration.between(receivedAt, time);
    if (ahead.compareTo(MAX_AHEAD) <= 0) {
      return null;
    }
    return "is at least " + wholeUnits(ahead) + " ahead of the gateway's clock (" + receivedAt + "); at most "
        + wholeUnits(MAX_AHEAD) + " is accepted";
  }

  /** {@code span} in whole seconds, minutes, hours or days (rounded down), in the largest unit that gives two. */
  private static String wholeUnits(Duration span) {
    long seconds = span.getSeconds();
    if (seconds < 2 * MINUTE_SECONDS) {
      return seconds + " seconds";
    }
    if (seconds < 2 * HOUR_SECONDS) {
      return seconds / MINUTE_SECONDS + " minutes";
    }
    if (seconds < 2 * DAY_SECONDS) {
      return seconds / HOUR_SECONDS + " hours";
    }
    return seconds / DAY_SECONDS + " days";
  }
}
