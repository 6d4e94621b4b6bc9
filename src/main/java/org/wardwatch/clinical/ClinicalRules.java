package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.wardwatch.clinical.alarm.AlarmPolicy;
import org.wardwatch.clinical.news2.News2Band;
import org.wardwatch.config.ConfigException;
import org.wardwatch.config.ConfigSection;
import org.wardwatch.model.Priority;

/**
 * Everything the clinical engine is configured with, read from the rules file ({@code conf/rules.json}): threshold
 * rules, the alarm policy (escalation, reminders, audio pause), NEWS2 settings and technical-alarm settings. Immutable;
 * a reload replaces it whole.
 *
 * @param news2Freshness         a vital sign older than this is missing from NEWS2
 * @param news2ChartedFreshness  a charted level of consciousness, or air or oxygen, older than this is missing from
 *                               NEWS2
 * @param news2BandPriorities    the alarm priority each NEWS2 band raises; a band set to {@code NONE} raises none
 * @param noDataAfter            a parameter silent this long raises a "no data" technical alarm, or silent for
 *                               {@value ReportIntervals#MISSED_REPORTS} of its report intervals when longer
 *                               ({@link ReportIntervals})
 * @param maxNoDataAfter         the longest a parameter reported seldom may be silent before that alarm
 * @param firstReportInterval    the report interval taken for a parameter until its second value (zero: none)
 * @param technicalPriorities    priority of each technical alarm
 */
public record ClinicalRules(ThresholdRules thresholds, AlarmPolicy policy, Duration news2Freshness,
    Duration news2ChartedFreshness, Map<News2Band, Priority> news2BandPriorities, Duration noDataAfter,
    Duration maxNoDataAfter, Duration firstReportInterval, Map<TechnicalAlarm, Priority> technicalPriorities) {

  /** The technical alarm conditions, each with its condition key. */
  public enum TechnicalAlarm {
    DISCONNECTED,
    NO_DATA,
    SENSOR_OFF,
    INVALID_SIGNAL;

    private final String conditionKey = "TECHNICAL:" + name();

    String conditionKey() {
      return conditionKey;
    }
  }

  private static final String NONE = "NONE";
  private static final Map<String, String> DEFAULT_BAND_PRIORITIES =
      Map.of("LOW", NONE, "LOW_MEDIUM", "MEDIUM", "MEDIUM", "MEDIUM", "HIGH", "HIGH");
  private static final Map<String, String> DEFAULT_TECHNICAL_PRIORITIES =
      Map.of("DISCONNECTED", "MEDIUM", "NO_DATA", "MEDIUM", "SENSOR_OFF", "MEDIUM", "INVALID_SIGNAL", "LOW");

  /** Parses and validates the whole rules document; problems name the key. */
  public static ClinicalRules fromJson(JsonObject document) {
    ConfigSection root = new ConfigSection(document, "");
    ConfigSection alarms = root.section("alarms");
    ConfigSection escalation = alarms.section("escalateAfterSeconds");
    Map<Priority, Duration> escalateAfter = new EnumMap<>(Priority.class);
    escalateAfter.put(Priority.LOW, seconds(escalation.integer("LOW", 300, 1, 86_400)));
    escalateAfter.put(Priority.MEDIUM, seconds(escalation.integer("MEDIUM", 120, 1, 86_400)));
    escalateAfter.put(Priority.HIGH, seconds(escalation.integer("HIGH", 60, 1, 86_400)));
    AlarmPolicy policy = new AlarmPolicy(escalateAfter, seconds(alarms.integer("reminderSeconds", 300, 1, 86_400)),
        seconds(alarms.integer("maxAudioPauseSeconds", 120, 1, 600)));
    ConfigSection news2 = root.section("news2");
    ConfigSection technical = root.section("technical");
    int noDataSeconds = technical.integer("noDataSeconds", 30, 1, 86_400);
    int maxNoDataSeconds = technical.integer("maxNoDataSeconds", Math.max(3600, noDataSeconds), 1, 86_400);
    if (maxNoDataSeconds < noDataSeconds) {
      throw new ConfigException("technical.maxNoDataSeconds: must be at least technical.noDataSeconds ("
          + noDataSeconds + "), got " + maxNoDataSeconds);
    }
    return new ClinicalRules(ThresholdRules.fromJson(document), policy,
        Duration.ofMinutes(news2.integer("freshnessMinutes", 60, 1, 24 * 60)),
        Duration.ofMinutes(news2.integer("chartedFreshnessMinutes", 12 * 60, 1, 24 * 60)),
        priorities(news2.section("bandPriorities"), News2Band.class, DEFAULT_BAND_PRIORITIES, true),
        seconds(noDataSeconds), seconds(maxNoDataSeconds),
        seconds(technical.integer("firstReportSeconds", 60, 0, 86_400)),
        priorities(technical.section("priorities"), TechnicalAlarm.class, DEFAULT_TECHNICAL_PRIORITIES, false));
  }

  private static Duration seconds(int seconds) {
    return Duration.ofSeconds(seconds);
  }

  /**
   * Reads a priority per constant; an absent key takes its default. With {@code noneAllowed}, {@code NONE} means no
   * alarm (a technical alarm can never be switched off).
   */
  private static <E extends Enum<E>> Map<E, Priority> priorities(ConfigSection section, Class<E> type,
      Map<String, String> defaults, boolean noneAllowed) {
    Map<E, Priority> priorities = new EnumMap<>(type);
    for (E constant : type.getEnumConstants()) {
      String priority = section.string(constant.name(), defaults.get(constant.name()),
          noneAllowed ? "LOW|MEDIUM|HIGH|NONE" : "LOW|MEDIUM|HIGH");
      if (priority != null && !priority.equals(NONE)) {
        priorities.put(constant, Priority.valueOf(priority));
      }
    }
    return priorities;
  }
}
