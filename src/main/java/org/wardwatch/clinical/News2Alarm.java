package org.wardwatch.clinical;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.wardwatch.clinical.alarm.AlarmKind;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.news2.News2Band;
import org.wardwatch.clinical.news2.News2Calculator;
import org.wardwatch.clinical.news2.News2Component;
import org.wardwatch.clinical.news2.News2Reading;
import org.wardwatch.clinical.news2.News2Score;
import org.wardwatch.model.Priority;

/**
 * A patient's NEWS2 and its alarm under one set of rules: the score read from the patient's latest values and
 * assessment, and the alarm of its band's priority ({@code news2.bandPriorities}).
 *
 * <p>A score below the alarm bands ends the alarm once it has held a minute on fresh data
 * ({@link PatientAlarms#easeOff}): a total wavering at a band's edge (5 and 4 in turn, as 1 Hz values cross a chart
 * row) would otherwise clear the alarm and raise a new one, unacknowledged, at each waver. The data is fresh while no
 * part is stale, no parameter is silent and no device disconnected; else the alarm is marked stale (also one raised
 * then) and the lower score proves nothing: a value gone stale scores as missing, so the alarm stays, and the minute
 * starts over once the data is fresh again.
 *
 * <p>Pure, with time passed in; made by {@link PatientConditions} for the rules in force, on the clinical engine's
 * event loop.
 */
final class News2Alarm {

  /** The condition key of the NEWS2 alarm. */
  static final String KEY = "NEWS2";

  private final ClinicalRules rules;
  private final News2Calculator calculator;
  private final PatientAlarms.AlarmIds alarmIds;
  /**
   * Each score's message, made once: an alarming patient's every frame reconciles the alarm with it, and scores of the
   * same points are one object ({@link News2Calculator#read}), so this holds a message per score seen, no more.
   */
  private final Map<News2Score, String> messages = new IdentityHashMap<>();

  News2Alarm(ClinicalRules rules, PatientAlarms.AlarmIds alarmIds) {
    this.rules = rules;
    this.calculator = new News2Calculator(rules.news2Freshness(), rules.news2ChartedFreshness());
    this.alarmIds = alarmIds;
  }

  /**
   * The patient's NEWS2 at {@code now}: score, whether a part is stale, and until when it holds; {@code null} while
   * NEWS2 does not apply to the patient ({@link PatientAssessment#news2Applies}).
   */
  News2Reading read(PatientRecord patient, Instant now) {
    return patient.assessment().news2Applies() ? calculator.read(patient.news2Inputs(), now) : null;
  }

  /**
   * Takes {@code reading} as the patient's score and reconciles the alarm with it; {@code heard}: nothing silent. No
   * reading (NEWS2 does not apply) leaves the patient unscored and ends any alarm left (the stop clears it in the
   * clinician's name, {@link Assessment#applyTo}).
   */
  List<AlarmTransition> rescore(PatientRecord patient, News2Reading reading, boolean heard, Instant now) {
    if (reading == null) {
      patient.scored(null);
      return patient.alarms().reconcile(KEY, AlarmKind.PHYSIOLOGICAL, null, patient.source(), rules.policy(),
          alarmIds, now);
    }
    News2Score score = reading.score();
    patient.scored(score);
    Priority priority = rules.news2BandPriorities().get(score.band());
    boolean staleParts = reading.staleParts();
    boolean disconnected = disconnected(patient);
    boolean fresh = !staleParts && heard && !disconnected;
    List<AlarmTransition> freshened = fresh ? patient.alarms().markData(KEY, false, now) : List.of();
    List<AlarmTransition> reconciled = priority != null
        ? patient.alarms().reconcile(KEY, AlarmKind.PHYSIOLOGICAL, new AlarmCondition(priority, messageOf(score)),
            patient.source(), rules.policy(), alarmIds, now)
        : !patient.alarms().isPresent(KEY) ? List.of() // the usual frame: no message made for no alarm
        : patient.alarms().easeOff(KEY, messageOf(score), fresh, now);
    List<AlarmTransition> staled = fresh ? List.of() : patient.alarms().markData(KEY, true, now); // one just raised too
    if (freshened.isEmpty() && staled.isEmpty()) { // the usual frame: no list made to join them
      return reconciled;
    }
    List<AlarmTransition> transitions = new ArrayList<>(freshened);
    transitions.addAll(reconciled);
    transitions.addAll(staled);
    return transitions;
  }

  /** When a lower score's end will count and end the patient's alarm ({@link PatientAlarms#easeOff}), or empty. */
  Optional<Instant> endsAt(PatientRecord patient) {
    return patient.alarms().endCountsAt(KEY);
  }

  private String messageOf(News2Score score) {
    return messages.computeIfAbsent(score, News2Alarm::message);
  }

  /**
   * {@code NEWS2 6 (medium, partial)}; for the low-medium band, which a single red score sets, what scored it:
   * {@code NEWS2 3 (low-medium: Consciousness scored 3)}.
   */
  private static String message(News2Score score) {
    String red = score.band() != News2Band.LOW_MEDIUM ? ""
        : score.redComponents().stream().map(News2Component::label).collect(Collectors.joining(" and ", ": ",
            " scored 3"));
    return "NEWS2 " + score.total() + " (" + score.band().wireName() + red + (score.partial() ? ", partial" : "")
        + ")";
  }

  private static boolean disconnected(PatientRecord patient) {
    return !patient.devices().problems(ClinicalRules.TechnicalAlarm.DISCONNECTED).isEmpty();
  }
}
