package org.wardwatch.hl7;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.util.Terser;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.wardwatch.bus.Addresses;
import org.wardwatch.model.DeviceIdentity;

/**
 * Gathers whom and what one message is about: patient from PID-3 (first identifier), ward and bed from PV1-3
 * ({@code unit^room^bed}: ward = unit, bed = {@code room-bed}, or whichever of the two is given), device from the first
 * non-empty OBX-18 (the EUI-64 of the equipment), else MSH-3 whole: {@code namespace:universalId} (e.g.
 * {@code Bed1:0080C9FFFE000001}), or whichever of the two is given (the universal id alone when the whole is no
 * identifier). Neither alone names one monitor: the namespace id
 * may be a vendor's or product's name that many monitors share, the universal id a gateway's EUI-64 that every monitor
 * behind it shares; and a message without PID is filed under its device (under its PV1-3 bed on that device when it
 * names one: {@link DeviceIdentity#patientKey}), so two monitors must not be one device.
 * Identifiers follow the line-frame rules (1-64 letters, digits, {@code . _ : -}; ward:
 * {@link Addresses#WARD_PATTERN}), each read whole ({@link Hl7Fields#whole}), but for the spaces of a location: each
 * run of them in PV1-3's parts becomes one {@code -} ({@link #location}). An invalid patient, ward, bed or OBX-18
 * device refuses the message (AE, data type error, nothing recorded), as the line protocol refuses such a frame: filed
 * under its device, under MSH-3's or in the unassigned ward, two patients' values would become one patient's, or a
 * patient and their alarms would leave their ward's screens; so does a PID-3 whose first identifier is empty while a
 * later one is given, and a PV1-3 of several locations. An invalid MSH-3 part is passed over with a warning for the
 * next of those above.
 *
 * <p>Not thread-safe: one instance per message.
 */
final class IdentityReader {

  /** The line protocol's identifiers: not {@code .} or {@code ..} alone, which a URL path reads as a step. */
  private static final Pattern IDENTIFIER = Pattern.compile("(?!\\.\\.?$)[A-Za-z0-9._:-]{1,64}");
  private static final String IDENTIFIER_TEXT = "1-64 letters, digits, '.', '_', ':' or '-', not '.' or '..' alone";
  private static final Pattern WARD = Pattern.compile(Addresses.WARD_PATTERN);
  private static final Pattern SPACES = Pattern.compile(" +");

  private final MessageHeader header;
  private final List<String> warnings = new ArrayList<>();
  private boolean pidSeen;
  private boolean pv1Seen;
  private String patient;
  private String bed;
  private String ward;
  private String obxDevice;

  IdentityReader(MessageHeader header) {
    this.header = header;
  }

  void pid(Segment pid) throws HL7Exception, Hl7ContentException {
    pidSeen = once(pidSeen, "PID");
    patient = required("Patient (PID-3)", Hl7Fields.whole(pid, 3, 0, 1), IDENTIFIER, IDENTIFIER_TEXT);
    if (patient == null && laterRepetitionGiven(pid, 3)) {
      throw new Hl7ContentException(header, ErrorCode.DATA_TYPE_ERROR, "Patient (PID-3): its first identifier is "
          + "empty but a later one is given; send the patient's identifier first: message refused, nothing recorded");
    }
  }

  void pv1(Segment pv1) throws HL7Exception, Hl7ContentException {
    pv1Seen = once(pv1Seen, "PV1");
    if (laterRepetitionGiven(pv1, 3)) {
      throw new Hl7ContentException(header, ErrorCode.DATA_TYPE_ERROR, "Bed (PV1-3) names more than one location "
          + "(it does not repeat): message refused, nothing recorded");
    }
    ward = required("Ward (PV1-3.1)", location(pv1, 1), WARD, "1-32 letters, digits, '_' or '-'");
    String room = location(pv1, 2);
    String bedPart = location(pv1, 3);
    bed = required("Bed (PV1-3)", room.isEmpty() ? bedPart : bedPart.isEmpty() ? room : room + "-" + bedPart,
        IDENTIFIER, "1-64 letters, digits, '.', '_', ':' or '-', room and bed together, not '.' or '..' alone");
  }

  /**
   * Component {@code component} of PV1-3 with each run of spaces in it made one {@code -}: hospitals name their units
   * and rooms with spaces ({@code 3 WEST ICU}, as monitoring gateways send them), which no event-bus address or URL
   * path takes, so that unit is ward {@code 3-WEST-ICU}. Two names told apart by a space and a {@code -} alone become
   * one ward; no hospital names two units so.
   */
  private static String location(Segment pv1, int component) throws HL7Exception {
    String raw = Hl7Fields.whole(pv1, 3, 0, component);
    return raw.indexOf(' ') < 0 ? raw : SPACES.matcher(raw).replaceAll("-");
  }

