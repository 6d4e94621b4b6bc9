package org.wardwatch.clinical;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.model.DeviceClock;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

/**
 * The last hour of each patient, for the dashboard's trend view: per parameter, ten-second buckets of the accepted
 * observations (a {@link TrendRing}, allocated at the parameter's first value), and the patient's latest
 * {@value #MAX_EVENTS} alarm transitions. The window is the bucket {@code now} falls in and the 359 before it.
 *
 * <p>Observations go in by their own time: one older than the window is ignored, one older than the newest bucket but
 * inside the window updates its bucket, and one more than {@link DeviceClock#MAX_AHEAD} ahead of the engine's clock is
 * ignored too (the parsers refuse such a time against their own node's clock; a device clock that far off would
 * otherwise push real values out of the ring).
 *
 * <p>Pure, with time passed in. Owned by {@link WardState} and so by the clinical engine verticle: not thread-safe, it
 * lives on that verticle's event loop. Memory is bounded per patient (at most about 7 KB a parameter, allocated in
 * five-minute chunks as values come, plus the transitions: their encoded JSON in one {@link ChunkedLog} for all
 * patients, at most 64 MB, and per patient an {@link EventIndex} of where they are; no object per transition that
 * every young collection would copy while it is kept).
 */
public final class VitalsHistory {

  /** The longest window a query may ask for, and the span kept. */
  public static final int WINDOW_MINUTES = 60;
  /** The width of one bucket. */
  public static final int BUCKET_SECONDS = 10;
  /** The most alarm transitions kept per patient; older ones go first. */
  public static final int MAX_EVENTS = 500;
  /** The most bytes of alarm transitions kept for all patients together; older ones go first. */
  static final long MAX_EVENT_BYTES = 64L * ChunkedLog.CHUNK_BYTES;
  private static final Parameter[] PARAMETERS = Parameter.values();
  /** The rings of a patient with none. */
  private static final TrendRing[] NO_RINGS = new TrendRing[PARAMETERS.length];

  /** Each patient's rings, by {@link Parameter#ordinal()} (null until the parameter's first value). */
  private final Map<String, TrendRing[]> trends = new HashMap<>();
  private final Map<String, EventIndex> events = new HashMap<>();
  private final ChunkedLog transitionLog = new ChunkedLog(MAX_EVENT_BYTES);

  /** Adds the accepted observations of {@code patient} to their buckets (the class description says what is kept). */
  public void record(String patient, List<Observation> observations, Instant now) {
    long nowMillis = now.toEpochMilli();
    long oldest = windowStartMillis(WINDOW_MINUTES, nowMillis);
    long newest = nowMillis + DeviceClock.MAX_AHEAD.toMillis();
    TrendRing[] rings = null;
    for (int i = 0; i < observations.size(); i++) { // by index: the JIT kept an iterator per frame
      Observation observation = observations.get(i);
      long at = observation.effectiveTime().toEpochMilli();
      if (at >= oldest && at <= newest) {
        if (rings == null) {
          rings = trends.computeIfAbsent(patient, key -> new TrendRing[PARAMETERS.length]);
        }
        int slot = observation.parameter().ordinal();
        if (rings[slot] == null) {
          rings[slot] = new TrendRing();
        }
        rings[slot].add(at, observation.value().floatValue());
      }
    }
  }

  /** Forgets everything kept of {@code patient} (a patient another node owns now). */
  public void forget(String patient) {
    trends.remove(patient);
    events.remove(patient); // its transitions stay in the log until their chunks go
  }

  /** Keeps {@code transitions} of {@code patient}, dropping those older than the window and beyond the cap. */
  public void recordEvents(String patient, List<AlarmTransition> transitions, Instant now) {
    if (transitions.isEmpty()) {
      return;
    }
    EventIndex kept = events.computeIfAbsent(patient, key -> new EventIndex(MAX_EVENTS));
    for (AlarmTransition transition : transitions) {
      long at = transition.at().toEpochMilli();
      kept.add(at, transitionLog.append(at, transition.toJson().toBuffer()));
    }
    long start = windowStartMillis(WINDOW_MINUTES, now.toEpochMilli());
    kept.dropBefore(start);
    transitionLog.dropBefore(start);
  }

  /**
   * The last {@code minutes} of {@code patient}: {@code {"from", "to", "bucketSeconds", "series": {"PULSE":
   * [[epochMillis, last, min, max], ...], ...}, "events": [transition, ...]}}, oldest first. {@code from} is the start
   * of the oldest bucket, {@code to} is {@code now}; {@code series} names only parameters with data in the window, and
   * each event is the transition's JSON as published.
   *
   * @throws IllegalArgumentException when {@code minutes} is not from 1 to {@value #WINDOW_MINUTES}
   */
  public JsonObject toJson(String patient, int minutes, Instant now) {
    if (minutes < 1 || minutes > WINDOW_MINUTES) {
      throw new IllegalArgumentException("minutes must be from 1 to " + WINDOW_MINUTES + ", got " + minutes);
    }
    Instant from = windowStart(minutes, now);
    long firstBucket = TrendRing.bucketOf(from.toEpochMilli());
    long lastBucket = TrendRing.bucketOf(now.toEpochMilli());
    JsonObject series = new JsonObject();
    TrendRing[] rings = trends.getOrDefault(patient, NO_RINGS);
    for (Parameter parameter : PARAMETERS) {
      TrendRing ring = rings[parameter.ordinal()];
      JsonArray points = ring == null ? null : ring.points(firstBucket, lastBucket);
      if (points != null && !points.isEmpty()) {
        series.put(parameter.name(), points);
      }
    }
    JsonArray recent = new JsonArray();
    EventIndex kept = events.get(patient);
    if (kept != null) {
      kept.forEachBetween(from.toEpochMilli(), now.toEpochMilli(), position -> {
        Buffer event = transitionLog.read(position);
        if (event != null) { // else dropped to keep all patients' transitions within MAX_EVENT_BYTES
          recent.add(event.toJsonObject());
        }
      });
    }
    return new JsonObject().put("from", from).put("to", now).put("bucketSeconds", BUCKET_SECONDS)
        .put("series", series).put("events", recent);
  }

  /** The start of the oldest of the {@code minutes * 6} buckets that end with the one {@code now} falls in. */
  private static Instant windowStart(int minutes, Instant now) {
    return Instant.ofEpochMilli(windowStartMillis(minutes, now.toEpochMilli()));
  }

  private static long windowStartMillis(int minutes, long nowMillis) {
    long buckets = minutes * 60L / BUCKET_SECONDS;
    return (TrendRing.bucketOf(nowMillis) - buckets + 1) * TrendRing.BUCKET_MILLIS;
  }
}
