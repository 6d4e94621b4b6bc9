package org.wardwatch.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Builds the HL7 v2.6 acknowledgements (ACK) WardWatch returns for received messages: accept, error (content problem,
 * rows refused, or a message not taken whole) and reject (message WardWatch does not process), in the acknowledgement
 * mode each message asks for ({@link AckConditions}). Segments end with {@code \r}; MSA-2 echoes the received message's
 * own MSH-10, or is empty when none could be read whole. Every acknowledgement gets a new control id, unique within
 * this JVM.
 *
 * <p>Thread-safe.
 */
public final class Hl7Ack {

  private static final String APPLICATION = "WardWatch";
  private static final Pattern EVENT = Pattern.compile("[A-Z0-9]{3}");

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
    return answers(header, AckConditions.Outcome.ACCEPTED, List.of());
  }

  /**
   * The acknowledgements of a message recorded but for its {@code refused} rows: {@code AE} with an ERR segment for
   * each (after {@code CA} when accept acknowledgements are asked for: it was taken), or as its MSH-15 and MSH-16 ask.
   */
  public List<String> partlyRecorded(MessageHeader header, List<Hl7Error> refused) {
    return answers(header, AckConditions.Outcome.ERROR, refused);
  }

  /**
   * The acknowledgements of a message {@code failure} refused: {@code AE} with an ERR segment for a content problem
   * (one for each row refused, for a message none of whose rows could be recorded) or a message not taken whole,
   * {@code AR} for one WardWatch does not process, or as its MSH-15 and MSH-16 ask ({@link AckConditions}).
   */
  public List<String> refused(Hl7Exception failure) {
    AckConditions.Outcome outcome = failure instanceof Hl7ContentException ? AckConditions.Outcome.ERROR
        : failure instanceof Hl7IncompleteException ? AckConditions.Outcome.INCOMPLETE
        : AckConditions.Outcome.REJECTED;
    return answers(failure.header(), outcome, failure instanceof Hl7ContentException content ? content.errors()
        : List.of(new Hl7Error(failure.errorCode(), failure.getMessage())));
  }

  /**
   * The acknowledgements of a message whose patient a clinical engine did not admit, for {@code reason}: {@code AE}
   * with an ERR segment (207, application internal error: no fault of the message), or as its MSH-15 and MSH-16 ask
   * ({@code CE} for an accept acknowledgement: not taken).
   */
  public List<String> notAdmitted(MessageHeader header, String reason) {
    return answers(header, AckConditions.Outcome.NOT_ADMITTED,
        List.of(new Hl7Error(ErrorCode.APPLICATION_INTERNAL_ERROR, reason)));
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

  private List<String> answers(MessageHeader header, AckConditions.Outcome outcome,
      List<Hl7Error> errors) {
    MessageHeader h = header == null ? MessageHeader.EMPTY : header;
    return AckConditions.codes(h, outcome).stream()
        .map(code -> build(h, code, AckConditions.reportsError(code) ? errors : List.of()))
        .toList();
  }

  /**
   * One acknowledgement of {@code h}'s message, MSA-1 {@code ackCode}, with an ERR segment for each of {@code errors}.
   */
  private String build(MessageHeader h, AcknowledgmentCode ackCode, List<Hl7Error> errors) {
    String event = h.triggerEvent() != null && EVENT.matcher(h.triggerEvent()).matches() ? h.triggerEvent() : null;
    StringBuilder ack = new StringBuilder(256)
        .append("MSH|^~\\&|").append(APPLICATION).append('|').append(APPLICATION).append('|')
        .append(safe(h.sendingApplication())).append('|').append(safe(h.sendingFacility())).append('|')
        .append(Hl7Time.format(clock.instant(), zone)).append("||")
        .append(event == null ? "ACK" : "ACK^" + event + "^ACK").append('|')
        .append(newControlId()).append("|P|2.6\r")
        .append("MSA|").append(ackCode.name()).append('|').append(safe(h.controlId())).append('\r');
    for (Hl7Error error : errors) {
      String name = error.errorCode().getMessage();
      ack.append("ERR|||").append(error.errorCode().getCode()).append('^').append(name).append("^HL70357|E|||")
          .append(escape(error.reason() == null ? name : error.reason())).append('\r');
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
