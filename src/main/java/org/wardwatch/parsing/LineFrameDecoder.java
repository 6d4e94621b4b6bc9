package org.wardwatch.parsing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.wardwatch.model.BloodPressure;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;
import org.wardwatch.model.OxygenSupport;
import org.wardwatch.model.Parameter;

/**
 * Decodes one text line frame ({@code HELLO|Device=..} or {@code Temperature=37.5|Pulse=82|BP=120/80|Seq=7}) into the
 * normalised model. Pure and stateless: safe to share between threads.
 *
 * <p>What makes the frame itself untrustworthy (its identity, {@code Seq}, {@code Ts} or syntax) refuses it whole. A
 * value that is not a number, implausible or malformed is refused alone ({@link DecodedFrame.Measurements#refused}):
 * the frame's other values, which other sensors measured, are still recorded, so that a temperature probe's fault
 * cannot hide the same frame's falling SpO2. A frame none of whose values can be recorded is refused whole. Identity
 * keys in an observation frame apply to that frame only; {@code HELLO} sets the connection's.
 */
public final class LineFrameDecoder {

  /**
   * The value a device sends for a parameter whose sensor is detached or switched off, e.g. {@code SpO2=OFF}, in any
   * case.
   */
  private static final String SENSOR_OFF = "off";
  /** {@link FrameKey#values()}, which copies its array on every call. */
  private static final FrameKey[] KEYS = FrameKey.values();

  /**
   * Decodes {@code line} (without its line ending) received at {@code receivedAt} on {@code connection} (null: not
   * known), whose identity is {@code session}.
   */
  public DecodedFrame decode(String line, DeviceIdentity session, ConnectionId connection, Instant receivedAt)
      throws MalformedFrameException {
    FrameFields fields = FrameFields.split(line);
    ValueReader reader = new ValueReader(fields.rawSequence());
    Long sequence = reader.sequence(fields.get(FrameKey.SEQ));
    DeviceIdentity named = new DeviceIdentity(
        reader.identifier("Device", fields.get(FrameKey.DEVICE)),
        reader.identifier("Patient", fields.get(FrameKey.PATIENT)),
        reader.identifier("Bed", fields.get(FrameKey.BED)),
        reader.ward(fields.get(FrameKey.WARD)));
    if (fields.isHello()) {
      return hello(fields, named, reader);
    }
    DeviceIdentity source = session.overriddenBy(named);
    if (source.device() == null) {
      throw reader.fail("no device identity: send HELLO|Device=<id> first or add Device=<id> to the frame");
    }
    try {
      return measurements(fields, reader, source, sequence, connection, receivedAt);
    } catch (MalformedFrameException e) {
      throw e.about(source);
    }
  }

  /**
   * The vital signs and assessment of frame {@code sequence} from {@code source}, delivered on {@code connection}, read
   * by {@code reader}.
   */
  private static DecodedFrame measurements(FrameFields fields, ValueReader reader, DeviceIdentity source,
      Long sequence, ConnectionId connection, Instant receivedAt) throws MalformedFrameException {
    if (!fields.hasVitals()) {
      throw reader.fail(fields.unknownKeys().isEmpty()
          ? "frame carries no vital sign"
          : "frame carries no known vital sign (unknown: " + String.join(", ", fields.unknownKeys()) + ")");
    }
    Instant deviceTime = reader.timestamp(fields.get(FrameKey.TS), receivedAt);
    List<Observation> observations = new ArrayList<>();
    Set<Parameter> sensorsOff = null; // made for a frame that reports one: Set.copyOf would hash even an empty set
    List<String> refused = null; // made for a frame with a value refused
    String line = fields.line();
    for (FrameKey key : KEYS) {
      if (!fields.has(key) || !key.isVital() || key == FrameKey.CONSCIOUSNESS || key == FrameKey.OXYGEN) {
        continue;
      }
      int from = fields.from(key);
      int to = fields.to(key);
      try {
        if (FrameKey.matches(line, from, to, SENSOR_OFF)) {
          sensorsOff = sensorsOff != null ? sensorsOff : EnumSet.noneOf(Parameter.class);
          sensorsOff.addAll(key.pressure() != null ? key.pressure().parameters() : List.of(key.parameter()));
        } else if (key.pressure() != null) {
          addBloodPressure(key, line, from, to, reader, source, deviceTime, receivedAt, sequence, observations);
        } else {
          BigDecimal value = reader.vital(key.parameter(), line, from, to);
          observations.add(observation(source, key.parameter(), value, deviceTime, receivedAt, sequence));
        }
      } catch (MalformedFrameException e) {
        refused = withReason(refused, e);
      }
    }
    Consciousness consciousness = null;
    OxygenSupport oxygen = null;
    try {
      consciousness = reader.consciousness(fields.get(FrameKey.CONSCIOUSNESS));
    } catch (MalformedFrameException e) {
      refused = withReason(refused, e);
    }
    try {
      oxygen = reader.oxygen(fields.get(FrameKey.OXYGEN));
    } catch (MalformedFrameException e) {
      refused = withReason(refused, e);
    }
    if (refused != null && observations.isEmpty() && sensorsOff == null && consciousness == null && oxygen == null) {
      throw reader.fail(String.join("; ", refused));
    }
    FrameReport report = new FrameReport(source, deviceTime != null ? deviceTime : receivedAt, receivedAt,
        List.copyOf(observations), consciousness, oxygen,
        sensorsOff == null ? Set.of() : Collections.unmodifiableSet(sensorsOff), null, connection,
        refused == null ? List.of() : FrameReport.refusalsNamed(refused));
    return new DecodedFrame.Measurements(report, fields.rawSequence(), fields.unknownKeys(),
        refused == null ? List.of() : List.copyOf(refused));
  }

