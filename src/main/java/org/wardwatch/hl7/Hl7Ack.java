package org.wardwatch.hl7;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Builds the HL7 v2.6 acknowledgements (ACK) WardWatch returns for received messages: accept, error (content problem)
 * and reject (message WardWatch does not process). Segments end with {@code \r}; MSA-2 always echoes the received
 * message's own MSH-10. Every acknowledgement gets a new control id, unique within this JVM.
 *
 * <p>Thread-safe.
 */
public final class Hl7Ack {

  /** Original mode answers AA/AE/AR (application acknowledgement); enhanced mode CA/CE/CR (commit). */
  public enum AckMode {
    /** Original acknowledgement mode: AA, AE, AR. */
    ORIGINAL("AA", "AE", "AR"),
    /** Enhanced mode accept acknowledgement: CA, CE, CR. */
    ENHANCED("CA", "CE", "CR");

    private final String accept;
    private final String error;
    private final String reject;

    AckMode(String accept, String error, String reject) {
      this.accept = accept;
      this.error = error;
      this.reject = reject;
    }
  }

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

  /** MSA-1 AA (CA): the message was accepted. */
  public String accept(MessageHeader header, AckMode mode) {
    return build(header, mode.accept, 0, null);
  }

  /** MSA-1 AE (CE) with an ERR segment: the message was readable but its content is in error. */
  public String error(MessageHeader header, AckMode mode, int code, String text) {
    return build(header, mode.error, code, text);
  }

  /** MSA-1 AR (CR) with an ERR segment: the message type, version, processing id or syntax is not supported. */
  public String reject(MessageHeader header, AckMode mode, int code, String text) {
    return build(header, mode.reject, code, text);
  }

  /** The acknowledgement for a failed decode: an error for content problems, a rejection otherwise. */
  public String failure(Hl7Exception failure, AckMode mode) {
    return failure instanceof Hl7ContentException
        ? error(failure.header(), mode, failure.errorCode(), failure.getMessage())
        : reject(failure.header(), mode, failure.errorCode(), failure.getMessage());
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

  private String build(MessageHeader header, String ackCode, int errorCode, String text) {
    MessageHeader h = header == null ? MessageHeader.EMPTY : header;
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
