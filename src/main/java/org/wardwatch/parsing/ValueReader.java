package org.wardwatch.parsing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.wardwatch.bus.Addresses;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.DeviceClock;
import org.wardwatch.model.OxygenSupport;
import org.wardwatch.model.Parameter;

/**
 * Reads and checks single field values: numbers with a strict grammar (no {@code NaN}, exponents, hex or locale
 * commas), plausibility against the parameter's hard range, identifiers, sequence numbers and timestamps. Each failure
 * is a {@link MalformedFrameException} whose message tells the technician what to fix.
 */
final class ValueReader {

  /** Most digits before and after a number's decimal point. */
  private static final int MAX_DIGITS = 6;
  private static final int MAX_IDENTIFIER_LENGTH = 64;
  private static final Instant LATEST_TIME = Instant.parse("9999-12-31T23:59:59.999999999Z");
  private static final Pattern WARD = Pattern.compile(Addresses.WARD_PATTERN);
  /** A number but for its length: said so when it is refused (only then matched). */
  private static final Pattern DIGITS = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

  private final String seq;

  /** A reader for one frame; {@code seq} is echoed in every failure it reports. */
  ValueReader(String seq) {
    this.seq = seq;
  }

  /**
   * The value of {@code parameter} in {@code text[from, to)}, read where it is (no copy of it is made), rounded to its
   * charted precision and within its hard plausibility range.
   */
  BigDecimal vital(Parameter parameter, String text, int from, int to) throws MalformedFrameException {
    BigDecimal number = strictNumber(text, from, to);
    if (number == null) {
      String raw = text.substring(from, to);
      throw fail(parameter.label() + " '" + FrameFields.abbreviate(raw) + (DIGITS.matcher(raw).matches()
          ? "' has more than " + MAX_DIGITS + " digits before or after its point" : "' is not a number"));
    }
    BigDecimal value = parameter.chartedIfPlausible(number, text.charAt(from) == '-');
    if (value == null) {
      throw fail(parameter.label() + " " + text.substring(from, to) + " " + parameter.unit()
          + " is implausible (accepted range " + parameter.hardRange() + ")");
    }
    return value;
  }

  /**
   * {@code raw} as a number when it is one of the strict grammar: an optional sign, one to six ASCII digits, and
   * optionally a point followed by one to six digits; else {@code null}. Read in one pass, without a regular expression
   * or {@link BigDecimal}'s own parser: every vital sign of every frame passes here.
   */
  static BigDecimal strictNumber(String raw) {
    return strictNumber(raw, 0, raw.length());
  }

