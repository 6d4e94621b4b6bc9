package org.wardwatch.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.Version;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.wardwatch.model.DeviceClock;

/**
 * Decodes HL7 v2 ORU^R01 messages of the IHE PCD-01 profile (device observations) into {@link Hl7Message}s.
 *
 * <p>Parsing is lenient: HAPI with validation off, every version 2.x HAPI knows read with the 2.6 structures, extra
 * fields and unknown segments ignored, a missing PID tolerated, CR, LF and CRLF segment endings accepted. The content
 * is strict, like line frames, <b>row by row</b>: a numeric OBX whose value is not a number, is outside its parameter's
 * hard range or comes in the wrong unit is refused ({@link Hl7Message#refused}, answered AE with an ERR for each), and
 * the message's other rows are recorded, as each row is a measurement of its own (a misconfigured temperature must not
 * hide the SpO2 next to it). A message none of whose rows can be recorded is a content error
 * ({@link Hl7ContentException}, answered AE) and nothing of it is recorded. Rows that are not values (device
 * descriptions, containment ending in {@code .0}), rows with status X or D, rows flagged INV/QUES/NAV/CAL/TEST/DEMO/OFF
 * and unknown codes are skipped with a warning. An empty OBX-2 is read as NM; an unknown OBX-2 type is read as text, so
 * a vital sign with any type but NM is refused. Values are rounded to the parameter's charted precision (HALF_UP) and
 * marked questionable outside its soft range.
 *
 * <p>Observation time: OBX-14, else OBR-7 of its group, else MSH-7, else (no device time) the time received. A
 * timestamp without offset is read in the local zone, with a warning. Observations are grouped into one
 * {@code FrameReport} per distinct time, in time order; a parameter repeated at the same time keeps its first value.
 * Identity: patient from PID-3, ward and bed from PV1-3 (unit, room-bed), device from the first OBX-18, else MSH-3's
 * namespace and universal ids ({@link IdentityReader}).
 *
 * <p>Thread-safe: the HAPI parser is shared and stateless; everything else lives per call.
 */
public final class Pcd01Decoder {

  private final PipeParser parser;
  private final ZoneId localZone;

  /** A decoder reading timestamps without offset in the JVM's default zone. */
  public Pcd01Decoder() {
    this(ZoneId.systemDefault());
  }

  /** A decoder reading timestamps without offset in {@code localZone}. */
  public Pcd01Decoder(ZoneId localZone) {
    HapiContext context = new DefaultHapiContext();
    context.setValidationContext(ValidationContextFactory.noValidation());
    context.setModelClassFactory(new CanonicalModelClassFactory("2.6"));
    context.getParserConfiguration().setDefaultObx2Type("NM");
    context.getParserConfiguration().setInvalidObx2Type("ST");
    this.parser = context.getPipeParser();
    this.localZone = localZone;
  }

  /**
   * Decodes one message (without MLLP framing) received at {@code receivedAt}.
   *
   * @throws Hl7RejectedException when the message has no readable MSH, is not an ORU^R01, has an unsupported version
   *     or processing id, or cannot be parsed (answer AR)
   * @throws Hl7ContentException  when its content cannot be accepted (answer AE)
   */
  public Hl7Message decode(String text, Instant receivedAt) throws Hl7Exception {
    String normalised = normalise(text);
    MessageHeader header = MessageHeader.sniff(normalised);
    checkHeader(normalised, header);
    Message message;
    try {
      message = parser.parse(normalised);
    } catch (HL7Exception e) {
      ErrorCode code = e.getError(); // null for a code outside HL7 table 0357
      throw new Hl7RejectedException(header, code != null ? code : ErrorCode.APPLICATION_INTERNAL_ERROR,
          "Unreadable HL7 message: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new Hl7RejectedException(header, ErrorCode.APPLICATION_INTERNAL_ERROR,
          "Unreadable HL7 message: " + e, e);
    }
    try {
      return new MessageReader(header, new Times(header, localZone, receivedAt), receivedAt).read(message);
    } catch (HL7Exception | RuntimeException e) {
      throw new Hl7ContentException(header, ErrorCode.APPLICATION_INTERNAL_ERROR,
          "Could not read the message content: " + e.getMessage(), e);
    }
  }

