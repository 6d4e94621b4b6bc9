package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The devices of one patient that one technical condition holds for, in order of their ids, each with a detail: the
 * disconnected devices ("", or when the connection closed in a state stored by an earlier version) or the devices whose
 * frames were refused (the reason). What the condition's alarm names, each device a part of it ({@link DeviceAlarms}).
 * Owned by the patient's {@link PatientRecord}; not thread-safe.
 */
final class DeviceProblems {

  private final SortedMap<String, String> details = new TreeMap<>();

  /** Notes the condition holds for {@code device}, with {@code detail} (never null; empty for none). */
  void put(String device, String detail) {
    details.put(Objects.requireNonNull(device, "device"), Objects.requireNonNull(detail, "detail"));
  }

  /** Forgets the condition of {@code device} (null: a frame or value that named none); true when it held. */
  boolean remove(String device) {
    return device != null && details.remove(device) != null;
  }

  /** Forgets the condition of each device {@code gone} says; true when one held. */
  boolean removeIf(Predicate<String> gone) {
    return details.keySet().removeIf(gone);
  }

  /** True when the condition holds for {@code device} (null: a frame or value that named none). */
  boolean contains(String device) {
    return device != null && details.containsKey(device);
  }

  boolean isEmpty() {
    return details.isEmpty();
  }

  /** The devices' ids, in order (a view). */
  Set<String> ids() {
    return Collections.unmodifiableSet(details.keySet());
  }

  /** Each device's detail, by id in order (a view). */
  Map<String, String> details() {
    return Collections.unmodifiableMap(details);
  }

  /** The devices and their details, for the patient's stored state. */
  JsonObject toState() {
    JsonObject state = new JsonObject();
    details.forEach(state::put);
    return state;
  }

  /**
   * The devices {@link #toState} wrote; for a state written before they were kept ({@code null}), {@code fallback}
   * (the device of the condition's alarm, without a detail) or none.
   */
  static DeviceProblems fromState(JsonObject state, String fallback) {
    DeviceProblems read = new DeviceProblems();
    if (state == null) {
      if (fallback != null) {
        read.put(fallback, "");
      }
      return read;
    }
    state.forEach(entry -> {
      if (!(entry.getValue() instanceof String detail)) {
        throw new IllegalArgumentException("'" + entry.getKey() + "' must map to a text, got " + entry.getValue());
      }
      read.put(entry.getKey(), detail);
    });
    return read;
  }
}
