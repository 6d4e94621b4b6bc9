package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.StateJson;

/**
 * How often each parameter of one patient is reported: the longer of the times between its last three values, as the
 * gateway received them, so that one reading between two of a cuff's own (a nurse's manual one) does not make the cuff
 * look like a stream for the 15 minutes to its next. A parameter falls silent when no value came for the no-data
 * time, or for {@value #MISSED_REPORTS} of its intervals when that is longer, up to a cap: a monitor reporting once a
 * minute over HL7, or a cuff measuring every 15 minutes, is not silent 30 s after each report, while a bedside stream
 * once a second still is at 30 s. Until a parameter's second value its interval is taken to be
 * {@link ClinicalRules#firstReportInterval()} (a minute by default, as monitors report over HL7): a new patient of such
 * a monitor is not silent before its second report either, while a stream's second value comes within a second and
 * sets its own.
 *
 * <p>Millisecond counts in an array, not {@link Duration}s: a value of every frame passes here. Not thread-safe: owned
 * by its patient's {@link PatientMeasurements}.
 */
final class ReportIntervals {

  /** Reports a parameter may miss before it is silent. */
  static final int MISSED_REPORTS = 3;
  private static final Parameter[] PARAMETERS = Parameter.values();
  /** Report intervals below this go unsaid to the dashboard ({@link #seldomSeconds}). */
  static final long SAID_FROM = 15_000;

  /** By parameter ordinal, the last interval; 0 before a parameter's second value. */
  private final long[] millis = new long[PARAMETERS.length];
  /** By parameter ordinal, the interval before the last; 0 before a parameter's third value. */
  private final long[] previousMillis = new long[PARAMETERS.length];

  /**
   * Notes the interval from {@code previous} (the value held, or {@code null}) to {@code next}, of one parameter.
   * Values received together (the observation times of one HL7 message, the frames of one read) give no interval.
   */
  void note(Observation previous, Observation next) {
    long interval = previous == null ? 0
        : next.gatewayTime().toEpochMilli() - previous.gatewayTime().toEpochMilli();
    if (interval > 0) {
      int parameter = next.parameter().ordinal();
      previousMillis[parameter] = millis[parameter];
      millis[parameter] = interval;
    }
  }

  /** {@code parameter} is no longer measured: a measurement started again has its interval taken afresh. */
  void forget(Parameter parameter) {
    millis[parameter.ordinal()] = 0;
    previousMillis[parameter.ordinal()] = 0;
  }

  /**
   * How long, in milliseconds, {@code parameter} may go without a value before it is silent: the no-data time, or
   * {@value #MISSED_REPORTS} of its report interval when longer, at most the cap ({@code rules}).
   */
  long silentAfterMillis(Parameter parameter, ClinicalRules rules) {
    return silentAfterMillis(intervalMillis(parameter.ordinal(), rules), rules);
  }

  /**
   * How long, in milliseconds, something reported every {@code intervalMillis} (0: not known, taken as
   * {@link ClinicalRules#firstReportInterval()}) may go without a report before it is silent: the no-data time, or
   * {@value #MISSED_REPORTS} of its interval when longer, at most the cap ({@code rules}).
   */
  static long silentAfterMillis(long intervalMillis, ClinicalRules rules) {
    long interval = intervalMillis > 0 ? intervalMillis : rules.firstReportInterval().toMillis();
    long cap = rules.maxNoDataAfter().toMillis();
    long missed = Math.min(interval, cap) * MISSED_REPORTS;
    return Math.max(rules.noDataAfter().toMillis(), Math.min(missed, cap));
  }

  /**
   * The report interval, in whole seconds by parameter ordinal, of each {@code reported} parameter reported every
   * {@value #SAID_FROM} ms or less often (its first interval taken as {@link #silentAfterMillis} takes it), 0 for the
   * others; {@code null} when there is none, a stream's usual case, so that nothing is made for it. The dashboard
   * shows a value stale once it is overdue by its own interval, not after a stream's 15 s.
   */
  int[] seldomSeconds(Map<Parameter, ?> reported, ClinicalRules rules) {
    int[] seconds = null;
    for (Parameter parameter : PARAMETERS) {
      if (reported.containsKey(parameter)) {
        long interval = intervalMillis(parameter.ordinal(), rules);
        if (interval >= SAID_FROM) {
          seconds = seconds != null ? seconds : new int[PARAMETERS.length];
          seconds[parameter.ordinal()] = (int) Math.min(interval / 1000, Integer.MAX_VALUE);
        }
      }
    }
    return seconds;
  }

  /** The report interval of the parameter of {@code ordinal}: the longer of its last two, else the first's. */
  private long intervalMillis(int ordinal, ClinicalRules rules) {
    long longer = Math.max(millis[ordinal], previousMillis[ordinal]);
    return longer > 0 ? longer : rules.firstReportInterval().toMillis();
  }

  /**
   * {@code {"PULSE": 60000, ...}}: the intervals known, in milliseconds, for the patient's stored state; the longer of
   * the last two, which a member taking the patient over takes as the last (as members before it wrote it).
   */
  JsonObject toState() {
    JsonObject state = new JsonObject();
    for (Parameter parameter : PARAMETERS) {
      long longer = Math.max(millis[parameter.ordinal()], previousMillis[parameter.ordinal()]);
      if (longer > 0) {
        state.put(parameter.name(), longer);
      }
    }
    return state;
  }

  /** The intervals {@link #toState()} wrote; none from a state written before they were kept ({@code null}). */
  static ReportIntervals fromState(JsonObject state) {
    ReportIntervals intervals = new ReportIntervals();
    if (state != null) {
      state.forEach(entry -> intervals.millis[StateJson.named(Parameter.class, entry.getKey(), "reportIntervals")
          .ordinal()] = ((Number) entry.getValue()).longValue());
    }
    return intervals;
  }
}
