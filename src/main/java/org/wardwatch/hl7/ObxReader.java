package org.wardwatch.hl7;

import static org.wardwatch.hl7.Hl7Fields.abbreviate;
import static org.wardwatch.hl7.Hl7Fields.text;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.wardwatch.model.Parameter;

/**
 * Interprets the OBX segments of one message, one at a time: which to skip (device descriptions, dropped statuses,
 * flagged or unknown rows), which to refuse (a vital sign's value that is no number, implausible or in a wrong unit, a
 * row without code, an unreadable time) and, for the rest, the checked value. Collects what it skipped for the
 * message's warnings and what it refused for its acknowledgement: a refused row is refused alone, as each row is a
 * measurement of its own.
 *
 * <p>Not thread-safe: one instance per message.
 */
final class ObxReader {

  /**
   * One usable OBX: a value, or a sensor reported off ({@code value == null}).
   *
   * @param time  OBX-14, else the inherited OBR-7 or MSH-7 time, else {@code null}
   */
  record Row(Parameter parameter, int mdcCode, BigDecimal value, Instant time) {
  }

  /** HL7's NM: an optional sign, digits and an optional point ({@code 37.}, {@code .5}); up to six digits each side. */
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d{1,6}(\\.\\d{0,6})?|\\.\\d{1,6})");
  private static final Set<String> USABLE_STATUS = Set.of("", "R", "F", "C", "P");
  private static final Set<String> SKIP_FLAGS = Set.of("INV", "QUES", "NAV", "CAL", "TEST", "DEMO", "OFF");

  private final MessageHeader header;
  private final Pcd01Decoder.Times times;
  private final List<String> droppedByStatus = new ArrayList<>();
  private final List<String> flagged = new ArrayList<>();
  private final List<String> unknownCodes = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<Hl7Error> refused = new ArrayList<>();

  ObxReader(MessageHeader header, Pcd01Decoder.Times times) {
    this.header = header;
    this.times = times;
  }

  /** The usable content of {@code obx} (the {@code index}-th OBX) or empty when it is skipped or refused. */
  Optional<Row> read(Segment obx, int index, Instant inherited) throws HL7Exception {
    try {
      return checked(obx, index, inherited);
    } catch (Hl7ContentException refusal) {
      refused.add(new Hl7Error(refusal.errorCode(), refusal.getMessage()));
      return Optional.empty();
    }
  }

  /** The rows refused so far, each with why. */
  List<Hl7Error> refused() {
    return refused;
  }

  private Optional<Row> checked(Segment obx, int index, Instant inherited) throws HL7Exception, Hl7ContentException {
    String setId = text(obx, 1, 1);
    String label = "OBX " + (setId.isEmpty() ? String.valueOf(index) : setId);
    String code = text(obx, 3, 1);
    if (code.isEmpty()) {
      throw fail(ErrorCode.REQUIRED_FIELD_MISSING, label + ": observation identifier (OBX-3) missing");
    }
    if (text(obx, 4, 1).endsWith(".0")) {
      return Optional.empty();
    }
    String type = text(obx, 2, 1).toUpperCase(Locale.ROOT);
    String value = text(obx, 5, 1);
    List<String> flags = flags(obx);
    Optional<MdcCodes.Mapping> mapping = MdcCodes.lookup(code, text(obx, 3, 3));
    if (value.isEmpty() && type.isEmpty() && flags.isEmpty()) {
      return Optional.empty();
    }
    String status = text(obx, 11, 1).toUpperCase(Locale.ROOT);
    if (!USABLE_STATUS.contains(status)) {
      droppedByStatus.add(label + " (" + status + ")");
      return Optional.empty();
    }
    Optional<String> skipFlag = flags.stream().filter(SKIP_FLAGS::contains).findFirst();
    if (skipFlag.isPresent()) {
      flagged.add(label + " (" + skipFlag.get() + ")");
      return skipFlag.get().equals("OFF") && mapping.isPresent()
          ? Optional.of(new Row(mapping.get().parameter(), mapping.get().mdcCode(), null, time(obx, label, inherited)))
          : Optional.empty();
    }
    if (mapping.isEmpty()) {
      unknownCodes.add(code);
      return Optional.empty();
    }
    Parameter parameter = mapping.get().parameter();
    if (!type.isEmpty() && !type.equals("NM")) { // before any look at the value: an SN's OBX-5.1 is its comparator
      throw fail(ErrorCode.DATA_TYPE_ERROR,
          label + ": " + parameter.label() + " must have value type NM (OBX-2), got " + type);
    }
    int repetitions = obx.getField(5).length;
    if (repetitions > 1) { // charting the first alone would drop the rest without a word
      throw fail(ErrorCode.DATA_TYPE_ERROR, label + ": " + parameter.label() + " must be one number, got "
          + repetitions + " repetitions (OBX-5)");
    }
    if (value.isEmpty()) {
      notes.add(label + ": " + parameter.label() + " has no value, skipped");
      return Optional.empty();
    }
    return Optional.of(new Row(parameter, mapping.get().mdcCode(), value(obx, label, parameter, value),
        time(obx, label, inherited)));
  }

  /** Warnings about everything skipped so far. */
  List<String> warnings() {
    List<String> warnings = new ArrayList<>(notes);
    if (!droppedByStatus.isEmpty()) {
      warnings.add(droppedByStatus.size() + " OBX dropped for result status (X not obtainable, D deleted, ...): "
          + String.join(", ", droppedByStatus));
    }
    if (!flagged.isEmpty()) {
      warnings.add(flagged.size() + " OBX skipped for their flags (no alarm on such values): "
          + String.join(", ", flagged));
    }
    if (!unknownCodes.isEmpty()) {
      warnings.add(unknownCodes.size() + " OBX with codes WardWatch does not chart skipped: "
          + String.join(", ", unknownCodes));
    }
    return warnings;
  }

  private BigDecimal value(Segment obx, String label, Parameter parameter, String raw)
      throws HL7Exception, Hl7ContentException {
    if (!NUMBER.matcher(raw).matches() || !text(obx, 5, 2).isEmpty()) {
      throw fail(ErrorCode.DATA_TYPE_ERROR, label + ": " + parameter.label() + " '" + abbreviate(raw)
          + "' is not a number");
    }
    String unit = text(obx, 6, 1);
    String unitText = text(obx, 6, 2);
    if (unit.isEmpty() && unitText.isEmpty()) {
      throw fail(ErrorCode.REQUIRED_FIELD_MISSING, label + ": " + parameter.label() + " has no units (OBX-6)");
    }
    Optional<MdcCodes.SentUnit> sentUnit = MdcCodes.unit(parameter, unit, unitText);
    if (sentUnit.isEmpty()) {
      String sent = unit.isEmpty() ? unitText : unitText.startsWith("MDC_DIM_") ? unit + "^" + unitText : unit;
      String where = unit.isEmpty() ? " as OBX-6.1" : "";
      throw fail(ErrorCode.TABLE_VALUE_NOT_FOUND, label + ": unit '" + abbreviate(sent) + "' does not match "
          + parameter.label() + " (expected " + MdcCodes.unitsAccepted(parameter) + where + ")");
    }
    BigDecimal inChartedUnit = sentUnit.get().toCharted(new BigDecimal(raw));
    BigDecimal value = parameter.chartedIfPlausible(inChartedUnit, raw.startsWith("-"));
    if (value == null) {
      String sent = sentUnit.get().ucum() == null ? parameter.unit() : sentUnit.get().ucum() + " ("
          + inChartedUnit.setScale(1, RoundingMode.HALF_UP).toPlainString() + " " + parameter.unit() + ")";
      throw fail(ErrorCode.DATA_TYPE_ERROR, label + ": " + parameter.label() + " " + raw + " " + sent
          + " is implausible (accepted range " + parameter.hardRange() + ")");
    }
    return value;
  }

  private Instant time(Segment obx, String label, Instant inherited) throws HL7Exception, Hl7ContentException {
    String raw = text(obx, 14, 1);
    return raw.isEmpty() ? inherited : times.parse(raw, label + " OBX-14");
  }

  private static List<String> flags(Segment obx) throws HL7Exception {
    List<String> flags = new ArrayList<>();
    int repetitions = obx.getField(8).length; // HAPI copies the repetitions at each call: asked once, not per pass
    for (int rep = 0; rep < repetitions; rep++) {
      String flag = text(obx, 8, rep, 1);
      if (!flag.isEmpty()) {
        flags.add(flag.toUpperCase(Locale.ROOT));
      }
    }
    return flags;
  }

  private Hl7ContentException fail(ErrorCode code, String reason) {
    return new Hl7ContentException(header, code, reason);
  }
}
