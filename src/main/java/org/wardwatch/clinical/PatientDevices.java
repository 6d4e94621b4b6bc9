package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wardwatch.clinical.ClinicalRules.TechnicalAlarm;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.StateJson;

/**
 * What a patient's record knows of the devices it hears from: which connection carries each device for the patient,
 * which devices are disconnected, and which had their latest frame refused. {@link DeviceAlarms} judges by it. Owned
 * by the patient's {@link PatientRecord}; not thread-safe.
 */
final class PatientDevices {

  /** How many devices' connections are remembered; past it, the one remembered first is forgotten. */
  static final int MAX_REMEMBERED = 16;

  /**
   * By device, the connection that carries it for the patient (see {@link #deliveredBy}), in the order remembered;
   * none for a device heard only through HL7, or before connections were told.
   */
  private final Map<String, ConnectionId> carriers = new LinkedHashMap<>();
  private DeviceProblems disconnected = new DeviceProblems();
  private DeviceProblems refused = new DeviceProblems();

  /**
   * An accepted frame of the patient from {@code device} came on {@code connection} (null: not known, as for an HL7
   * message), read after the device's connection was last found closed: the connection carries the device for the
   * patient from now on when it opened after the one that did, or when that one has been found closed since (the
   * device is disconnected). A frame of an older connection, still in flight or on a link the device has left, does
   * not take the device back from the newer one. Nothing is done for the usual frame, on the connection that carries.
   */
  void deliveredBy(String device, ConnectionId connection) {
    if (device == null || connection == null) {
      return;
    }
    ConnectionId carrier = carriers.get(device);
    boolean takesOver = carrier == null || connection.isNewerThan(carrier) || disconnected.contains(device);
    if (carrier != connection && takesOver) {
      carriers.remove(device); // remembered again as the latest
      carriers.put(device, connection);
      if (carriers.size() > MAX_REMEMBERED) {
        carriers.remove(carriers.keySet().iterator().next());
      }
    }
  }

  /**
   * True when the end of {@code connection} (null: not known) leaves {@code device} connected for the patient: a
   * connection that opened after it carries the device on (the device reconnected, and its old, half-open connection
   * was found closed late).
   */
  boolean carriedOnAfter(String device, ConnectionId connection) {
    ConnectionId carrier = carriers.get(device);
    return carrier != null && connection != null && carrier.isNewerThan(connection);
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
   * Puts this into a patient's stored state: {@code deviceConnections} (device id to the connection that carries it,
   * in the order remembered; left out when none), {@code disconnectedDevices} (device id to when its connection
   * closed, or "") and {@code invalidSignals} (device id to the reason).
   */
  JsonObject writeTo(JsonObject state) {
    if (!carriers.isEmpty()) {
      JsonObject connections = new JsonObject();
      carriers.forEach((device, connection) -> connections.put(device, connection.toJson()));
      state.put("deviceConnections", connections);
    }
    return state.put("disconnectedDevices", disconnected.toState()).put("invalidSignals", refused.toState());
  }

  /**
   * The devices {@link #writeTo} wrote into {@code state}; for a state written before they were kept, no connection
   * known (each disconnection is believed), and for each condition the device of its alarm in {@code alarms}, if any.
   *
   * @throws IllegalArgumentException when a connection, a time or a detail is not one
   */
  static PatientDevices fromState(JsonObject state, PatientAlarms alarms) {
    PatientDevices devices = new PatientDevices();
    JsonObject connections = state.getJsonObject("deviceConnections");
    if (connections != null) {
      connections.fieldNames().forEach(device ->
          devices.carriers.put(device, ConnectionId.fromJson(StateJson.object(connections, device))));
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
