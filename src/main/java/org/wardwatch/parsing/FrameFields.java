package org.wardwatch.parsing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code Key=Value} pairs of one line frame, split on {@code |}, keyed by {@link FrameKey}. Splitting checks only
 * the frame's shape (pairs, duplicates, control characters); values are checked by {@link LineFrameDecoder}.
 */
final class FrameFields {

  private static final String HELLO = "HELLO";
  private static final String SEQ_KEY = "seq";
  private static final Pattern SEQUENCE = Pattern.compile("\\d{1,18}");

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
    String[] tokens = line.split("\\|", -1);
    String seq = findRawSequence(tokens);
    if (hasControlCharacters(line)) {
      throw new MalformedFrameException("frame contains control characters (binary data or wrong line ending?)", seq);
    }
    boolean hello = tokens[0].trim().equalsIgnoreCase(HELLO);
    Map<FrameKey, String> values = new EnumMap<>(FrameKey.class);
    List<String> unknown = new ArrayList<>();
    for (int i = hello ? 1 : 0; i < tokens.length; i++) {
      String token = tokens[i].trim();
      if (token.isEmpty()) {
        continue;
      }
      int equals = token.indexOf('=');
      if (equals < 0) {
        throw new MalformedFrameException("malformed field '" + abbreviate(token) + "': expected Key=Value", seq);
      }
      String key = token.substring(0, equals).trim();
      String value = token.substring(equals + 1).trim();
      if (key.isEmpty()) {
        throw new MalformedFrameException("field '" + abbreviate(token) + "' has no key", seq);
      }
      if (value.isEmpty()) {
        throw new MalformedFrameException(abbreviate(key) + " has no value", seq);
      }
      Optional<FrameKey> known = FrameKey.lookup(key);
      if (known.isEmpty()) {
        unknown.add(abbreviate(key));
      } else if (values.putIfAbsent(known.get(), value) != null) {
        throw new MalformedFrameException(
            abbreviate(key) + " appears twice (or twice under another name) in one frame", seq);
      }
    }
    return new FrameFields(seq, hello, values, List.copyOf(unknown));
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
    return values.keySet().stream().anyMatch(FrameKey::isVital);
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

  /**
   * The raw {@code Seq} value, found leniently so that even a malformed frame's NAK can name it. Runs on every frame:
   * no token but the {@code Seq} one is copied.
   */
  private static String findRawSequence(String[] tokens) {
    for (String token : tokens) {
      int equals = token.indexOf('=');
      if (equals > 0 && isSeqKey(token, equals)) {
        String value = token.substring(equals + 1).trim();
        return SEQUENCE.matcher(value).matches() ? value : null;
      }
    }
    return null;
  }

  /** True when the key before {@code equals}, trimmed as {@link String#trim} does, lower-cased is {@code seq}. */
  private static boolean isSeqKey(String token, int equals) {
    int start = 0;
    int end = equals;
    while (start < end && token.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && token.charAt(end - 1) <= ' ') {
      end--;
    }
    if (end - start != SEQ_KEY.length()) {
      return false;
    }
    for (int i = 0; i < SEQ_KEY.length(); i++) {
      if (Character.toLowerCase(token.charAt(start + i)) != SEQ_KEY.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
