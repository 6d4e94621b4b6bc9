package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.BiConsumer;
import org.wardwatch.clinical.ClinicalRules.TechnicalAlarm;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.StateJson;

/**
 * What a patient's record knows of the devices it hears from: the connections each device reached the patient through
 * ({@link DeviceLink}), which devices are disconnected, which had values of their latest frame refused, and when they
 * sent such frames. {@link DeviceAlarms} judges by it. Owned by the patient's {@link PatientRecord}; not thread-safe.
 */
final class PatientDevices {

  /** How many devices' connections are remembered; past it, the one used least recently is forgotten. */
  static final int MAX_REMEMBERED = 16;

  /** By device, the connections it reached the patient through, the one used least recently first. */
  private final Map<String, DeviceLink> links = new LinkedHashMap<>(MAX_REMEMBERED, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, DeviceLink> eldest) {
      return size() > MAX_REMEMBERED;
    }
  };
  private DeviceProblems disconnected = new DeviceProblems();
  private DeviceProblems refused = new DeviceProblems();
  /** The devices that sent frames with values refused, by when they sent them. */
  private RefusingDevices refusing = new RefusingDevices();

  /**
   * True when a frame of {@code device} on {@code connection} (either null: not known), received at
   * {@code receivedAt}, does not show the device back ({@link DeviceLink#cannotShowBack}): in flight at its
   * connection's end, or read before the connection whose end disconnected the device opened.
   */
  boolean cannotShowBack(String device, ConnectionId connection, Instant receivedAt) {
    DeviceLink link = device == null || connection == null ? null : links.get(device);
    return link != null && link.cannotShowBack(connection, receivedAt);
  }

  /** True while {@code device}'s connections say it is disconnected ({@link DeviceLink#disconnectedBy}). */
  boolean linkSaysDisconnected(String device) {
    DeviceLink link = device == null ? null : links.get(device);
    return link != null && link.disconnectedBy() != null;
  }

  /**
   * True when a live frame of {@code device} on {@code connection} (either null: not known) would change what is known:
   * another connection carries the device, or none, or the device is disconnected.
   */
  boolean wouldTakeOver(String device, ConnectionId connection) {
    DeviceLink link = device == null || connection == null ? null : links.get(device);
    return device != null && connection != null && (link == null || !link.isCarriedBy(connection));
  }

  /**
   * True when {@code event} may change what is known of its device's connections: a disconnection, a connection that
   * moved on, or a {@code HELLO} on another connection than the carrier (one on the carrier moves only its time, as a
   * frame does, stored with the patient's next change).
   */
  boolean mayChangeConnections(DeviceEvent event) {
    return switch (event.kind()) {
      case DISCONNECTED, MOVED_ON -> true;
      case CONNECTED -> event.connection() != null && !carries(event.source().device(), event.connection());
      case REJECTED -> false;
    };
  }

  /**
   * An accepted frame of the patient from {@code device}, or a resend of one, came on {@code connection} (either null:
   * not known, as for an HL7 message), received at {@code receivedAt}, not {@link #cannotShowBack}: the connection
   * carries the device from now on ({@link DeviceLink#delivered}).
   */
  void delivered(String device, ConnectionId connection, Instant receivedAt) {
    if (device != null && connection != null) {
      links.computeIfAbsent(device, unknown -> new DeviceLink()).delivered(connection, receivedAt);
    }
  }

  /**
   * A resend of an applied frame of {@code device}'s came on {@code connection} (either null: not known), received at
   * {@code receivedAt}: unless it {@link #cannotShowBack}, or another connection has carried the device since
   * ({@link DeviceLink#heardSince}: the copy of a frame held on a connection the device left, applied after the copy it
   * resent on its new one), the connection carries the device from now on ({@link #delivered}), and it is true.
   */
  boolean resent(String device, ConnectionId connection, Instant receivedAt) {
    DeviceLink link = device == null || connection == null ? null : links.get(device);
    if (cannotShowBack(device, connection, receivedAt) || link != null && link.heardSince(connection, receivedAt)) {
      return false;
    }
    delivered(device, connection, receivedAt);
    return true;
  }

  /** True when {@code connection} is the one that carries {@code device}, disconnected or not. */
  private boolean carries(String device, ConnectionId connection) {
    DeviceLink link = device == null ? null : links.get(device);
    return link != null && link.isCarrier(connection);
  }

  /**
   * {@code connection}'s {@code HELLO}, received at {@code helloAt}, said it carries {@code device} for the patient:
   * it does from now on ({@link DeviceLink#saidHello}), unless it {@link #cannotShowBack}. Should the connection
   * send nothing more, it is closed by {@code closedIfSilentBy} (null: not said).
   */
  void saidHello(String device, ConnectionId connection, Instant helloAt, Instant closedIfSilentBy) {
    if (!cannotShowBack(device, connection, helloAt)) {
      links.computeIfAbsent(device, unknown -> new DeviceLink()).saidHello(connection, helloAt, closedIfSilentBy);
    }
  }

  /**
   * {@code connection}, {@code device}'s carrier by its {@code HELLO} alone, moved on before a frame of it: true when
   * that leaves the device disconnected again ({@link DeviceLink#movedOn}).
   */
  boolean movedOn(String device, ConnectionId connection) {
    DeviceLink link = links.get(device);
    return link != null && link.movedOn(connection);
  }

  /**
   * {@code device}'s {@code connection} (null: not known) was found closed: true when that disconnects the device
   * ({@link DeviceLink#ended}).
   */
  boolean connectionEnded(String device, ConnectionId connection) {
    DeviceLink link = connection == null ? links.get(device) // nothing to remember of it
        : links.computeIfAbsent(device, unknown -> new DeviceLink());
    return link == null || link.ended(connection);
  }

  /** Hands each device's connections known ended, the latest last, to {@code action}. */
  void forEachEnded(BiConsumer<String, ConnectionId> action) {
    links.forEach((device, link) -> link.ended().forEach(connection -> action.accept(device, connection)));
  }

  /** Hands each device disconnected by a known connection's end, with that connection, to {@code action}. */
  void forEachDisconnectedBy(BiConsumer<String, ConnectionId> action) {
    links.forEach((device, link) -> {
      if (link.disconnectedBy() != null) {
        action.accept(device, link.disconnectedBy());
      }
    });
  }

  /**
   * The devices carried by a connection gone with its member, whose origin is none of the {@code presentOrigins}: they
   * are disconnected now ({@link DeviceLink#goneWithMember}).
   */
  List<String> goneWithMembers(Set<Long> presentOrigins, Instant now) {
    List<String> lost = new ArrayList<>(0);
    links.forEach((device, link) -> {
      if (link.goneWithMember(presentOrigins, now)) {
        lost.add(device);
      }
    });
    return lost;
  }

  /**
   * The disconnected devices that a connection carrying them by its {@code HELLO} alone, up for a while, shows back at
   * {@code now} ({@link DeviceLink#settled}).
   */
  List<String> settled(Instant now) {
    List<String> back = new ArrayList<>(1);
    disconnected.ids().forEach(device -> {
      DeviceLink link = links.get(device);
      if (link != null && link.settled(now)) {
        back.add(device);
      }
    });
    return back;
  }

  /** Notes {@code device} disconnected. */
  void disconnected(String device) {
    disconnected.put(device, "");
  }

  /** The devices that sent frames with values refused, by when they sent them. */
  RefusingDevices refusing() {
    return refusing;
  }

  /** The first device whose invalid-signal condition stands and that still sends refused frames; null when none. */
  String sendingRefused(Instant now, ClinicalRules rules) {
    return refusing.sending(refused.ids(), now, rules);
  }

  /**
   * Forgets the refused frames of the devices whose invalid-signal condition ended, once no window of the no-data rule
   * can reach back to them: received before {@code now} by more than its longest
   * ({@link ClinicalRules#maxNoDataAfter}).
   */
  void refusalsEnded(Instant now, ClinicalRules rules) {
    if (!refusing.isEmpty()) { // the tick's usual case, for every patient: nothing made
      refusing.forget(refused.ids(), now.minus(rules.maxNoDataAfter()));
    }
  }

  /** The devices {@code condition} holds for: those disconnected ({@code DISCONNECTED}), else those refused. */
  DeviceProblems problems(TechnicalAlarm condition) {
    return condition == TechnicalAlarm.DISCONNECTED ? disconnected : refused;
  }

  /**
   * Puts this into a patient's stored state: {@code deviceConnections} (device id to its {@link DeviceLink}, the one
   * used least recently first; left out when none), {@code disconnectedDevices} (device id to ""),
   * {@code invalidSignals} (device id to the reason) and the devices sending refused frames
   * ({@link RefusingDevices#writeTo}).
   */
  JsonObject writeTo(JsonObject state) {
    if (!links.isEmpty()) {
      JsonObject connections = new JsonObject();
      links.forEach((device, link) -> connections.put(device, link.toState()));
      state.put("deviceConnections", connections);
    }
    refusing.writeTo(state);
    return state.put("disconnectedDevices", disconnected.toState()).put("invalidSignals", refused.toState());
  }

  /**
   * The devices {@link #writeTo} wrote into {@code state}; for a state written before they were kept, no connection
   * known (each disconnection is believed), and for each condition the device of its alarm in {@code alarms}, if any.
   *
   * @throws IllegalArgumentException when a connection or a detail is not one
   */
  static PatientDevices fromState(JsonObject state, PatientAlarms alarms) {
    PatientDevices devices = new PatientDevices();
    JsonObject connections = state.getJsonObject("deviceConnections");
    if (connections != null) {
      connections.fieldNames().forEach(device ->
          devices.links.put(device, DeviceLink.fromState(StateJson.object(connections, device))));
    }
    devices.disconnected = DeviceProblems.fromState(state.getJsonObject("disconnectedDevices"),
        alarms.deviceOf(TechnicalAlarm.DISCONNECTED.conditionKey()));
    devices.refused = DeviceProblems.fromState(state.getJsonObject("invalidSignals"),
        alarms.deviceOf(TechnicalAlarm.INVALID_SIGNAL.conditionKey()));
    devices.refusing = RefusingDevices.fromState(state);
    return devices;
  }
}
