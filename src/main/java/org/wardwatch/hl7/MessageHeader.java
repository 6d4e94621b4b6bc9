package org.wardwatch.hl7;

import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * What the MSH segment of a received message says, as far as WardWatch needs it to route and acknowledge the message.
 *
 * <p>Text components are kept HL7-encoded with the standard delimiters ({@code ^~\&}), ready to be copied into an
 * acknowledgement: {@code sendingApplication} of {@code Acme^0123456789ABCDEF^EUI-64} stays exactly that, whatever
 * delimiters the sender used. Control characters are removed and each component is cut to 199 characters, so even a
 * hostile header cannot break the acknowledgement. Absent parts, those empty or sent as HL7's null value {@code ""}
 * ({@link Hl7Fields}), are {@code null}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param controlId            MSH-10, echoed in MSA-2 of the acknowledgement
 * @param sendingApplication   MSH-3
 * @param sendingFacility      MSH-4
 * @param receivingApplication MSH-5
 * @param receivingFacility    MSH-6
 * @param messageType          MSH-9 message code and trigger event, e.g. {@code ORU^R01}
 * @param version              MSH-12 version id, e.g. {@code 2.6}
 * @param messageTime          MSH-7, or {@code null} when absent or unreadable
 * @param acceptAckType        MSH-15, when the sender wants accept acknowledgements (HL7 table 0155: {@code AL},
 *                             {@code NE}, {@code ER}, {@code SU}), as sent
 * @param applicationAckType   MSH-16, when the sender wants application acknowledgements (table 0155), as sent
 */
