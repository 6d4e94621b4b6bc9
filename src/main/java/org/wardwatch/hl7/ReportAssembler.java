package org.wardwatch.hl7;

import ca.uhn.hl7v2.ErrorCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.wardwatch.model.BloodPressure;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

/**
 * Turns the usable OBX rows of one message into frame reports: one per distinct observation time (rows without a time
 * share the time received), in time order, all from the same source. Within one time a parameter keeps the value of
 * its preferred source ({@link MdcCodes#preferredTo}: the ECG's heart rate, not the oximeter's pulse rate, whatever
 * their order), else its first; the others are reported in a warning. A value cancels a sensor-off report for its
 * parameter. A diastolic pressure not below the systolic one (of its time, else the message's nearest) refuses that
 * measurement, systolic, diastolic and mean, as a line frame's {@code BP} is refused whole; a time left with nothing
 * to report makes no report.
 *
 * <p>Not thread-safe: one instance per message.
 */
final class ReportAssembler {

  /** The furthest apart a monitor stamps the systolic and diastolic rows of one blood pressure measurement. */
  private static final Duration ONE_MEASUREMENT = Duration.ofSeconds(10);

  private final DeviceIdentity source;
  private final Instant receivedAt;
  private final List<String> warnings = new ArrayList<>();
  private final List<Hl7Error> refused = new ArrayList<>();

  ReportAssembler(DeviceIdentity source, Instant receivedAt) {
    this.source = source;
    this.receivedAt = receivedAt;
  }

  /**
   * The reports of the usable {@code rows}, each naming every row refused ({@code rowsRefused}, and the measurements
   * refused here), so that none of them ends the device's invalid-signal alarm.
   */
  List<FrameReport> assemble(List<ObxReader.Row> rows, List<Hl7Error> rowsRefused) {
    refused.addAll(rowsRefused);
    Map<Instant, Map<Parameter, ObxReader.Row>> values = new TreeMap<>();
    Map<Instant, Set<Parameter>> off = new TreeMap<>();
    for (ObxReader.Row row : rows) {
      Instant time = row.time() != null ? row.time() : receivedAt;
      off.computeIfAbsent(time, t -> EnumSet.noneOf(Parameter.class));
      Map<Parameter, ObxReader.Row> atTime = values.computeIfAbsent(time, t -> new LinkedHashMap<>());
      if (row.value() == null) {
        off.get(time).add(row.parameter());
      } else if (atTime.containsKey(row.parameter())) {
        ObxReader.Row held = atTime.get(row.parameter());
        ObxReader.Row charted = MdcCodes.preferredTo(row.mdcCode(), held.mdcCode()) ? row : held;
        ObxReader.Row passed = charted == row ? held : row;
        atTime.put(row.parameter(), charted);
        warnings.add(row.parameter().label() + " at " + time + " given twice: " + passed.value().toPlainString()
            + " (MDC " + passed.mdcCode() + ") not charted, " + charted.value().toPlainString() + " (MDC "
            + charted.mdcCode() + ") is");
      } else {
        atTime.put(row.parameter(), row);
      }
    }
    for (BloodPressure pressure : BloodPressure.values()) {
      checkBloodPressure(pressure, values);
    }
    List<String> reasons = FrameReport.refusalsNamed(refused.stream().map(Hl7Error::reason).toList());
    List<FrameReport> reports = new ArrayList<>();
    for (Map.Entry<Instant, Map<Parameter, ObxReader.Row>> entry : values.entrySet()) {
      Map<Parameter, ObxReader.Row> atTime = entry.getValue();
      Set<Parameter> sensorsOff = off.get(entry.getKey());
      sensorsOff.removeAll(atTime.keySet());
      if (atTime.isEmpty() && sensorsOff.isEmpty()) {
        continue; // its rows were a refused measurement's
      }
      List<Observation> observations = atTime.values().stream().map(this::observation).toList();
      reports.add(new FrameReport(source, entry.getKey(), receivedAt, observations, null, null, Set.copyOf(sensorsOff),
          null, null, reasons)); // no connection: HL7 senders never disconnect per patient (README, the discharge API)
    }
    return reports;
  }

  List<String> warnings() {
    return warnings;
  }

  /** The rows refused, those the reader refused and the measurements refused here, each with why. */
  List<Hl7Error> refused() {
    return refused;
  }

  /**
   * Refuses, and takes out of {@code values}, a measurement of {@code pressure} whose diastolic is not below its
   * systolic: the systolic of its time, else the message's nearest in time within {@link #ONE_MEASUREMENT} (a monitor
   * may stamp the two rows of one measurement apart; one further off is another measurement's, whose own systolic was
   * not sent or not usable).
   */
  private void checkBloodPressure(BloodPressure pressure, Map<Instant, Map<Parameter, ObxReader.Row>> values) {
    TreeMap<Instant, ObxReader.Row> systolics = new TreeMap<>();
    values.forEach((time, atTime) -> {
      if (atTime.containsKey(pressure.systolic())) {
        systolics.put(time, atTime.get(pressure.systolic()));
      }
    });
    for (Map.Entry<Instant, Map<Parameter, ObxReader.Row>> entry : values.entrySet()) {
      ObxReader.Row diastolic = entry.getValue().get(pressure.diastolic());
      Map.Entry<Instant, ObxReader.Row> systolic = diastolic == null ? null : nearest(systolics, entry.getKey());
      systolic = systolic == null || Duration.between(systolic.getKey(), entry.getKey()).abs()
          .compareTo(ONE_MEASUREMENT) > 0 ? null : systolic;
      if (systolic != null && diastolic.value().compareTo(systolic.getValue().value()) >= 0) {
        String times = systolic.getKey().equals(entry.getKey()) ? " at " + entry.getKey()
            : " (systolic at " + systolic.getKey() + ", diastolic at " + entry.getKey() + ")";
        refused.add(new Hl7Error(ErrorCode.DATA_TYPE_ERROR, pressure.label() + " "
            + systolic.getValue().value().toPlainString() + "/" + diastolic.value().toPlainString() + times
            + " is implausible: diastolic must be below systolic"));
        entry.getValue().keySet().removeAll(pressure.parameters());
        values.get(systolic.getKey()).keySet().removeAll(pressure.parameters()); // its mean may be at either time
      }
    }
  }

  /** The entry of {@code byTime} nearest to {@code time}, the earlier of two as near; {@code null} when empty. */
  private static <T> Map.Entry<Instant, T> nearest(TreeMap<Instant, T> byTime, Instant time) {
    Map.Entry<Instant, T> before = byTime.floorEntry(time);
    Map.Entry<Instant, T> after = byTime.ceilingEntry(time);
    if (before == null || after == null) {
      return before == null ? after : before;
    }
    return Duration.between(before.getKey(), time).compareTo(Duration.between(time, after.getKey())) <= 0
        ? before : after;
  }

  private Observation observation(ObxReader.Row row) {
    Parameter parameter = row.parameter();
    BigDecimal value = row.value();
    return new Observation(source, parameter, row.mdcCode(), value, parameter.unit(), row.time(), receivedAt, null,
        !parameter.softRange().contains(value));
  }
}
