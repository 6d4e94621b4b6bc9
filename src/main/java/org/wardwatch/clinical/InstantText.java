package org.wardwatch.clinical;

import java.time.Instant;

/**
 * Writes an instant as {@link Instant#toString()} does (ISO-8601 in UTC, the fraction in as many groups of three digits
 * as it needs, e.g. {@code 2026-12-04T21:36:32.738Z}) into a character array, without the formatter's allocations:
 * every snapshot a browser receives carries two such times, and formatting them was a twentieth of the bytes the node
 * allocated per frame. Years outside 0000–9999 (which {@code toString} writes with a sign) go through
 * {@code toString}. Stateless and thread-safe.
 */
final class InstantText {

  /** The longest text written: {@link Instant#MAX}'s. */
  static final int MAX_LENGTH = Instant.MAX.toString().length();

  private static final long SECONDS_PER_DAY = 86_400;
  private static final long FIRST_SECOND_OF_YEAR_0 = -62_167_219_200L;
  private static final long FIRST_SECOND_OF_YEAR_10000 = 253_402_300_800L;

  private InstantText() {
  }

  /** Writes {@code instant} into {@code into} (at least {@link #MAX_LENGTH} long) from 0; returns the length. */
  static int write(Instant instant, char[] into) {
    long seconds = instant.getEpochSecond();
    if (seconds < FIRST_SECOND_OF_YEAR_0 || seconds >= FIRST_SECOND_OF_YEAR_10000) {
      String text = instant.toString();
      text.getChars(0, text.length(), into, 0);
      return text.length();
    }
    long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    // Civil date from a day number (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"): eras of 400 years
    // counted from 0000-03-01, so that the leap day ends each year.
    long shifted = day + 719_468;
    long era = Math.floorDiv(shifted, 146_097);
    int dayOfEra = (int) (shifted - era * 146_097);
    int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int monthFromMarch = (5 * dayOfYear + 2) / 153;
    int dayOfMonth = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
    int month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
    int year = (int) (yearOfEra + era * 400) + (month <= 2 ? 1 : 0);
    digits(into, 0, year, 4);
    into[4] = '-';
    digits(into, 5, month, 2);
    into[7] = '-';
    digits(into, 8, dayOfMonth, 2);
    into[10] = 'T';
    digits(into, 11, secondOfDay / 3600, 2);
    into[13] = ':';
    digits(into, 14, secondOfDay / 60 % 60, 2);
    into[16] = ':';
    digits(into, 17, secondOfDay % 60, 2);
    int at = 19;
    int nanos = instant.getNano();
    if (nanos != 0) {
      into[at++] = '.';
      if (nanos % 1_000_000 == 0) {
        at = digits(into, at, nanos / 1_000_000, 3);
      } else if (nanos % 1000 == 0) {
        at = digits(into, at, nanos / 1000, 6);
      } else {
        at = digits(into, at, nanos, 9);
      }
    }
    into[at++] = 'Z';
    return at;
  }

  /** Writes {@code value} as {@code count} decimal digits, zero-padded, at {@code at}; returns the end. */
  private static int digits(char[] into, int at, int value, int count) {
    for (int i = at + count - 1; i >= at; i--) {
      into[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return at + count;
  }
}
