package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A patient's devices whose invalid-signal condition stands, by when their last frames with values refused (some or
 * all) came, so that the condition stands while a device sends them, though another device reports what it did, or it
 * never sent a value recorded: not silent, by its interval between them, as the no-data alarm judges a parameter's
 * ({@link ReportIntervals}: three intervals, the longer of the last two, at least the no-data time, the first taken as
 * the first-report interval). Deliveries less than {@value #ONE_DELIVERY_MILLIS} ms apart are one (a message and its
 * retries), and one after the device's window has passed starts afresh. Owned by the patient's {@link PatientDevices};
 * not thread-safe.
 */
final class RefusingDevices {

  /** Deliveries closer than this are one: a refused HL7 message and its sender's retries, a burst of frames. */
  static final long ONE_DELIVERY_MILLIS = 500;

  private final Map<String, Deliveries> byDevice = new LinkedHashMap<>();

  /**
   * When a device's last three deliveries of frames with values refused came, the latest last; the earlier two
   * {@code null} until there were as many.
   */
  private record Deliveries(Instant earlier, Instant previous, Instant latest) {

    /** These, after a delivery at {@code receivedAt}: one with the latest when less than a delivery apart. */
    Deliveries next(Instant receivedAt) {
      if (!receivedAt.isAfter(latest)) {
        return this; // received at once, or delivered late
      }
      return Duration.between(latest, receivedAt).toMillis() < ONE_DELIVERY_MILLIS
          ? new Deliveries(earlier, previous, receivedAt) : new Deliveries(previous, latest, receivedAt);
    }

    /** True while the device sends such frames at {@code now}. */
    boolean sendAt(Instant now, ClinicalRules rules) {
      return now.toEpochMilli() <= latest.toEpochMilli() + ReportIntervals.silentAfterMillis(intervalMillis(), rules);
    }

    /**
     * The longer of the last two intervals between deliveries, in milliseconds (0 when not known), so that a device
     * whose refused messages come every minute, and one at times between, is judged by the minute.
     */
    long intervalMillis() {
      long last = previous == null ? 0 : Duration.between(previous, latest).toMillis();
      return earlier == null ? last : Math.max(last, Duration.between(earlier, previous).toMillis());
    }

    JsonArray toState() {
      return new JsonArray().add(earlier == null ? null : earlier.toString())
          .add(previous == null ? null : previous.toString()).add(latest.toString());
    }
  }

  /**
   * {@code device}'s frame for the patient, received at {@code receivedAt}, had values refused; frames received at once
   * (the reports of one HL7 message, the frames of one read) are one delivery, and so are those less than
   * {@value #ONE_DELIVERY_MILLIS} ms apart; one received once the device's window has passed starts afresh.
   */
  void sentRefused(String device, Instant receivedAt, ClinicalRules rules) {
    Deliveries deliveries = byDevice.get(device);
    byDevice.put(device, deliveries != null && deliveries.sendAt(receivedAt, rules) ? deliveries.next(receivedAt)
        : new Deliveries(null, null, receivedAt));
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

  /** Forgets every device but {@code standing}, those whose invalid-signal condition stands. */
  void retainOnly(Collection<String> standing) {
    byDevice.keySet().retainAll(standing);
  }

  /**
   * Puts these into a patient's stored state as {@code sendingRefused}: device id to the times of its last three
   * deliveries, the latest last, the earlier ones null until there were as many; left out when none.
   */
  void writeTo(JsonObject state) {
    if (!byDevice.isEmpty()) {
      JsonObject sending = new JsonObject();
      byDevice.forEach((device, deliveries) -> sending.put(device, deliveries.toState()));
      state.put("sendingRefused", sending);
    }
  }

  /**
   * The devices {@link #writeTo} wrote into {@code state}.
   *
   * @throws IllegalArgumentException when one's times are not three, the latest given
   */
  static RefusingDevices fromState(JsonObject state) {
    RefusingDevices devices = new RefusingDevices();
    JsonObject sending = state.getJsonObject("sendingRefused");
    if (sending != null) {
      sending.fieldNames().forEach(device -> {
        JsonArray times = sending.getJsonArray(device);
        if (times == null || times.size() != 3 || times.getValue(2) == null) {
          throw new IllegalArgumentException(
              "'sendingRefused' must map '" + device + "' to [earlier or null, previous or null, latest]");
        }
        devices.byDevice.put(device, new Deliveries(times.getInstant(0), times.getInstant(1), times.getInstant(2)));
      });
    }
    return devices;
  }
}
