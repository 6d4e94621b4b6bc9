package org.wardwatch.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.util.Terser;

/**
 * How every reader of a received message ({@link MessageHeader}, {@link IdentityReader}, {@link ObxReader}, the
 * decoder's OBR and MSH times) reads a value: stripped, never {@code null}, and HL7's null value {@code ""} (two
 * double quotes: "present but null", HL7 v2 chapter 2) read as absent, as an empty field is. A monitor that sends
 * {@code ""} for a time, status, unit, patient or bed has sent none; read as text, it would be a time or identifier
 * that does not parse, or a status that drops the value. This class is the one place that rule lives.
 *
 * <p>Pure and thread-safe.
 */
final class Hl7Fields {

  /** HL7's null value: a field sent on purpose without a value. */
  static final String NULL_VALUE = "\"\"";

  private Hl7Fields() {
  }

  /** Component {@code component} of the first repetition of field {@code field}, as {@link #value} reads it. */
  static String text(Segment segment, int field, int component) throws HL7Exception {
    return text(segment, field, 0, component);
  }

  /** Component {@code component} of repetition {@code repetition} (from 0) of field {@code field}, as read. */
  static String text(Segment segment, int field, int repetition, int component) throws HL7Exception {
    return value(Terser.get(segment, field, repetition, component, 1));
  }

  /**
   * Component {@code component} of repetition {@code repetition} of field {@code field} whole, as read: its
   * subcomponents joined by {@code &} up to the last with a value (HL7 lets a sender leave empty ones off the end, or
   * not). For a value that must be read whole, as an identifier: {@code P100&X7} (an {@code &} the sender did not
   * escape) is not patient {@code P100}, and {@code P100&} is.
   */
  static String whole(Segment segment, int field, int repetition, int component) throws HL7Exception {
    Type[] repetitions = segment.getField(field);
    int subcomponents = repetition < repetitions.length
        ? Terser.numSubComponents(repetitions[repetition], component) : 1;
    StringBuilder whole = new StringBuilder(text(segment, field, repetition, component));
    int valued = whole.length();
    for (int subcomponent = 2; subcomponent <= subcomponents; subcomponent++) {
      String part = value(Terser.get(segment, field, repetition, component, subcomponent));
      whole.append('&').append(part);
      valued = part.isEmpty() ? valued : whole.length();
    }
    whole.setLength(valued);
    return whole.toString();
  }

  /** {@code raw} stripped; empty when {@code null}, blank or HL7's null value ({@link #isNull}). */
  static String value(String raw) {
    return raw == null || isNull(raw) ? "" : raw.strip();
  }

  /** True when {@code raw}, stripped, is HL7's null value {@code ""}: no value, though not left empty. */
  static boolean isNull(String raw) {
    return raw != null && raw.strip().equals(NULL_VALUE);
  }

  /** {@code raw} cut to 20 characters and an ellipsis, for quoting a value in an error or warning. */
  static String abbreviate(String raw) {
    return raw.length() <= 20 ? raw : raw.substring(0, 20) + "...";
  }
}
