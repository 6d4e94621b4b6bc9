package org.wardwatch.hl7;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wardwatch.model.DeviceClock;

/**
 * HL7 v2 timestamps (DTM/TS): {@code YYYYMMDDHHMM[SS[.S[S[S[S]]]]][+/-ZZZZ]}. Minute precision is the least accepted
 * (a vital sign charted to the day or hour would be misleading). Without an offset the time is local to the zone the
 * caller gives, and the result says the zone was assumed; a local time that occurs twice (the hour the clocks go back)
 * is read as its later occurrence when that is not ahead of when the message was received (by more than a device clock
 * may be), else as the earlier.
 *
 * <p>Stateless and thread-safe.
 */
public final class Hl7Time {

  private static final Pattern TIMESTAMP = Pattern.compile(
      "(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(?:(\\d{2})(?:\\.(\\d{1,4}))?)?(?:([+-])(\\d{2})(\\d{2}))?");

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSSxx");

  /**
   * One parsed timestamp.
   *
   * @param instant       the point in time
   * @param zoneAssumed   true when the timestamp carried no offset and the default zone was applied
   */
  public record Parsed(Instant instant, boolean zoneAssumed) {
  }

  private Hl7Time() {
  }

  /**
   * Parses {@code raw}; a timestamp without offset is read in {@code localZone}, with its earlier offset where the
   * local time occurs twice.
   *
   * @throws IllegalArgumentException when {@code raw} is not an HL7 timestamp of at least minute precision or names
   *     an impossible date, time or offset
   */
  public static Parsed parse(String raw, ZoneId localZone) {
    return parse(raw, localZone, null);
  }

  /**
   * {@link #parse(String, ZoneId)}, where a local time that occurs twice in {@code localZone} is its later occurrence
   * unless that is more than {@link DeviceClock#MAX_AHEAD} after {@code receivedAt} (null: the earlier occurrence): a
   * measurement made in the hour after the clocks went back is not taken for one made an hour before.
   */
  public static Parsed parse(String raw, ZoneId localZone, Instant receivedAt) {
    Matcher m = raw == null ? null : TIMESTAMP.matcher(raw.strip());
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("'" + raw + "' is not an HL7 timestamp YYYYMMDDHHMM[SS[.SSSS]][+/-ZZZZ]");
    }
    try {
      String fraction = m.group(7) == null ? "" : m.group(7);
      LocalDateTime local = LocalDateTime.of(num(m.group(1)), num(m.group(2)), num(m.group(3)), num(m.group(4)),
          num(m.group(5)), m.group(6) == null ? 0 : num(m.group(6)),
          fraction.isEmpty() ? 0 : num((fraction + "000000000").substring(0, 9)));
      if (m.group(8) == null) {
        return new Parsed(latestBy(local.atZone(localZone), receivedAt), true);
      }
      int sign = m.group(8).equals("-") ? -1 : 1;
      ZoneOffset offset = ZoneOffset.ofHoursMinutes(sign * num(m.group(9)), sign * num(m.group(10)));
      return new Parsed(local.toInstant(offset), false);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("'" + raw + "' is not a valid date, time or offset", e);
    }
  }

  /** {@code local}'s later occurrence unless it is ahead of {@code receivedAt} (null: the earlier occurrence). */
  private static Instant latestBy(ZonedDateTime local, Instant receivedAt) {
    Instant later = local.withLaterOffsetAtOverlap().toInstant();
    return receivedAt == null || later.isAfter(receivedAt.plus(DeviceClock.MAX_AHEAD))
        ? local.withEarlierOffsetAtOverlap().toInstant() : later;
  }

  /** {@code instant} as an HL7 timestamp with milliseconds and offset in {@code zone}, e.g. 20261122101530.123+0100. */
  public static String format(Instant instant, ZoneId zone) {
    return FORMAT.format(instant.atZone(zone));
  }

  private static int num(String digits) {
    return Integer.parseInt(digits);
  }
}