  /** Segment endings made {@code \r}; a byte-order mark, MLLP framing bytes and surrounding blank lines removed. */
  static String normalise(String text) {
    if (text == null) {
      return "";
    }
    String unified = text.replace("\r\n", "\r").replace('\n', '\r');
    int start = 0;
    while (start < unified.length() && isPadding(unified.charAt(start))) {
      start++;
    }
    int end = unified.length();
    while (end > start && (isPadding(unified.charAt(end - 1)) || unified.charAt(end - 1) == '\u001c')) {
      end--;
    }
    return unified.substring(start, end);
  }

  private static boolean isPadding(char c) {
    return c == '\r' || c == '\u000b' || c == '\ufeff' || Character.isWhitespace(c);
  }

  private static void checkHeader(String text, MessageHeader header) throws Hl7RejectedException {
    String[] msh = MessageHeader.fields(text);
    if (!text.startsWith("MSH") || msh == null) {
      throw new Hl7RejectedException(header, ErrorCode.SEGMENT_SEQUENCE_ERROR, header.equals(MessageHeader.EMPTY)
          ? "No readable MSH segment: not an HL7 v2 message"
          : "The message must begin with a readable MSH segment");
    }
    String type = header.messageType() == null ? "" : header.messageType();
    if (!"ORU".equals(header.messageCode())) {
      throw new Hl7RejectedException(header, ErrorCode.UNSUPPORTED_MESSAGE_TYPE,
          "Unsupported message type '" + type + "': WardWatch accepts ORU^R01 only");
    }
    if (!"R01".equals(header.triggerEvent())) {
      throw new Hl7RejectedException(header, ErrorCode.UNSUPPORTED_EVENT_CODE,
          "Unsupported event '" + type + "': WardWatch accepts ORU^R01 only");
    }
    if (header.controlId() == null) {
      throw new Hl7RejectedException(header, ErrorCode.REQUIRED_FIELD_MISSING, "MSH-10 message control id missing");
    }
    String processing = msh.length > 11 ? msh[11].split("\\^", -1)[0] : "";
    if (!processing.equals("P")) {
      throw new Hl7RejectedException(header, ErrorCode.UNSUPPORTED_PROCESSING_ID, "Unsupported processing id '"
          + processing + "' (MSH-11): WardWatch records production (P) messages only");
    }
    if (header.version() == null || !header.version().startsWith("2.") || Version.versionOf(header.version()) == null) {
      throw new Hl7RejectedException(header, ErrorCode.UNSUPPORTED_VERSION_ID,
          "Unsupported HL7 version '" + header.version() + "' (MSH-12): WardWatch accepts HL7 v2.1 to v2.8.1");
    }
  }

  /**
   * Reads timestamps of one message received at a known time, remembering whether a zone had to be assumed. Not
   * thread-safe.
   */
  static final class Times {
    private final MessageHeader header;
    private final ZoneId zone;
    private final Instant receivedAt;
    private String assumedFor;

    Times(MessageHeader header, ZoneId zone, Instant receivedAt) {
      this.header = header;
      this.zone = zone;
      this.receivedAt = receivedAt;
    }

    /**
     * The instant {@code raw} (found in {@code where}) stands for; refused when unreadable, before the year 0001, or
     * too far ahead of the time the message was received ({@link DeviceClock}).
     */
    Instant parse(String raw, String where) throws Hl7ContentException {
      Hl7Time.Parsed parsed;
      try {
        parsed = Hl7Time.parse(raw, zone, receivedAt);
      } catch (IllegalArgumentException e) {
        throw new Hl7ContentException(header, ErrorCode.DATA_TYPE_ERROR, where + ": " + e.getMessage(), e);
      }
      if (parsed.instant().isBefore(DeviceClock.EARLIEST)) {
        throw new Hl7ContentException(header, ErrorCode.DATA_TYPE_ERROR, where + " " + raw
            + " is before the year 0001");
      }
      String ahead = DeviceClock.tooFarAhead(parsed.instant(), receivedAt);
      if (ahead != null) {
        throw new Hl7ContentException(header, ErrorCode.DATA_TYPE_ERROR, where + " " + raw + " " + ahead);
      }
      if (parsed.zoneAssumed() && assumedFor == null) {
        assumedFor = where;
      }
      return parsed.instant();
    }

    Optional<String> warning() {
      return Optional.ofNullable(assumedFor)
          .map(where -> "Timestamp without UTC offset (first in " + where + "): local time " + zone + " assumed");
    }
  }
}
