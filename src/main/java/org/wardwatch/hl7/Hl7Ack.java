package org.wardwatch.hl7;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Builds the HL7 v2.6 acknowledgements (ACK) WardWatch returns for received messages: accept, error (content problem,
 * or a message not taken whole) and reject (message WardWatch does not process), in the acknowledgement mode each
 * message asks for ({@link AckConditions}). Segments end with {@code \r}; MSA-2 echoes the received message's own
 * MSH-10, or is empty when none could be read whole. Every acknowledgement gets a new control id, unique within this
 * JVM.
 *
 * <p>Thread-safe.
 */
public final class Hl7Ack {

  private static final String APPLICATION = "WardWatch";
  private static final Pattern EVENT = Pattern.compile("[A-Z0-9]{3}");
  private static final Map<Integer, String> ERROR_NAMES = Map.ofEntries(
      Map.entry(100, "Segment sequence error"), Map.entry(101, "Required field missing"),
      Map.entry(102, "Data type error"), Map.entry(103, "Table value not found"),
      Map.entry(200, "Unsupported message type"), Map.entry(201, "Unsupported event code"),
      Map.entry(202, "Unsupported processing id"), Map.entry(203, "Unsupported version id"),
      Map.entry(207, "Application internal error"));

  private final Clock clock;
  private final ZoneId zone;
  private final AtomicLong counter = new AtomicLong();

  /** Acknowledgements timestamped with the system clock in the JVM's default zone. */
  public Hl7Ack() {
    this(Clock.systemUTC(), ZoneId.systemDefault());
  }

  /** Acknowledgements timestamped with {@code clock}, written in {@code zone}. */
  public Hl7Ack(Clock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
  }

  /** The acknowledgements of a message recorded whole ({@code AA}, or as its MSH-15 and MSH-16 ask). */
  public List<String> accepted(MessageHeader header) {
    return answers(header, AckConditions.Outcome.ACCEPTED, 0, null);
  }

  /**
   * The acknowledgements of a message {@code failure} refused: {@code AE} with an ERR segment for a content problem or
   * a message not taken whole, {@code AR} for one WardWatch does not process, or as its MSH-15 and MSH-16 ask
   * ({@link AckConditions}).
   */
  public List<String> refused(Hl7Exception failure) {
    AckConditions.Outcome outcome = failure instanceof Hl7ContentException ? AckConditions.Outcome.ERROR
        : failure instanceof Hl7IncompleteException ? AckConditions.Outcome.INCOMPLETE
        : AckConditions.Outcome.REJECTED;
    return answers(failure.header(), outcome, failure.errorCode(), failure.getMessage());
  }

  /**
   * The acknowledgements of a message whose patient a clinical engine did not admit, for {@code reason}: {@code AE}
   * with an ERR segment (207, application internal error: no fault of the message), or as its MSH-15 and MSH-16 ask
   * ({@code CE} for an accept acknowledgement: not taken).
   */
  public List<String> notAdmitted(MessageHeader header, String reason) {
    return answers(header, AckConditions.Outcome.NOT_ADMITTED, 207, reason);
  }

  /**
   * {@code text} with the HL7 delimiters escaped: | ^ ~ \ &amp; become \F\ \S\ \R\ \E\ \T\; line breaks become blanks.
   */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '|' -> out.append("\\F\\");
        case '^' -> out.append("\\S\\");
        case '~' -> out.append("\\R\\");
        case '\\' -> out.append("\\E\\");
        case '&' -> out.append("\\T\\");
        case '\r', '\n' -> out.append(' ');
        default -> out.append(c < ' ' ? ' ' : c);
      }
    }
    return out.toString();
  }

  private List<String> answers(MessageHeader header, AckConditions.Outcome outcome, int errorCode, String text) {
    MessageHeader h = header == null ? MessageHeader.EMPTY : header;
    return AckConditions.codes(h, outcome).stream()
        .map(code -> build(h, code.name(), code.reportsError() ? errorCode : 0, text)).toList();
  }

  /** One acknowledgement of {@code h}'s message, MSA-1 {@code ackCode}; ERR unless {@code errorCode} is 0. */
  private String build(MessageHeader h, String ackCode, int errorCode, String text) {
    String event = h.triggerEvent() != null && EVENT.matcher(h.triggerEvent()).matches() ? h.triggerEvent() : null;
    StringBuilder ack = new StringBuilder(256)
        .append("MSH|^~\\&|").append(APPLICATION).append('|').append(APPLICATION).append('|')
        .append(safe(h.sendingApplication())).append('|').append(safe(h.sendingFacility())).append('|')
        .append(Hl7Time.format(clock.instant(), zone)).append("||")
        .append(event == null ? "ACK" : "ACK^" + event + "^ACK").append('|')
        .append(newControlId()).append("|P|2.6\r")
        .append("MSA|").append(ackCode).append('|').append(safe(h.controlId())).append('\r');
    if (errorCode != 0) {
      String name = ERROR_NAMES.getOrDefault(errorCode, "Application error");
      ack.append("ERR|||").append(errorCode).append('^').append(name).append("^HL70357|E|||")
          .append(escape(text == null ? name : text)).append('\r');
    }
    return ack.toString();
  }

  private String newControlId() {
    return "WW" + clock.millis() + "." + counter.incrementAndGet();
  }

  /** A header part is already encoded; only what could break the segment (field separator, line breaks) is removed. */
  private static String safe(String encoded) {
    return encoded == null ? "" : encoded.replace("|", "\\F\\").replaceAll("[\\r\\n\\x00-\\x1f]", "");
  }
}