  /** {@link #strictNumber(String)} of {@code text[from, to)}. */
  private static BigDecimal strictNumber(String text, int from, int to) {
    boolean negative = from < to && text.charAt(from) == '-';
    int at = negative || from < to && text.charAt(from) == '+' ? from + 1 : from;
    long unscaled = 0;
    int whole = 0;
    for (; at < to && isDigit(text.charAt(at)); at++, whole++) {
      unscaled = unscaled * 10 + text.charAt(at) - '0';
    }
    if (whole < 1 || whole > MAX_DIGITS) {
      return null;
    }
    int fraction = 0;
    if (at < to) {
      if (text.charAt(at++) != '.') {
        return null;
      }
      for (; at < to && isDigit(text.charAt(at)); at++, fraction++) {
        unscaled = unscaled * 10 + text.charAt(at) - '0';
      }
      if (fraction < 1 || fraction > MAX_DIGITS || at != to) {
        return null;
      }
    }
    return BigDecimal.valueOf(negative ? -unscaled : unscaled, fraction);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** True when {@code value} lies outside the parameter's soft range: kept, but flagged questionable. */
  static boolean questionable(Parameter parameter, BigDecimal value) {
    return !parameter.softRange().contains(value);
  }

  Consciousness consciousness(String raw) throws MalformedFrameException {
    if (raw == null) {
      return null;
    }
    try {
      return Consciousness.parse(raw);
    } catch (IllegalArgumentException e) {
      throw fail("ACVPU '" + FrameFields.abbreviate(raw) + "' must be one of A, C, V, P, U");
    }
  }

  OxygenSupport oxygen(String raw) throws MalformedFrameException {
    if (raw == null) {
      return null;
    }
    if (raw.equalsIgnoreCase("air")) {
      return OxygenSupport.air();
    }
    BigDecimal flow = strictNumber(raw);
    if (flow == null || raw.startsWith("-") || flow.compareTo(OxygenSupport.MAX_FLOW) > 0) {
      throw fail("O2 '" + FrameFields.abbreviate(raw) + "' must be 'air' or a flow in L/min from 0 to "
          + OxygenSupport.MAX_FLOW);
    }
    return OxygenSupport.flow(flow);
  }

  String identifier(String key, String raw) throws MalformedFrameException {
    if (raw == null) {
      return null;
    }
    if (!isIdentifier(raw)) {
      throw fail(key + " '" + FrameFields.abbreviate(raw)
          + "' is invalid: use 1-64 letters, digits, '.', '_', ':' or '-', not '.' or '..' alone");
    }
    return raw;
  }

  /**
   * 1 to 64 letters, digits, '.', '_', ':' or '-', but not {@code .} or {@code ..}, which a URL path reads as a step
   * (the patient could not be named in the REST API); checked on every frame: no regular expression.
   */
  private static boolean isIdentifier(String raw) {
    if (raw.isEmpty() || raw.length() > MAX_IDENTIFIER_LENGTH || raw.equals(".") || raw.equals("..")) {
      return false;
    }
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '.' || c == '_' || c == ':' || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  String ward(String raw) throws MalformedFrameException {
    if (raw == null) {
      return null;
    }
    if (!WARD.matcher(raw).matches()) {
      throw fail("Ward '" + FrameFields.abbreviate(raw) + "' is invalid: use 1-32 letters, digits, '_' or '-'");
    }
    return raw;
  }

  Long sequence(String raw) throws MalformedFrameException {
    if (raw == null) {
      return null;
    }
    if (FrameFields.sequenceOrNull(raw) == null) {
      boolean digits = !raw.isEmpty() && raw.chars().allMatch(c -> c >= '0' && c <= '9'); // then only too long
      throw fail("Seq '" + FrameFields.abbreviate(raw) + (digits
          ? "' has more than " + FrameFields.MAX_SEQUENCE_DIGITS + " digits" : "' is not a non-negative whole number"));
    }
    return Long.parseLong(raw);
  }

  /**
   * The frame's own time, {@code raw} ({@code null} when it had none), refused when it is not an ISO-8601 time with
   * offset in the years 0001 to 9999 or is too far ahead of {@code receivedAt} ({@link DeviceClock}).
   */
  Instant timestamp(String raw, Instant receivedAt) throws MalformedFrameException {
    if (raw == null) {
      return null;
    }
    Instant time;
    try {
      time = OffsetDateTime.parse(raw).toInstant();
    } catch (DateTimeParseException e) {
      throw fail("Ts '" + FrameFields.abbreviate(raw)
          + "' is not an ISO-8601 time with offset, e.g. 2026-11-22T10:15:30Z");
    }
    if (time.isBefore(DeviceClock.EARLIEST) || time.isAfter(LATEST_TIME)) { // such a time has no epoch milliseconds
      throw fail("Ts '" + FrameFields.abbreviate(raw) + "' is outside the years 0001 to 9999");
    }
    String ahead = DeviceClock.tooFarAhead(time, receivedAt);
    if (ahead != null) {
      throw fail("Ts '" + FrameFields.abbreviate(raw) + "' " + ahead);
    }
    return time;
  }

  MalformedFrameException fail(String reason) {
    return new MalformedFrameException(reason, seq);
  }
}
