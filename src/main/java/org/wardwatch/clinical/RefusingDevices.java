package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A patient's devices that sent frames with values refused (some or all), by when their last such frames came, so
 * that a device's invalid-signal condition stands while it sends them, though another device reports what it did, or it
 * never sent a value recorded: not silent, by its interval between them, as the no-data alarm judges a parameter's
 * ({@link ReportIntervals}: three intervals, the longer of the last two, at least the no-data time). Owned by the
 * patient's {@link PatientDevices}; not thread-safe.
 */
final class RefusingDevices {

  private final Map<String, Deliveries> byDevice = new LinkedHashMap<>();

  /**
   * When a device's last three deliveries of frames with values refused came, the latest last; the earlier two
   * {@code null} until there were as many.
   */
  private record Deliveries(Instant earlier, Instant previous, Instant latest) {

    /** These, after a delivery at {@code receivedAt}; frames received at once are one delivery. */
    Deliveries next(Instant receivedAt) {
      return receivedAt.isAfter(latest) ? new Deliveries(previous, latest, receivedAt) : this;
    }

    /**
     * The longer of the last two intervals between deliveries, in milliseconds (0 when not known), so that refusals
     * that come in pairs (two messages back to back each minute) are judged by the minute, not the moment between.
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
   * (the reports of one HL7 message, the frames of one read) are one delivery.
   */
  void sentRefused(String device, Instant receivedAt) {
    Deliveries deliveries = byDevice.get(device);
    byDevice.put(device, deliveries == null ? new Deliveries(null, null, receivedAt) : deliveries.next(receivedAt));
  }

  /** True while {@code device} still sends frames with values refused at {@code now}. */
  boolean sends(String device, Instant now, ClinicalRules rules) {
    Deliveries deliveries = byDevice.get(device);
    return deliveries != null && now.toEpochMilli() <= deliveries.latest().toEpochMilli()
        + ReportIntervals.silentAfterMillis(deliveries.intervalMillis(), rules);
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
   * Forgets the devices whose invalid-signal condition no longer stands and whose latest such frame came before
   * {@code cutoff}; kept until then, a device whose refused frames come again is judged by its intervals so far (two
   * messages back to back each minute, by the minute).
   */
  void forget(Collection<String> standing, Instant cutoff) {
    byDevice.entrySet().removeIf(device -> !standing.contains(device.getKey())
        && !device.getValue().latest().isAfter(cutoff));
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
