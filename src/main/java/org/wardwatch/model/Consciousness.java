package org.wardwatch.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Level of consciousness on the ACVPU scale, as charted by the clinician for the National Early Warning Score.
 *
 * <p>In NEWS2 Alert scores 0; new confusion, response to voice only, response to pain only and unresponsiveness all
 * score 3. "New" confusion is the clinician's judgement (new-onset or worsening disorientation, delirium or confusion):
 * confusion known to be longstanding is charted as {@link #A}, so {@link #C} always scores.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>Clinical source: Royal College of Physicians, <i>National Early Warning Score (NEWS) 2: Standardising the
 * assessment of acute-illness severity in the NHS</i>, updated report of a working party, London: RCP, 2017, chart 1.
 */
public enum Consciousness {
  /** Alert: eyes open spontaneously, responds to voice, has motor function. */
  A("Alert"),
  /** New confusion: new-onset or worsening disorientation, delirium or confusion. */
  C("New confusion"),
  /** Responds to voice only. */
  V("Voice"),
  /** Responds to pain only. */
  P("Pain"),
  /** Unresponsive. */
  U("Unresponsive");

  private static final String ALLOWED = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));

  private final String label;

  Consciousness(String label) {
    this.label = label;
  }

  /** The level as clinicians name it ("Alert", "New confusion", "Voice", "Pain", "Unresponsive"). */
  public String label() {
    return label;
  }

  /** True for {@link #A}, the only level that scores 0. */
  public boolean isAlert() {
    return this == A;
  }

  /**
   * The level for one ACVPU letter, case-insensitive; surrounding blanks are ignored.
   *
   * @throws IllegalArgumentException when {@code letter} is not exactly one of A, C, V, P, U
   */
  public static Consciousness parse(String letter) {
    if (letter != null) {
      String trimmed = letter.strip();
      for (Consciousness level : values()) {
        if (level.name().equalsIgnoreCase(trimmed)) {
          return level;
        }
      }
    }
    String given = letter == null ? "nothing" : "'" + letter + "'";
    throw new IllegalArgumentException(
        "Consciousness (ACVPU) must be one of the letters " + ALLOWED + ", got " + given);
  }
}