  /** {@code reasons}, made when {@code null}, with the reason {@code refusal} gives. */
  private static List<String> withReason(List<String> reasons, MalformedFrameException refusal) {
    List<String> all = reasons != null ? reasons : new ArrayList<>(2);
    all.add(refusal.getMessage());
    return all;
  }

  private static DecodedFrame hello(FrameFields fields, DeviceIdentity named, ValueReader reader)
      throws MalformedFrameException {
    if (named.device() == null) {
      throw reader.fail("HELLO needs Device=<id>");
    }
    if (fields.hasVitals()) {
      throw reader.fail("HELLO carries identity only: send vital signs in their own frame");
    }
    return new DecodedFrame.Hello(named, fields.rawSequence(), fields.unknownKeys());
  }

  /**
   * The blood pressure {@code line[from, to)} of {@code key} ({@code BP}, {@code ABP}): systolic/diastolic, perhaps
   * then /mean, read where they are; refused whole when one of them is, as one measurement.
   */
  private static void addBloodPressure(FrameKey frameKey, String line, int from, int to, ValueReader reader,
      DeviceIdentity source, Instant deviceTime, Instant receivedAt, Long sequence, List<Observation> out)
      throws MalformedFrameException {
    BloodPressure pressure = frameKey.pressure();
    String key = frameKey.name();
    int slash = line.indexOf('/', from);
    int meanSlash = slash < 0 ? -1 : line.indexOf('/', slash + 1);
    meanSlash = meanSlash < to ? meanSlash : -1;
    int diastolicEnd = meanSlash < 0 ? to : FrameFields.trimmedEnd(line, slash + 1, meanSlash);
    int extraSlash = meanSlash < 0 ? -1 : line.indexOf('/', meanSlash + 1);
    if (slash <= from || slash >= diastolicEnd - 1 || meanSlash >= to - 1 || extraSlash >= 0 && extraSlash < to) {
      throw reader.fail(key + " '" + FrameFields.abbreviate(line.substring(from, to)) + "' must be systolic/diastolic"
          + " or systolic/diastolic/mean, e.g. " + key + "=120/80 or " + key + "=120/80/93");
    }
    int systolicEnd = FrameFields.trimmedEnd(line, from, slash);
    BigDecimal systolic = reader.vital(pressure.systolic(), line, from, systolicEnd);
    int diastolicStart = FrameFields.trimmedStart(line, slash + 1, diastolicEnd);
    BigDecimal diastolic = reader.vital(pressure.diastolic(), line, diastolicStart, diastolicEnd);
    if (diastolic.compareTo(systolic) >= 0) {
      boolean rounded = new BigDecimal(line.substring(from, systolicEnd)).compareTo(systolic) != 0
          || new BigDecimal(line.substring(diastolicStart, diastolicEnd)).compareTo(diastolic) != 0;
      throw reader.fail(key + " " + line.substring(from, to) + " is implausible: diastolic must be below systolic"
          + (rounded ? " (charted as " + systolic.toPlainString() + "/" + diastolic.toPlainString()
              + ", in whole mmHg)" : ""));
    }
    BigDecimal mean = meanSlash < 0 ? null
        : reader.vital(pressure.mean(), line, FrameFields.trimmedStart(line, meanSlash + 1, to), to);
    out.add(observation(source, pressure.systolic(), systolic, deviceTime, receivedAt, sequence));
    out.add(observation(source, pressure.diastolic(), diastolic, deviceTime, receivedAt, sequence));
    if (mean != null) {
      out.add(observation(source, pressure.mean(), mean, deviceTime, receivedAt, sequence));
    }
  }

  private static Observation observation(DeviceIdentity source, Parameter parameter, BigDecimal value,
      Instant deviceTime, Instant receivedAt, Long sequence) {
    return new Observation(source, parameter, parameter.mdcCode(), value, parameter.unit(), deviceTime, receivedAt,
        sequence, ValueReader.questionable(parameter, value));
  }
}
