package org.wardwatch.hl7;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An acknowledgement a peer sent WardWatch (MSH-9 {@code ACK}), such as a sender's accept acknowledgement of our
 * application acknowledgement: read for the log, and never answered ({@link AckConditions}), since two peers that
 * acknowledged acknowledgements would answer each other without end. Read without HAPI: MSH and MSA are all it needs.
 *
 * <p>Immutable and thread-safe.
 *
 * @param header         its MSH
 * @param code           MSA-1, the acknowledgement code ({@code AA}, {@code CA}, ...), or {@code null}
 * @param acknowledgedId MSA-2, the control id of the message it acknowledges, or {@code null}
 */
record ReceivedAck(MessageHeader header, String code, String acknowledgedId) {

  private static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\x00-\\x1f\\x7f]");

  /** The acknowledgement {@code text} is (one message, segments ended by CR or LF), or empty when it is none. */
  static Optional<ReceivedAck> read(String text) {
    MessageHeader header = MessageHeader.sniff(text);
    if (!header.isAcknowledgement()) {
      return Optional.empty();
    }
    String separator = MessageHeader.fields(text)[1];
    String[] msa = new String[0];
    for (String segment : text.split("[\r\n]+")) {
      if (segment.startsWith("MSA" + separator)) {
        msa = segment.split(Pattern.quote(separator), -1);
        break;
      }
    }
    return Optional.of(new ReceivedAck(header, part(msa, 1), part(msa, 2)));
  }

  /** Field {@code number} of {@code fields}, printable and short, or {@code null} when absent. */
  private static String part(String[] fields, int number) {
    String value = number < fields.length ? Hl7Fields.value(fields[number]) : "";
    return value.isEmpty() ? null : Hl7Fields.abbreviate(CONTROL_CHARACTERS.matcher(value).replaceAll(""));
  }
}
