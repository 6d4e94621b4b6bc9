package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.wardwatch.model.StateJson;

/**
 * The devices of one patient whose connections ended while the patient was monitored through them, in order of their
 * ids: what the patient's disconnection alarm names ({@link DeviceAlarms}). Owned by the patient's
 * {@link PatientRecord}; not thread-safe.
 */
final class DisconnectedDevices {

  private final SortedSet<String> devices = new TreeSet<>();

  /** Notes {@code device}'s connection ended; true unless it was noted already. */
  boolean add(String device) {
    return devices.add(device);
  }

  /** Forgets {@code device}'s disconnection; true when there was one. */
  boolean remove(String device) {
    return device != null && devices.remove(device);
  }

  /** True when {@code device} (null: a frame or value that named none) is disconnected. */
  boolean contains(String device) {
    return device != null && devices.contains(device);
  }

  boolean isEmpty() {
    return devices.isEmpty();
  }

  /** The disconnected devices' ids (a view, in order). */
  Set<String> ids() {
    return Collections.unmodifiableSet(devices);
  }

  /** What the alarm says: "Device mon-1 disconnected", or "Devices mon-1, mon-2 disconnected"; null for none. */
  String describe() {
    return devices.isEmpty() ? null
        : (devices.size() == 1 ? "Device " : "Devices ") + String.join(", ", devices) + " disconnected";
  }

  /** The device ids, for the patient's stored state. */
  JsonArray toState() {
    return new JsonArray(devices.stream().toList());
  }

  /**
   * The devices {@link #toState} wrote; for a state written before they were kept ({@code null}), {@code fallback}
   * (the device of a patient's disconnection alarm, or none).
   */
  static DisconnectedDevices fromState(JsonArray state, String fallback) {
    DisconnectedDevices read = new DisconnectedDevices();
    if (state == null) {
      if (fallback != null) {
        read.add(fallback);
      }
      return read;
    }
    for (int i = 0; i < state.size(); i++) {
      read.add(StateJson.required(state.getString(i), "disconnectedDevices"));
    }
    return read;
  }
}
