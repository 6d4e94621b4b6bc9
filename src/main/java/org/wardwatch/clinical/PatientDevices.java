package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wardwatch.clinical.ClinicalRules.TechnicalAlarm;
import org.wardwatch.model.StateJson;

/**
 * What a patient's record knows of the devices it hears from: when each device other than the latest frame's (whose
 * identity and time the record keeps) last sent a frame, which devices are disconnected, and which had their latest
 * frame refused. {@link DeviceAlarms} judges by it. Owned by the patient's {@link PatientRecord}; not
 * thread-safe.
 */
final class PatientDevices {

  /** How many other devices' last frames are remembered; past it, the one remembered first is forgotten. */
  static final int MAX_REMEMBERED = 16;

  /** Each other device's last frame, in the order first remembered; never the latest frame's device. */
  private final Map<String, Instant> heardBefore = new LinkedHashMap<>();
  private DeviceProblems disconnected = new DeviceProblems();
  private DeviceProblems refused = new DeviceProblems();

  /**
   * The latest frame came from {@code next}, where the one before came from {@code previous} at {@code previousAt}
   * (either null when unknown): a change of device remembers when the previous one was last heard. Nothing is done for
   * the usual frame, from the same device.
   */
  void switched(String previous, Instant previousAt, String next) {
    if (next != null) {
      heardBefore.remove(next); // the latest frame's device: its time is the record's
    }
    if (previous != null && previousAt != null && !previous.equals(next)) {
      heardBefore.put(previous, previousAt);
      if (heardBefore.size() > MAX_REMEMBERED) {
        heardBefore.remove(heardBefore.keySet().iterator().next());
      }
    }
  }

  /** When {@code device}, not the latest frame's, last sent a frame of the patient; null when not remembered. */
  Instant heardBefore(String device) {
    return heardBefore.get(device);
  }

  /**
   * Notes {@code device} disconnected by a connection that closed at {@code closedAt} (null: not known), kept as the
   * device's detail.
   */
  void disconnected(String device, Instant closedAt) {
    disconnected.put(device, closedAt == null ? "" : closedAt.toString());
  }

  /** When the connection of {@code device} closed, while it is disconnected; null when not, or not known. */
  Instant closedAt(String device) {
    String closedAt = disconnected.contains(device) ? disconnected.details().get(device) : "";
    return closedAt.isEmpty() ? null : Instant.parse(closedAt);
  }

  /** The devices {@code condition} holds for: those disconnected ({@code DISCONNECTED}), else those refused. */
  DeviceProblems problems(TechnicalAlarm condition) {
    return condition == TechnicalAlarm.DISCONNECTED ? disconnected : refused;
  }

  /**
   * Puts this into a patient's stored state: {@code devicesHeard} (device id to when it last sent a frame, in the
   * order remembered; left out when none), {@code disconnectedDevices} (device id to when its connection closed, or
   * "") and {@code invalidSignals} (device id to the reason).
   */
  JsonObject writeTo(JsonObject state) {
    if (!heardBefore.isEmpty()) {
      JsonObject heard = new JsonObject();
      heardBefore.forEach(heard::put);
      state.put("devicesHeard", heard);
    }
    return state.put("disconnectedDevices", disconnected.toState()).put("invalidSignals", refused.toState());
  }

  /**
   * The devices {@link #writeTo} wrote into {@code state}; for a state written before they were kept, none heard
   * before, and for each condition the device of its alarm in {@code alarms}, if any.
   *
   * @throws IllegalArgumentException when a time or a detail is not one
   */
  static PatientDevices fromState(JsonObject state, PatientAlarms alarms) {
    PatientDevices devices = new PatientDevices();
    JsonObject heard = state.getJsonObject("devicesHeard");
    if (heard != null) {
      heard.fieldNames().forEach(device -> devices.heardBefore.put(device, StateJson.instant(heard, device)));
    }
    devices.disconnected = DeviceProblems.fromState(state.getJsonObject("disconnectedDevices"),
        alarms.deviceOf(TechnicalAlarm.DISCONNECTED.conditionKey()));
    devices.disconnected.ids().forEach(device -> {
      try {
        devices.closedAt(device);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("disconnected device '" + device + "' must map to when its connection "
            + "closed (ISO-8601) or \"\", got " + devices.disconnected.details().get(device));
      }
    });
    devices.refused = DeviceProblems.fromState(state.getJsonObject("invalidSignals"),
        alarms.deviceOf(TechnicalAlarm.INVALID_SIGNAL.conditionKey()));
    return devices;
  }
}