public record MessageHeader(String controlId, String sendingApplication, String sendingFacility,
    String receivingApplication, String receivingFacility, String messageType, String version, Instant messageTime,
    String acceptAckType, String applicationAckType) {

  /** A header of which nothing is known: a message without a readable MSH. */
  public static final MessageHeader EMPTY =
      new MessageHeader(null, null, null, null, null, null, null, null, null, null);

  private static final int MAX_LENGTH = 199;

  /**
   * Reads the MSH segment of {@code rawText} without an HL7 library, for answering any message, even one that cannot be
   * parsed. The MSH segment is looked for at the start of any line; its field separator is the character after
   * {@code MSH}. Never throws.
   *
   * @return the header, or {@link #EMPTY} when no MSH segment can be found
   */
  public static MessageHeader sniff(String rawText) {
    String[] msh = fields(rawText);
    if (msh == null) {
      return EMPTY;
    }
    Instant time;
    try {
      time = Hl7Time.parse(component(msh, 7, 0), ZoneId.systemDefault()).instant();
    } catch (IllegalArgumentException unreadable) {
      time = null;
    }
    String code = component(msh, 9, 0);
    String event = component(msh, 9, 1);
    String type = code == null ? null : event == null ? code : code + "^" + event;
    return new MessageHeader(field(msh, 10), field(msh, 3), field(msh, 4), field(msh, 5), field(msh, 6), type,
        component(msh, 12, 0), time, component(msh, 15, 0), component(msh, 16, 0));
  }

  /**
   * {@link #sniff}, but only from an MSH segment that ends within {@code text} (a CR or LF after it), else
   * {@link #EMPTY}: of a message cut short inside its MSH, a control id read to the cut could be another message's,
   * which its sender would match the acknowledgement to.
   */
  public static MessageHeader sniffWhole(String text) {
    int start = findMsh(text);
    return start >= 0 && indexOfLineEnd(text, start) < text.length() ? sniff(text) : EMPTY;
  }

  /** The message code of {@link #messageType} ({@code ORU}), or {@code null}. */
  public String messageCode() {
    int caret = messageType == null ? -1 : messageType.indexOf('^');
    return caret < 0 ? messageType : messageType.substring(0, caret);
  }

  /**
   * True when the message is itself an acknowledgement (message code {@code ACK}), which is never answered: two peers
   * that acknowledged acknowledgements would answer each other without end.
   */
  public boolean isAcknowledgement() {
    return "ACK".equals(messageCode());
  }

  /** The trigger event of {@link #messageType} ({@code R01}), or {@code null}. */
  public String triggerEvent() {
    int caret = messageType == null ? -1 : messageType.indexOf('^');
    return caret < 0 ? null : messageType.substring(caret + 1);
  }

  /**
   * The MSH fields of {@code rawText} indexed by field number (element 10 is MSH-10), each normalised as described
   * above, or {@code null} when there is no MSH segment.
   */
  static String[] fields(String rawText) {
    int start = findMsh(rawText);
    if (start < 0 || start + 3 >= rawText.length()) {
      return null;
    }
    char separator = rawText.charAt(start + 3);
    if (Character.isLetterOrDigit(separator) || Character.isWhitespace(separator) || separator < ' ') {
      return null;
    }
    int end = start + 4;
    while (end < rawText.length() && rawText.charAt(end) != '\r' && rawText.charAt(end) != '\n') {
      end++;
    }
    String[] split = rawText.substring(start + 4, end).split(Pattern.quote(String.valueOf(separator)), -1);
    String encoding = split[0];
    char[] delimiters = {'^', '~', '\\', '&'};
    for (int i = 0; i < Math.min(4, encoding.length()); i++) {
      delimiters[i] = encoding.charAt(i);
    }
    String[] fields = new String[split.length + 2];
    fields[1] = String.valueOf(separator);
    fields[2] = encoding;
    for (int i = 1; i < split.length; i++) {
      fields[i + 2] = normalise(split[i], delimiters);
    }
    return fields;
  }

  /**
   * {@code rawText} with its MSH-7 (the time the message was made) emptied: what a retransmission repeats, for a
   * sender that stamps the time afresh each time it sends the same message (same MSH-10). Unchanged without an MSH.
   */
  static String withoutMessageTime(String rawText) {
    int start = findMsh(rawText);
    if (start < 0 || start + 3 >= rawText.length()) {
      return rawText;
    }
    char separator = rawText.charAt(start + 3);
    int end = indexOfLineEnd(rawText, start);
    int from = start + 3; // the first separator (MSH-1 itself); MSH-n begins after the (n-1)th
    for (int field = 2; field < 7 && from >= 0 && from < end; field++) {
      from = rawText.indexOf(separator, from + 1);
    }
    if (from < 0 || from >= end) {
      return rawText;
    }
    int to = rawText.indexOf(separator, from + 1);
    return rawText.substring(0, from + 1) + rawText.substring(to < 0 || to > end ? end : to);
  }

  /** Where the segment that {@code from} is in ends: its CR or LF, or the end of the text. */
  private static int indexOfLineEnd(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (text.charAt(i) == '\r' || text.charAt(i) == '\n') {
        return i;
      }
    }
    return text.length();
  }

  private static int findMsh(String text) {
    if (text == null) {
      return -1;
    }
    int index = text.indexOf("MSH");
    while (index > 0 && text.charAt(index - 1) != '\r' && text.charAt(index - 1) != '\n') {
      index = text.indexOf("MSH", index + 1);
    }
    return index;
  }

  private static String normalise(String raw, char[] delimiters) {
    StringBuilder out = new StringBuilder(raw.length());
    int componentLength = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      String piece;
      if (c == delimiters[0]) {
        piece = "^";
      } else if (c == delimiters[1]) {
        piece = "~";
      } else if (c == delimiters[2]) {
        piece = "\\";
      } else if (c == delimiters[3]) {
        piece = "&";
      } else if ("^~\\&|".indexOf(c) >= 0) {
        piece = Hl7Ack.escape(String.valueOf(c));
      } else if (c < ' ' || c == 0x7f) {
        continue;
      } else {
        piece = String.valueOf(c);
      }
      componentLength = "^~&".contains(piece) ? 0 : componentLength + 1;
      if (componentLength <= MAX_LENGTH) {
        out.append(piece);
      }
    }
    return out.toString();
  }

  private static String field(String[] fields, int number) {
    return number < fields.length && present(fields[number]) ? fields[number] : null;
  }

  private static String component(String[] fields, int number, int index) {
    String field = field(fields, number);
    if (field == null) {
      return null;
    }
    String[] components = field.split("[~]", -1)[0].split("\\^", -1);
    return index < components.length && present(components[index]) ? components[index] : null;
  }

  /** False for a part left empty or sent as HL7's null value ({@link Hl7Fields#isNull}): either way, absent. */
  private static boolean present(String part) {
    return !part.isEmpty() && !Hl7Fields.isNull(part);
  }
}
