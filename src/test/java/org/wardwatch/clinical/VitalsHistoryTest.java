package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.at;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmState;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.Priority;

/**
 * The trend store: ten-second buckets over the last hour, kept by observation time, and the recent transitions. Times
 * count from {@link WardStateFixtures#T0}, on a bucket boundary, so second {@code s} after it falls in bucket
 * {@code s / 10}.
 */
class VitalsHistoryTest {

  private static final DeviceIdentity BED = new DeviceIdentity("mon-1", "P1", "1", "icu");

  private final VitalsHistory history = new VitalsHistory();

  @Test
  void valuesInOneBucketKeepTheLatestTheLowestAndTheHighest() {
    record(Parameter.PULSE, "80@1", "95@4", "70@7", "88@12");
    record(Parameter.TEMPERATURE, "36.6@12");

    JsonObject series = series(60, at(15));

    assertEquals("[[" + millis(7) + ",70.0,70.0,95.0],[" + millis(12) + ",88.0,88.0,88.0]]",
        series.getJsonArray("PULSE").encode());
    assertEquals("[[" + millis(12) + ",36.6,36.6,36.6]]", series.getJsonArray("TEMPERATURE").encode());
    assertEquals(List.of("PULSE", "TEMPERATURE"), List.copyOf(series.fieldNames()), "only parameters with data");
  }

  @Test
  void lateObservationInsideTheWindowUpdatesItsOwnBucket() {
    record(Parameter.SPO2, "97@25", "91@5", "88@2", "93@3");

    assertEquals("[[" + millis(5) + ",91.0,88.0,93.0],[" + millis(25) + ",97.0,97.0,97.0]]",
        series(60, at(30)).getJsonArray("SPO2").encode());
  }

  @Test
  void observationOlderThanTheHourIsIgnoredAndBucketsLeaveTheWindowAsTimePasses() {
    Instant now = at(3600);
    history.record("P1", List.of(observation(Parameter.PULSE, "60", at(10).minusMillis(1))), now);
    history.record("P1", List.of(observation(Parameter.PULSE, "61", at(10))), now);
    history.record("P1", List.of(observation(Parameter.PULSE, "62", at(3595))), now);

    assertEquals("[[" + millis(10) + ",61.0,61.0,61.0],[" + millis(3595) + ",62.0,62.0,62.0]]",
        series(60, now).getJsonArray("PULSE").encode());
    assertEquals("[[" + millis(3595) + ",62.0,62.0,62.0]]", series(60, at(3610)).getJsonArray("PULSE").encode());
    assertEquals("[[" + millis(3595) + ",62.0,62.0,62.0]]", series(1, now).getJsonArray("PULSE").encode());
    assertEquals(new JsonObject(), series(1, at(3660)), "a minute later nothing is left in a one-minute window");
  }

  @Test
  void ringWrapsAfterAnHourWithoutShowingTheEarlierHour() {
    for (int second = 0; second < 5400; second += 10) {
      Observation rate = observation(Parameter.RESP_RATE, String.valueOf(second / 10 % 40), at(second));
      history.record("P1", List.of(rate), at(second));
    }

    JsonArray points = series(60, at(5390)).getJsonArray("RESP_RATE");

    assertEquals(360, points.size());
    assertEquals("[" + millis(1800) + ",20.0,20.0,20.0]", points.getJsonArray(0).encode());
    assertEquals("[" + millis(5390) + ",19.0,19.0,19.0]", points.getJsonArray(359).encode());
  }

  @Test
  void slotTakenByAnHourLaterIsNotOverwrittenByTheEarlierBucket() {
    Instant now = at(3600);
    history.record("P1", List.of(observation(Parameter.PULSE, "70", at(3650))), now);
    history.record("P1", List.of(observation(Parameter.PULSE, "50", at(50))), now);

    assertEquals(new JsonObject(), series(60, now), "the earlier bucket's slot belongs to a later one");
    assertEquals("[[" + millis(3650) + ",70.0,70.0,70.0]]", series(60, at(3650)).getJsonArray("PULSE").encode());
  }

  @Test
  void observationMoreThanAMinuteAheadOfTheGatewayClockIsIgnored() {
    history.record("P1", List.of(observation(Parameter.PULSE, "70", at(60))), T0);
    history.record("P1", List.of(observation(Parameter.PULSE, "71", at(61))), T0);

    assertEquals("[[" + millis(60) + ",70.0,70.0,70.0]]", series(60, at(70)).getJsonArray("PULSE").encode());
  }

