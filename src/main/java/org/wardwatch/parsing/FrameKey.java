package org.wardwatch.parsing;

import java.util.List;
import java.util.Map;
import org.wardwatch.model.BloodPressure;
import org.wardwatch.model.Parameter;

/**
 * The keys a line frame may carry, with their accepted spellings (matched case-insensitively). Vital-sign keys map to
 * the {@link Parameter} they measure; {@code BP} and {@code ABP} carry a {@link BloodPressure}'s two or three
 * ({@code sys/dia[/mean]}); a pressure key's name is how messages to the device name it.
 */
enum FrameKey {
  DEVICE,
  PATIENT,
  BED,
  WARD,
  SEQ,
  TS,
  TEMPERATURE(Parameter.TEMPERATURE),
  PULSE(Parameter.PULSE),
  SPO2(Parameter.SPO2),
  RESP_RATE(Parameter.RESP_RATE),
  BP(BloodPressure.NON_INVASIVE),
  ABP(BloodPressure.ARTERIAL),
  CONSCIOUSNESS,
  OXYGEN;

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
      Map.entry("abp", ABP),
      Map.entry("art", ABP),
      Map.entry("acvpu", CONSCIOUSNESS),
      Map.entry("o2", OXYGEN));
  /** How many keys there are. */
  static final int COUNT = values().length;
  /** The spellings' hash table: {@link #slot} of each spelling. Wide enough that no two share a slot. */
  private static final int SLOTS = 256;
  private static final Map.Entry<String, FrameKey>[] BY_SLOT = bySlot();

  private final Parameter parameter;
  private final BloodPressure pressure;

  FrameKey() {
    this(null, null);
  }

  FrameKey(Parameter parameter) {
    this(parameter, null);
  }

  FrameKey(BloodPressure pressure) {
    this(null, pressure);
  }

  FrameKey(Parameter parameter, BloodPressure pressure) {
    this.parameter = parameter;
    this.pressure = pressure;
  }

  /**
   * The single parameter this key measures, or {@code null} for identity, metadata, blood pressures and the clinical
   * observations that are not numbers (consciousness, air or oxygen).
   */
  Parameter parameter() {
    return parameter;
  }

  /** The blood pressure this key measures, or {@code null} for every other key. */
  BloodPressure pressure() {
    return pressure;
  }

  /** True for keys that report something about the patient (and so make a frame worth recording). */
  boolean isVital() {
    return parameter != null || pressure != null || this == CONSCIOUSNESS || this == OXYGEN;
  }

  /** The key {@code text[from, to)} spells, or {@code null}: one probe of {@link #BY_SLOT}, one comparison. */
  static FrameKey lookup(String text, int from, int to) {
    if (to <= from) {
      return null;
    }
    Map.Entry<String, FrameKey> spelling = BY_SLOT[slot(to - from, text.charAt(from), text.charAt(to - 1))];
    return spelling != null && matches(text, from, to, spelling.getKey()) ? spelling.getValue() : null;
  }

  /**
   * The slot of {@link #BY_SLOT} for a key of {@code length} characters from {@code first} to {@code last}, in any
   * case; no two spellings share one.
   */
  private static int slot(int length, char first, char last) {
    return ((length * 31 + toLower(first)) * 31 + toLower(last)) & (SLOTS - 1);
  }

  private static Map.Entry<String, FrameKey>[] bySlot() {
    @SuppressWarnings("unchecked")
    Map.Entry<String, FrameKey>[] table = new Map.Entry[SLOTS];
    for (Map.Entry<String, FrameKey> spelling : SPELLINGS) {
      String text = spelling.getKey();
      int slot = slot(text.length(), text.charAt(0), text.charAt(text.length() - 1));
      if (table[slot] != null) {
        throw new IllegalStateException(text + " and " + table[slot].getKey() + " share a slot: widen the table");
      }
      table[slot] = spelling;
    }
    return table;
  }

  private static char toLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** True when {@code text[from, to)} is {@code lowerCase} (ASCII, lower case) in any case. */
  static boolean matches(String text, int from, int to, String lowerCase) {
    if (to - from != lowerCase.length()) {
      return false;
    }
    for (int i = 0; i < lowerCase.length(); i++) {
      char c = text.charAt(from + i);
      if (toLower(c) != lowerCase.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