  /**
   * OBX-18's first repetition, an EI: its entity identifier, else its namespace and universal ids as MSH-3's are read
   * ({@code namespace:universalId}, or whichever is given): a gateway's universal id alone would name every monitor
   * behind it.
   */
  private static String equipment(Segment obx) throws HL7Exception {
    String entity = Hl7Fields.whole(obx, 18, 0, 1);
    if (!entity.isEmpty()) {
      return entity;
    }
    String namespace = Hl7Fields.whole(obx, 18, 0, 2);
    String universal = Hl7Fields.whole(obx, 18, 0, 3);
    return namespace.isEmpty() ? universal : universal.isEmpty() ? namespace : namespace + ':' + universal;
  }

  /** Whether field {@code field} of {@code segment} has a repetition after its first with a value in it. */
  private static boolean laterRepetitionGiven(Segment segment, int field) throws HL7Exception {
    Type[] repetitions = segment.getField(field);
    for (int repetition = 1; repetition < repetitions.length; repetition++) {
      for (int component = 1; component <= Terser.numComponents(repetitions[repetition]); component++) {
        if (!Hl7Fields.whole(segment, field, repetition, component).isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code raw}, or {@code null} when empty; refuses the message when it does not match {@code rule}. */
  private String required(String what, String raw, Pattern rule, String ruleText) throws Hl7ContentException {
    if (raw.isEmpty()) {
      return null;
    }
    if (!rule.matcher(raw).matches()) {
      throw new Hl7ContentException(header, ErrorCode.DATA_TYPE_ERROR, what + " '" + Hl7Fields.abbreviate(raw)
          + "' is not a usable identifier (use " + ruleText + "): message refused, nothing recorded");
    }
    return raw;
  }

  /**
   * Refuses a second {@code segment} (PID or PV1): a message of several patients would have every value filed under
   * the first, so it is refused whole, as any message whose content cannot be accepted.
   */
  private boolean once(boolean seen, String segment) throws Hl7ContentException {
    if (seen) {
      throw new Hl7ContentException(header, ErrorCode.SEGMENT_SEQUENCE_ERROR, "More than one " + segment
          + " in the message: send one patient per message");
    }
    return true;
  }

  /**
   * Reads the device of the first OBX that names one (OBX-18's first repetition, {@link #equipment}; the other
   * repetitions name the device's parts); refuses the message when it is no identifier, or when only a later
   * repetition gives one: the device of MSH-3, in its place, may be a gateway's that every monitor behind it shares.
   */
  void obx(Segment obx) throws HL7Exception, Hl7ContentException {
    if (obxDevice == null) {
      obxDevice = required("Device (OBX-18)", equipment(obx), IDENTIFIER, IDENTIFIER_TEXT);
      if (obxDevice == null && laterRepetitionGiven(obx, 18)) {
        throw new Hl7ContentException(header, ErrorCode.DATA_TYPE_ERROR, "Device (OBX-18): its first identifier is "
            + "empty but a later one is given; send the device's identifier first: message refused, nothing recorded");
      }
    }
  }

  /**
   * The identity of the message's source, given MSH-3's namespace id ({@code namespaceId}, MSH-3.1) and universal id
   * ({@code universalId}, MSH-3.2), stripped, either empty when not given.
   *
   * @throws Hl7ContentException when neither OBX-18 nor MSH-3 names a usable device
   */
  DeviceIdentity source(String namespaceId, String universalId) throws Hl7ContentException {
    String device = obxDevice;
    if (device == null && !namespaceId.isEmpty() && !universalId.isEmpty()) {
      device = checked("Device (MSH-3)", namespaceId + ':' + universalId);
    }
    if (device == null) { // a part alone, when the whole is not a usable identifier (a name with spaces, say)
      device = checked("Device (MSH-3.2)", universalId);
    }
    if (device == null) {
      device = checked("Device (MSH-3.1)", namespaceId);
    }
    if (device == null) {
      throw new Hl7ContentException(header, ErrorCode.REQUIRED_FIELD_MISSING,
          "No device identity: an equipment identifier (OBX-18) or sending application (MSH-3) is needed");
    }
    return new DeviceIdentity(device, patient, bed, ward);
  }

  List<String> warnings() {
    return warnings;
  }

  private String checked(String what, String raw) {
    if (raw.isEmpty()) {
      return null;
    }
    if (!IDENTIFIER.matcher(raw).matches()) {
      warnings.add(what + " '" + Hl7Fields.abbreviate(raw) + "' is invalid (use " + IDENTIFIER_TEXT + "): ignored");
      return null;
    }
    return raw;
  }
}
