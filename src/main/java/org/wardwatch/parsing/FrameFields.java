package org.wardwatch.parsing;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Key=Value} pairs of one line frame, split on {@code |}, keyed by {@link FrameKey}. Splitting checks only
 * the frame's shape (pairs, duplicates, control characters); values are checked by {@link LineFrameDecoder}. Keys and
 * values are trimmed as {@link String#trim} does; keys match their spellings case-insensitively.
 *
 * <p>Runs on every frame, in one pass over the line that also looks for control characters. A value is kept as where
 * it lies in the line ({@link #from}, {@link #to}), so that numbers are read in place; only the values asked for as
 * text ({@link #get}) and unknown keys are copied out of it.
 */
final class FrameFields {

  private static final String HELLO = "hello";
  private static final String SEQ_KEY = "seq";
  static final int MAX_SEQUENCE_DIGITS = 18;
  private static final String CONTROL_CHARACTERS =
      "frame contains control characters (binary data or wrong line ending?)";

  private final String line;
  /** Per {@link FrameKey#ordinal()}: where its value starts at {@code 2 * ordinal}, and ends; both 0 when absent. */
  private final int[] bounds;
  private final String rawSequence;
  private final boolean hello;
  private final boolean hasVitals;
  private final List<String> unknownKeys;

  private FrameFields(String line, int[] bounds, boolean hello, boolean hasVitals, List<String> unknownKeys) {
    this.line = line;
    this.bounds = bounds;
    this.hello = hello;
    this.hasVitals = hasVitals;
    this.unknownKeys = unknownKeys;
    this.rawSequence = sequenceOrNull(get(FrameKey.SEQ));
  }

  /**
   * Splits {@code line}; any shape error is reported with the frame's {@code Seq} when one can be found, and control
   * characters anywhere in the line are reported before any other error.
   */
  static FrameFields split(String line) throws MalformedFrameException {
    int[] bounds = new int[2 * FrameKey.COUNT];
    List<String> unknown = List.of();
    boolean hello = false;
    boolean hasVitals = false;
    for (int start = 0, end; start <= line.length(); start = end + 1) {
      int equals = -1;
      for (end = start; end < line.length(); end++) {
        char c = line.charAt(end);
        if (c == '|') {
          break;
        }
        if (c == '=' && equals < 0) {
          equals = end;
        } else if (isControl(c)) {
          throw malformed(CONTROL_CHARACTERS, line);
        }
      }
      int from = trimmedStart(line, start, end);
      int to = trimmedEnd(line, from, end);
      if (start == 0 && FrameKey.matches(line, from, to, HELLO)) {
        hello = true;
        continue;
      }
      if (from == to) {
        continue;
      }
      if (equals < 0) {
        throw shapeError("malformed field '" + abbreviate(line.substring(from, to)) + "': expected Key=Value", line,
            end);
      }
      int keyEnd = trimmedEnd(line, from, equals);
      int valueStart = trimmedStart(line, equals + 1, to);
      if (keyEnd == from) {
        throw shapeError("field '" + abbreviate(line.substring(from, to)) + "' has no key", line, end);
      }
      if (valueStart == to) {
        throw shapeError(abbreviate(line.substring(from, keyEnd)) + " has no value", line, end);
      }
      FrameKey known = FrameKey.lookup(line, from, keyEnd);
      if (known == null) {
        unknown = unknown.isEmpty() ? new ArrayList<>() : unknown;
        unknown.add(abbreviate(line.substring(from, keyEnd)));
      } else if (bounds[2 * known.ordinal() + 1] != 0) {
        throw shapeError(abbreviate(line.substring(from, keyEnd))
            + " appears twice (or twice under another name) in one frame", line, end);
      } else {
        bounds[2 * known.ordinal()] = valueStart;
        bounds[2 * known.ordinal() + 1] = to;
        hasVitals |= known.isVital();
      }
    }
    return new FrameFields(line, bounds, hello, hasVitals, List.copyOf(unknown));
  }

  /** The frame's {@code Seq} when it is a well-formed number, for echoing in answers; else {@code null}. */
  String rawSequence() {
    return rawSequence;
  }

  boolean isHello() {
    return hello;
  }

  /** True when {@code line}'s first field is {@code HELLO}, whether the rest of it is well formed or not. */
  static boolean startsWithHello(String line) {
    int end = line.indexOf('|');
    int from = trimmedStart(line, 0, end < 0 ? line.length() : end);
    return FrameKey.matches(line, from, trimmedEnd(line, from, end < 0 ? line.length() : end), HELLO);
  }

  /** True when the frame has a value for {@code key}. */
  boolean has(FrameKey key) {
    return bounds[2 * key.ordinal() + 1] != 0;
  }

  /** The value of {@code key}, copied out of the line, or {@code null} when the frame has none. */
  String get(FrameKey key) {
    return has(key) ? line.substring(from(key), to(key)) : null;
  }

  /** Where the value of {@code key} starts in {@link #line()}; the key must be {@link #has present}. */
  int from(FrameKey key) {
    return bounds[2 * key.ordinal()];
  }

  /** Where the value of {@code key} ends in {@link #line()}; the key must be {@link #has present}. */
  int to(FrameKey key) {
    return bounds[2 * key.ordinal() + 1];
  }

  /** The frame, in which {@link #from} and {@link #to} point. */
  String line() {
    return line;
  }

  boolean hasVitals() {
    return hasVitals;
  }

  List<String> unknownKeys() {
    return unknownKeys;
  }

  /** What {@link Character#isISOControl} says, tab excepted, without its call. */
  private static boolean isControl(char c) {
    return c < ' ' && c != '\t' || c >= '\u007f' && c <= '\u009f';
  }

  /**
   * The shape error {@code message} about {@code line}, whose first {@code scanned} characters were found free of
   * control characters; the rest are looked at now, because control characters are the likelier cause.
   */
  private static MalformedFrameException shapeError(String message, String line, int scanned) {
    for (int i = scanned; i < line.length(); i++) {
      if (isControl(line.charAt(i))) {
        return malformed(CONTROL_CHARACTERS, line);
      }
    }
    return malformed(message, line);
  }

  /** A shape error, naming the frame's {@code Seq} when one can be found in {@code line}. */
  private static MalformedFrameException malformed(String message, String line) {
    return new MalformedFrameException(message, findRawSequence(line));
  }

  /**
   * The raw {@code Seq} value, found leniently (the first field whose key is {@code Seq} in any case and spacing) so
   * that even a malformed frame's NAK can name it; {@code null} when there is none or it is not 1 to 18 digits.
   */
  static String findRawSequence(String line) {
    for (int start = 0, end; start <= line.length(); start = end + 1) {
      end = fieldEnd(line, start);
      int equals = indexOf(line, '=', start, end); // only within the field: a line of many fields is read once
      if (equals > start) {
        int from = trimmedStart(line, start, equals);
        if (FrameKey.matches(line, from, trimmedEnd(line, from, equals), SEQ_KEY)) {
          int valueStart = trimmedStart(line, equals + 1, end);
          return sequenceOrNull(line.substring(valueStart, trimmedEnd(line, valueStart, end)));
        }
      }
    }
    return null;
  }

  /** {@code value} when it is a {@code Seq} this gateway echoes (1 to 18 digits), else {@code null}. */
  static String sequenceOrNull(String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_SEQUENCE_DIGITS) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return null;
      }
    }
    return value;
  }

  /** The first index of {@code c} in {@code line[from, to)}, or -1. */
  private static int indexOf(String line, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (line.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the {@code |} that ends the field starting at {@code start}, or the line's length. */
  private static int fieldEnd(String line, int start) {
    int bar = line.indexOf('|', start);
    return bar < 0 ? line.length() : bar;
  }

  /** The first index of {@code line[from, to)} after any leading characters {@link String#trim} removes. */
  static int trimmedStart(String line, int from, int to) {
    while (from < to && line.charAt(from) <= ' ') {
      from++;
    }
    return from;
  }

  /** The end of {@code line[from, to)} before any trailing characters {@link String#trim} removes. */
  static int trimmedEnd(String line, int from, int to) {
    while (to > from && line.charAt(to - 1) <= ' ') {
      to--;
    }
    return to;
  }

  static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