  @Test
  void memoryStaysBoundedWhateverTheFrameRate() {
    for (int tenth = 0; tenth < 72_000; tenth++) {
      Instant time = T0.plusMillis(tenth * 100L);
      history.record("P1", List.of(observation(Parameter.PULSE, String.valueOf(60 + tenth % 100), time)), time);
    }
    for (int i = 0; i < VitalsHistory.MAX_EVENTS + 100; i++) {
      history.recordEvents("P1", List.of(transition("a" + i, at(7199))), at(7199));
    }

    JsonObject trend = history.toJson("P1", 60, at(7199));
    JsonArray points = trend.getJsonObject("series").getJsonArray("PULSE");
    assertEquals(360, points.size());
    assertEquals("[" + T0.plusMillis(71_999 * 100L).toEpochMilli() + ",159.0,60.0,159.0]",
        points.getJsonArray(359).encode());
    JsonArray events = trend.getJsonArray("events");
    assertEquals(VitalsHistory.MAX_EVENTS, events.size());
    assertEquals("a100", events.getJsonObject(0).getString("alarmId"), "the oldest go first");
  }

  @Test
  void eventsAreThePublishedJsonOfTransitionsWithinTheWindow() {
    AlarmTransition early = transition("early", T0);
    AlarmTransition middle = transition("middle", at(1800));
    history.recordEvents("P1", List.of(early), T0);
    history.recordEvents("P1", List.of(middle), at(1800));

    assertEquals(new JsonArray().add(early.toJson()).add(middle.toJson()),
        history.toJson("P1", 60, at(3000)).getJsonArray("events"));
    assertEquals(new JsonArray().add(middle.toJson()), history.toJson("P1", 30, at(3000)).getJsonArray("events"));
    history.recordEvents("P1", List.of(transition("late", at(3700))), at(3700));
    assertEquals(List.of("middle", "late"), history.toJson("P1", 60, at(3700)).getJsonArray("events").stream()
        .map(event -> ((JsonObject) event).getString("alarmId")).collect(Collectors.toList()));
  }

  @Test
  void windowIsTheLastMinutesInWholeBucketsEndingNow() {
    JsonObject trend = history.toJson("nobody", 10, at(125));

    assertEquals(at(-470).toString(), trend.getString("from"), "60 buckets, the last one holding now");
    assertEquals(at(125).toString(), trend.getString("to"));
    assertEquals(10, trend.getInteger("bucketSeconds"));
    assertEquals(new JsonObject(), trend.getJsonObject("series"));
    assertEquals(new JsonArray(), trend.getJsonArray("events"));
  }

  @Test
  void windowOutsideOneToSixtyMinutesIsRefused() {
    IntStream.of(0, 61, -1).forEach(minutes ->
        assertThrows(IllegalArgumentException.class, () -> history.toJson("P1", minutes, T0)));
  }

  /** Records each {@code "value@second"} in turn, measured and recorded at that second after {@code T0}. */
  private void record(Parameter parameter, String... valuesAtSeconds) {
    for (String valueAtSecond : valuesAtSeconds) {
      String[] parts = valueAtSecond.split("@");
      Instant time = at(Long.parseLong(parts[1]));
      history.record("P1", List.of(observation(parameter, parts[0], time)), time);
    }
  }

  private JsonObject series(int minutes, Instant now) {
    return history.toJson("P1", minutes, now).getJsonObject("series");
  }

  private static long millis(long seconds) {
    return at(seconds).toEpochMilli();
  }

  /** A value the device stamped with {@code time}, received a little later. */
  private static Observation observation(Parameter parameter, String value, Instant time) {
    return new Observation(BED, parameter, parameter.mdcCode(), new BigDecimal(value), parameter.unit(), time,
        time.plusSeconds(2), null, false);
  }

  private static AlarmTransition transition(String alarmId, Instant at) {
    return new AlarmTransition(alarmId, TransitionType.REMINDER, AlarmState.ACTIVE_ACKNOWLEDGED,
        AlarmState.ACTIVE_ACKNOWLEDGED, Priority.LOW, AlarmTransition.SYSTEM, at, "still present",
        new JsonObject().put("patient", "P1").put("ward", "icu"));
  }
}
