package org.wardwatch.parsing;

import java.util.List;
import java.util.Map;
import org.wardwatch.model.Parameter;

/**
 * The keys a line frame may carry, with their accepted spellings (matched case-insensitively). Vital-sign keys map to
 * the {@link Parameter} they measure; {@code BP} carries two.
 */
enum FrameKey {
  DEVICE(null),
  PATIENT(null),
  BED(null),
  WARD(null),
  SEQ(null),
  TS(null),
  TEMPERATURE(Parameter.TEMPERATURE),
  PULSE(Parameter.PULSE),
  SPO2(Parameter.SPO2),
  RESP_RATE(Parameter.RESP_RATE),
  BP(null),
  CONSCIOUSNESS(null),
  OXYGEN(null);

  private static final List<Map.Entry<String, FrameKey>> SPELLINGS = List.of(
      Map.entry("device", DEVICE),
      Map.entry("patient", PATIENT),
      Map.entry("bed", BED),
      Map.entry("ward", WARD),
      Map.entry("seq", SEQ),
      Map.entry("ts", TS),
      Map.entry("temperature", TEMPERATURE),
      Map.entry("temp", TEMPERATURE),
      Map.entry("pulse", PULSE),
      Map.entry("hr", PULSE),
      Map.entry("spo2", SPO2),
      Map.entry("rr", RESP_RATE),
      Map.entry("resp", RESP_RATE),
      Map.entry("bp", BP),
      Map.entry("acvpu", CONSCIOUSNESS),
      Map.entry("o2", OXYGEN));

  private final Parameter parameter;

  FrameKey(Parameter parameter) {
    this.parameter = parameter;
  }

  /**
   * The single parameter this key measures, or {@code null} for identity, metadata, blood pressure and the clinical
   * observations that are not numbers (consciousness, air or oxygen).
   */
  Parameter parameter() {
    return parameter;
  }

  /** True for keys that report something about the patient (and so make a frame worth recording). */
  boolean isVital() {
    return parameter != null || this == BP || this == CONSCIOUSNESS || this == OXYGEN;
  }

  /** The key {@code text[from, to)} spells, or {@code null}. */
  static FrameKey lookup(String text, int from, int to) {
    for (int i = 0; i < SPELLINGS.size(); i++) { // no iterator: runs for every field of every frame
      if (matches(text, from, to, SPELLINGS.get(i).getKey())) {
        return SPELLINGS.get(i).getValue();
      }
    }
    return null;
  }

  /** True when {@code text[from, to)} is {@code lowerCase} (ASCII, lower case) in any case. */
  static boolean matches(String text, int from, int to, String lowerCase) {
    if (to - from != lowerCase.length()) {
      return false;
    }
    for (int i = 0; i < lowerCase.length(); i++) {
      char c = text.charAt(from + i);
      char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      if (lower != lowerCase.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
