package org.wardwatch.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.util.ReadOnlyMessageIterator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wardwatch.model.FrameReport;

/**
 * Reads one ORU^R01 that {@link Pcd01Decoder} has parsed: walks its segments in order, handing identity to an
 * {@link IdentityReader} and OBX rows to an {@link ObxReader}, and assembles the usable rows into the message's
 * reports ({@link ReportAssembler}).
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

  Hl7Message read(Message message) throws HL7Exception, Hl7ContentException {
    List<String> warnings = new ArrayList<>();
    if (!"2.6".equals(header.version())) {
      warnings.add("HL7 version " + header.version() + " read with the v2.6 structures");
    }
    Segment msh = (Segment) message.get("MSH");
    Instant messageTime = null;
    String mshTime = Hl7Fields.text(msh, 7, 1);
    try {
      messageTime = mshTime.isEmpty() ? null : times.parse(mshTime, "MSH-7");
    } catch (Hl7ContentException e) {
      warnings.add(e.getMessage() + "; not used");
    }
    Instant groupTime = null;
    int obxIndex = 0;
    int headers = 0;
    ReadOnlyMessageIterator segments = new ReadOnlyMessageIterator(message);
    while (segments.hasNext()) {
      Structure structure = segments.next();
      if (!(structure instanceof Segment segment)) {
        continue;
      }
      switch (segment.getName()) {
        case "MSH" -> headers = onlyHeader(headers);
        case "PID" -> identity.pid(segment);
        case "PV1" -> identity.pv1(segment);
        case "OBR" -> {
          String raw = Hl7Fields.text(segment, 7, 1);
          groupTime = raw.isEmpty() ? null : times.parse(raw, "OBR-7");
        }
        case "OBX" -> {
          obxIndex++;
          identity.obx(segment);
          obxReader.read(segment, obxIndex, groupTime != null ? groupTime : messageTime).ifPresent(rows::add);
        }
        default -> {
          // NTE, Z segments and anything else carry nothing WardWatch charts.
        }
      }
    }
    warnings.addAll(obxReader.warnings());
    if (rows.isEmpty()) {
      throw new Hl7ContentException(header, Hl7Exception.REQUIRED_FIELD_MISSING,
          "No usable vital sign in the message (" + obxIndex + " OBX): "
          + String.join("; ", Hl7Message.summarised(warnings)));
    }
    ReportAssembler assembler = new ReportAssembler(header,
        identity.source(Hl7Fields.text(msh, 3, 1), Hl7Fields.text(msh, 3, 2)), receivedAt);
    List<FrameReport> reports = assembler.assemble(rows);
    warnings.addAll(identity.warnings());
    warnings.addAll(assembler.warnings());
    times.warning().ifPresent(warnings::add);
    return new Hl7Message(header, reports, warnings);
  }

  /**
   * Counts the message's headers, refusing a second: two messages in one frame would have the second's values filed
   * under the first's patient, and the second never answered.
   */
  private int onlyHeader(int seen) throws Hl7ContentException {
    if (seen > 0) {
      throw new Hl7ContentException(header, Hl7Exception.SEGMENT_SEQUENCE_ERROR,
          "More than one MSH in one frame: frame each message on its own");
    }
    return seen + 1;
  }
}
