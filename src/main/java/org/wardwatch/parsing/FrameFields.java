package org.wardwatch.parsing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code Key=Value} pairs of one line frame, split on {@code |}, keyed by {@link FrameKey}. Splitting checks only
 * the frame's shape (pairs, duplicates, control characters); values are checked by {@link LineFrameDecoder}. Keys and
 * values are trimmed as {@link String#trim} does; keys match their spellings case-insensitively.
 *
 * <p>Runs on every frame, in one pass over the line: only the values (and unknown keys) are copied out of it.
 */
final class FrameFields {

  private static final String HELLO = "hello";
  private static final String SEQ_KEY = "seq";
  private static final int MAX_SEQUENCE_DIGITS = 18;

  private final String rawSequence;
  private final boolean hello;
  private final Map<FrameKey, String> values;
  private final List<String> unknownKeys;

  private FrameFields(String rawSequence, boolean hello, Map<FrameKey, String> values, List<String> unknownKeys) {
    this.rawSequence = rawSequence;
    this.hello = hello;
    this.values = values;
    this.unknownKeys = unknownKeys;
  }

  /** Splits {@code line}; any shape error is reported with the frame's {@code Seq} when one can be found. */
  static FrameFields split(String line) throws MalformedFrameException {
    if (hasControlCharacters(line)) {
      throw malformed("frame contains control characters (binary data or wrong line ending?)", line);
    }
    Map<FrameKey, String> values = new EnumMap<>(FrameKey.class);
    List<String> unknown = List.of();
    boolean hello = false;
    for (int start = 0, end; start <= line.length(); start = end + 1) {
      end = fieldEnd(line, start);
      int from = trimmedStart(line, start, end);
      int to = trimmedEnd(line, from, end);
      if (start == 0 && FrameKey.matches(line, from, to, HELLO)) {
        hello = true;
        continue;
      }
      if (from == to) {
        continue;
      }
      int equals = line.indexOf('=', from);
      if (equals < 0 || equals >= to) {
        throw malformed("malformed field '" + abbreviate(line.substring(from, to)) + "': expected Key=Value", line);
      }
      int keyEnd = trimmedEnd(line, from, equals);
      int valueStart = trimmedStart(line, equals + 1, to);
      if (keyEnd == from) {
        throw malformed("field '" + abbreviate(line.substring(from, to)) + "' has no key", line);
      }
      if (valueStart == to) {
        throw malformed(abbreviate(line.substring(from, keyEnd)) + " has no value", line);
      }
      FrameKey known = FrameKey.lookup(line, from, keyEnd);
      if (known == null) {
        unknown = unknown.isEmpty() ? new ArrayList<>() : unknown;
        unknown.add(abbreviate(line.substring(from, keyEnd)));
      } else if (values.putIfAbsent(known, line.substring(valueStart, to)) != null) {
        throw malformed(abbreviate(line.substring(from, keyEnd))
            + " appears twice (or twice under another name) in one frame", line);
      }
    }
    return new FrameFields(sequenceOrNull(values.get(FrameKey.SEQ)), hello, values, List.copyOf(unknown));
  }

  /** The frame's {@code Seq} when it is a well-formed number, for echoing in answers; else {@code null}. */
  String rawSequence() {
    return rawSequence;
  }

  boolean isHello() {
    return hello;
  }

  String get(FrameKey key) {
    return values.get(key);
  }

  boolean hasVitals() {
    for (FrameKey key : values.keySet()) { // no stream: runs on every frame
      if (key.isVital()) {
        return true;
      }
    }
    return false;
  }

  List<String> unknownKeys() {
    return unknownKeys;
  }

  private static boolean hasControlCharacters(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isISOControl(c) && c != '\t') {
        return true;
      }
    }
    return false;
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
