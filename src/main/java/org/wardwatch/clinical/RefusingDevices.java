package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A patient's devices that sent frames with values refused (some or all), by when their last such deliveries came, so
 * that a device's invalid-signal condition stands while it sends them, though another device reports what it did, or it
 * never sent a value recorded: not silent, as the no-data alarm judges a parameter ({@link ReportIntervals}), for three
 * of its intervals between deliveries, at least the no-data time, the first taken as the first-report interval; the
 * interval is the longest of its last {@value #INTERVALS}, so that a refused message and its sender's retries each
 * minute are judged by the minute. A device is remembered while such a window can reach back to its latest delivery (up
 * to {@link ClinicalRules#maxNoDataAfter}), so that one whose refusals come every five minutes is judged by the five
 * minutes from its second, though its condition ended after its first; not once a frame of it is recorded whole. Owned
 * by the patient's {@link PatientDevices}; not thread-safe.
 */
final class RefusingDevices {

  /** How many of a device's intervals between deliveries its window is judged by, the longest. */
  static final int INTERVALS = 4;

  private final Map<String, Deliveries> byDevice = new LinkedHashMap<>();

  /** When a device's last deliveries of refused frames came, at most {@value #INTERVALS} + 1, oldest first. */
  private record Deliveries(List<Instant> times) {

    Instant latest() {
      return times.get(times.size() - 1);
    }

    /** These, after a delivery at {@code receivedAt}; frames received at once, or delivered late, add none. */
    Deliveries next(Instant receivedAt) {
      if (!receivedAt.isAfter(latest())) {
        return this;
      }
      List<Instant> next = new ArrayList<>(times.subList(Math.max(0, times.size() - INTERVALS), times.size()));
      next.add(receivedAt);
      return new Deliveries(List.copyOf(next));
    }

    /** The longest of the intervals between these deliveries, in milliseconds; 0 when not known (only one). */
    long intervalMillis() {
      long longest = 0;
      for (int i = 1; i < times.size(); i++) {
        longest = Math.max(longest, Duration.between(times.get(i - 1), times.get(i)).toMillis());
      }
      return longest;
    }

    /** True while the device sends such frames at {@code now}. */
    boolean sendAt(Instant now, ClinicalRules rules) {
      return now.toEpochMilli()
          <= latest().toEpochMilli() + ReportIntervals.silentAfterMillis(intervalMillis(), rules);
    }
  }

  /**
   * {@code device}'s frame for the patient, received at {@code receivedAt}, had values refused; frames received at once
   * (the reports of one HL7 message, the frames of one read) are one delivery, and one more than {@code remembered}
   * after the device's last is its first.
   */
  void sentRefused(String device, Instant receivedAt, Duration remembered) {
    Deliveries deliveries = byDevice.get(device);
    byDevice.put(device, deliveries == null || deliveries.latest().plus(remembered).isBefore(receivedAt)
        ? new Deliveries(List.of(receivedAt)) : deliveries.next(receivedAt));
  }

  /** A frame of {@code device} was recorded whole: its refused frames so far are not its interval's to judge by. */
  void recordedWhole(String device) {
    if (!byDevice.isEmpty()) {
      byDevice.remove(device);
    }
  }

  boolean isEmpty() {
    return byDevice.isEmpty();
  }

  /** True while {@code device} still sends frames with values refused at {@code now}. */
  boolean sends(String device, Instant now, ClinicalRules rules) {
    Deliveries deliveries = byDevice.get(device);
    return deliveries != null && deliveries.sendAt(now, rules);
  }

  /** The first of {@code devices} that still sends frames with values refused at {@code now}; null when none does. */
  String sending(Collection<String> devices, Instant now, ClinicalRules rules) {
    for (String device : devices) {
      if (sends(device, now, rules)) {
        return device;
      }
    }
    return null;
  }

  /**
   * True when {@code device} sent a frame with values refused received after {@code receivedAt} (null: not known), by
   * the clocks of the nodes that read them.
   */
  boolean sentAfter(String device, Instant receivedAt) {
    Deliveries deliveries = byDevice.get(device);
    return deliveries != null && receivedAt != null && deliveries.latest().isAfter(receivedAt);
  }

  /**
   * Forgets the devices whose invalid-signal condition no longer stands, but for {@code standing}, and whose latest
   * delivery came before {@code cutoff}.
   */
  void forget(Collection<String> standing, Instant cutoff) {
    byDevice.entrySet().removeIf(device -> !standing.contains(device.getKey())
        && device.getValue().latest().isBefore(cutoff));
  }

  /**
   * Puts these into a patient's stored state as {@code sendingRefused}: device id to the times of its last deliveries,
   * oldest first; left out when none.
   */
  void writeTo(JsonObject state) {
    if (!byDevice.isEmpty()) {
      JsonObject sending = new JsonObject();
      byDevice.forEach((device, deliveries) ->
          sending.put(device, new JsonArray(deliveries.times().stream().map(Instant::toString).toList())));
      state.put("sendingRefused", sending);
    }
  }

  /**
   * The devices {@link #writeTo} wrote into {@code state}.
   *
   * @throws IllegalArgumentException when one's times are not 1 to {@value #INTERVALS} + 1 instants
   */
  static RefusingDevices fromState(JsonObject state) {
    RefusingDevices devices = new RefusingDevices();
    JsonObject sending = state.getJsonObject("sendingRefused");
    if (sending != null) {
      sending.fieldNames().forEach(device -> {
        JsonArray times = sending.getJsonArray(device);
        if (times == null || times.isEmpty() || times.size() > INTERVALS + 1) {
          throw malformed(device);
        }
        List<Instant> read = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
          if (times.getValue(i) == null) {
            throw malformed(device);
          }
          read.add(times.getInstant(i));
        }
        devices.byDevice.put(device, new Deliveries(List.copyOf(read)));
      });
    }
    return devices;
  }

  private static IllegalArgumentException malformed(String device) {
    return new IllegalArgumentException(
        "'sendingRefused' must map '" + device + "' to 1 to " + (INTERVALS + 1) + " times, oldest first");
  }
}
