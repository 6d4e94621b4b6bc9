package org.wardwatch.hl7;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.util.ReadOnlyMessageIterator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;

/**
 * Reads one ORU^R01 that {@link Pcd01Decoder} has parsed, in two walks over its segments: first whom it is about
 * ({@link IdentityReader}), then its OBX rows ({@link ObxReader}), whose usable rows it assembles into the message's
 * reports ({@link ReportAssembler}). Whom first, so that a message refused for a value carries the device and patient
 * the value was about, for the invalid-signal alarm, without the message being read again.
 *
 * <p>Not thread-safe: one instance per message.
 */
final class MessageReader {

  private final MessageHeader header;
  private final Pcd01Decoder.Times times;
  private final Instant receivedAt;
  private final ObxReader obxReader;
  private final IdentityReader identity;
  private final List<ObxReader.Row> rows = new ArrayList<>();

  MessageReader(MessageHeader header, Pcd01Decoder.Times times, Instant receivedAt) {
    this.header = header;
    this.times = times;
    this.receivedAt = receivedAt;
    this.obxReader = new ObxReader(header, times);
    this.identity = new IdentityReader(header);
  }

  /**
   * The message's reports, or its refusal: one of whom it is about (no patient, ward, bed or device that can be
   * filed) names nobody, one of its values names the device and patient ({@link Hl7ContentException#source}).
   */
  Hl7Message read(Message message) throws HL7Exception, Hl7ContentException {
    Segment msh = (Segment) message.get("MSH");
    List<Segment> segments = segments(message);
    DeviceIdentity source = identify(segments, msh);
    try {
      return reports(segments, msh, source);
    } catch (Hl7ContentException refused) {
      throw refused.about(source);
    }
  }

  /**
   * Whom the message is about, from each segment that says (PID, PV1, the first OBX-18, else MSH-3), read before any
   * value: a row refused before the OBX that names the device still came from that device.
   */
  private DeviceIdentity identify(List<Segment> segments, Segment msh) throws HL7Exception, Hl7ContentException {
    int headers = 0;
    for (Segment segment : segments) {
      switch (segment.getName()) {
        case "MSH" -> headers = onlyHeader(headers);
        case "PID" -> identity.pid(segment);
        case "PV1" -> identity.pv1(segment);
        case "OBX" -> identity.obx(segment);
        default -> {
          // OBR, NTE, Z segments and anything else say nothing of whom the message is about.
        }
      }
    }
    return identity.source(Hl7Fields.whole(msh, 3, 0, 1), Hl7Fields.whole(msh, 3, 0, 2));
  }

  /** The reports of {@code source}'s values in {@code segments}, whose header is {@code msh}. */
  private Hl7Message reports(List<Segment> segments, Segment msh, DeviceIdentity source)
      throws HL7Exception, Hl7ContentException {
    List<String> warnings = new ArrayList<>();
    if (!"2.6".equals(header.version())) {
      warnings.add("HL7 version " + header.version() + " read with the v2.6 structures");
    }
    Instant messageTime = null;
    String mshTime = Hl7Fields.text(msh, 7, 1);
    try {
      messageTime = mshTime.isEmpty() ? null : times.parse(mshTime, "MSH-7");
    } catch (Hl7ContentException e) {
      warnings.add(e.getMessage() + "; not used");
    }
    Instant groupTime = null;
    int obxIndex = 0;
    for (Segment segment : segments) {
      if ("OBR".equals(segment.getName())) {
        String raw = Hl7Fields.text(segment, 7, 1);
        groupTime = raw.isEmpty() ? null : times.parse(raw, "OBR-7");
      } else if ("OBX".equals(segment.getName())) {
        obxIndex++;
        obxReader.read(segment, obxIndex, groupTime != null ? groupTime : messageTime).ifPresent(rows::add);
      }
    }
    warnings.addAll(obxReader.warnings());
    ReportAssembler assembler = new ReportAssembler(source, receivedAt);
    List<FrameReport> reports = assembler.assemble(rows, obxReader.refused());
    List<Hl7Error> refused = assembler.refused();
    if (reports.isEmpty()) {
      throw refused.isEmpty() ? new Hl7ContentException(header, ErrorCode.REQUIRED_FIELD_MISSING,
          "No usable vital sign in the message (" + obxIndex + " OBX): "
          + String.join("; ", Hl7Message.summarised(warnings)))
          : new Hl7ContentException(header, Hl7Error.summarised(refused));
    }
    warnings.addAll(identity.warnings());
    warnings.addAll(assembler.warnings());
    times.warning().ifPresent(warnings::add);
    return new Hl7Message(header, reports, warnings, refused);
  }

  /** The message's segments, in order. */
  private static List<Segment> segments(Message message) {
    List<Segment> segments = new ArrayList<>();
    ReadOnlyMessageIterator structures = new ReadOnlyMessageIterator(message);
    while (structures.hasNext()) {
      if (structures.next() instanceof Segment segment) {
        segments.add(segment);
      }
    }
    return segments;
  }

  /**
   * Counts the message's headers, refusing a second: two messages in one frame would have the second's values filed
   * under the first's patient, and the second never answered.
   */
  private int onlyHeader(int seen) throws Hl7ContentException {
    if (seen > 0) {
      throw new Hl7ContentException(header, ErrorCode.SEGMENT_SEQUENCE_ERROR,
          "More than one MSH in one frame: frame each message on its own");
    }
    return seen + 1;
  }
}
