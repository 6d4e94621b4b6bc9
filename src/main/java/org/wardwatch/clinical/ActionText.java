package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import java.text.Normalizer;
import java.util.regex.Pattern;
import org.wardwatch.clinical.alarm.AlarmTransition;

/**
 * The text fields of a clinician's action (the user's name, a reason, a patient or alarm id) as the log and the audit
 * trail record them: a string of at most {@value #MAX_TEXT} characters, refused when it holds characters that would
 * forge or hide text there (a line break would forge a log line; a bidirectional override or an invisible character
 * would disguise a name). The user's name is also written in one form, and is never the gateway's own.
 *
 * <p>Pure and stateless.
 */
final class ActionText {

  static final int MAX_TEXT = 128;
  private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
  /** Zero-width non-joiner and joiner: part of how Persian and Indic names are spelt, between two letters. */
  private static final int NON_JOINER = 0x200C;
  private static final int JOINER = 0x200D;

  private ActionText() {
  }

  /** The text of field {@code key}, which the action must have. */
  static String required(JsonObject action, String key) {
    if (!(action.getValue(key) instanceof String text)) {
      throw notText(key);
    }
    return checked(key, text);
  }

  /**
   * The acting user's name as the audit trail records it: {@code user} in Unicode's compatibility form (NFKC, so that
   * a no-break space or full-width letters read as what they look like), its spaces collapsed and stripped, checked
   * both as typed and so written. Refused when it is {@value AlarmTransition#SYSTEM}, the name of what the gateway
   * does on its own. (Letters of other scripts that look alike, a Cyrillic 'ѕ' say, are not caught.)
   */
  static String userName(JsonObject action) {
    String typed = required(action, "user"); // a line break is refused, not made a space
    String user = checked("user", SPACES.matcher(Normalizer.normalize(typed, Normalizer.Form.NFKC)).replaceAll(" ")
        .strip()); // again: the form may be longer, or only spaces
    String seen = user.replace(Character.toString(NON_JOINER), "").replace(Character.toString(JOINER), "");
    if (seen.equalsIgnoreCase(AlarmTransition.SYSTEM)) {
      throw new IllegalArgumentException("'user' cannot be '" + seen + "': the audit trail's name for the gateway");
    }
    return user;
  }

  /** {@code text}, the value of {@code key}, unless blank, too long or holding characters that forge or hide text. */
  private static String checked(String key, String text) {
    if (text.isBlank() || text.length() > MAX_TEXT) {
      throw notText(key);
    }
    int[] codePoints = text.codePoints().toArray();
    for (int i = 0; i < codePoints.length; i++) {
      int codePoint = codePoints[i];
      boolean joinsLetters = (codePoint == NON_JOINER || codePoint == JOINER) && i > 0 && i < codePoints.length - 1
          && Character.isLetter(codePoints[i - 1]) && Character.isLetter(codePoints[i + 1]);
      if (!joinsLetters && (forgesText(codePoint) || invisible(codePoint))) {
        throw new IllegalArgumentException("'" + key + "' must not hold control or invisible characters (line breaks,"
            + " escapes, direction marks, fillers)");
      }
    }
    return text;
  }

  private static boolean forgesText(int codePoint) {
    int type = Character.getType(codePoint);
    return Character.isISOControl(codePoint) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  /**
   * Unicode's default-ignorable code points that are not format characters (which {@link #forgesText} refuses), and
   * the blank Braille cell: each shows nothing, so "system" followed by one reads as "system".
   */
  private static boolean invisible(int codePoint) {
    return codePoint == 0x034F || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x17B4
        || codePoint == 0x17B5 || codePoint >= 0x180B && codePoint <= 0x180F || codePoint == 0x2800
        || codePoint == 0x3164 || codePoint >= 0xFE00 && codePoint <= 0xFE0F || codePoint == 0xFFA0
        || codePoint >= 0xFFF0 && codePoint <= 0xFFF8 || codePoint >= 0xE0100 && codePoint <= 0xE01EF;
  }

  private static IllegalArgumentException notText(String key) {
    return new IllegalArgumentException("'" + key + "' is required (a non-empty string of at most " + MAX_TEXT
        + " characters)");
  }
}
