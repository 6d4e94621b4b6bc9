package org.wardwatch.clinical;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.wardwatch.clinical.ClinicalRules.TechnicalAlarm;
import org.wardwatch.clinical.alarm.AlarmKind;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;

/**
 * The technical alarms of a patient's devices as connections: the disconnection alarm, while a device the patient is
 * monitored through has lost its connection, and the invalid-signal alarm, while one's latest frame was refused, or
 * recorded with some of its values refused.
 *
 * <p>A patient on a monitor and a separate oximeter is monitored through both ({@link MonitoringDevices}), and hears of
 * either's disconnection; a patient moved to another monitor that now reports what the old one did is monitored through
 * that one, and ignores the old one's. Each alarm names its devices (each a part of its condition, so a second device
 * alarms again, also after an acknowledgement) and is raised for the device whose condition raised it. A device's
 * condition ends with its next frame recorded whole (a disconnection also with a resend that shows the device back on a
 * connection; a refusal not with a frame received before the device's latest refused one); a disconnection also once
 * the patient is no longer monitored through the device, a refusal once the device sends none of the patient's latest
 * values or frame (another device reports what it did, or it never sent a value recorded) and no longer sends frames
 * with values refused ({@link RefusingDevices#sends}), as the next event of the patient or its tick finds. A
 * disconnection marks the data the device sent stale, and NEWS2's.
 *
 * <p>Which devices the patient is monitored through, and which send their latest values, {@link MonitoringDevices}
 * decides. Pure, with time passed in; made by {@link PatientConditions} for the rules in force, with its
 * {@code MonitoringDevices}, on the clinical engine's event loop.
 */
final class DeviceAlarms {

  private final ClinicalRules rules;
  private final MonitoringDevices monitoring;
  private final PatientAlarms.AlarmIds alarmIds;

  DeviceAlarms(ClinicalRules rules, MonitoringDevices monitoring, PatientAlarms.AlarmIds alarmIds) {
    this.rules = rules;
    this.monitoring = monitoring;
    this.alarmIds = alarmIds;
  }

  /**
   * A device connection event from the device side: a connection's {@code HELLO} naming the device makes it the
   * device's carrier ({@link PatientDevices#saidHello}: a device that reconnected is not alarmed when its old
   * connection is found closed late, though a standing disconnection ends only once that connection has outlasted a
   * half-open one, {@link #helloSettled}), until the connection moves on before a frame of it
   * ({@link PatientDevices#movedOn}: the ends it hid disconnect the device); a disconnection raises the disconnection
   * alarm, unless the patient is not monitored through the device; a refusal the invalid-signal alarm, as
   * {@link #refused} says. Ignored too is the disconnection of a connection while another carries the device for the
   * patient, whose latest frame or {@code HELLO} was received after the ended one opened
   * ({@link PatientDevices#connectionEnded}: the device reconnected, and its old, half-open connection was found closed
   * late), which is still remembered as ended; and a refusal of a frame received before one of the device's latest
   * values: it arrived after a later frame of the device was accepted (a retried delivery).
   */
  List<AlarmTransition> event(PatientRecord patient, DeviceEvent event, Instant now) {
    String device = event.source().device();
    if (device == null) {
      return List.of();
    }
    PatientDevices devices = patient.devices();
    ConnectionId connection = event.connection();
    return switch (event.kind()) {
      case CONNECTED -> saidHello(devices, device, event, now);
      case MOVED_ON -> disconnectedIf(connection != null && devices.movedOn(device, connection), patient, device, now);
      case DISCONNECTED -> disconnectedIf(devices.connectionEnded(device, connection), patient, device, now);
      case REJECTED -> refused(patient, device, event, now);
    };
  }

  /**
   * A {@code HELLO} on the event's connection named {@code device}: it carries the device, which it does not show back
   * yet ({@link HelloAlone#settlesAt}). How soon the connection, should it send nothing more, is closed is reckoned
   * from the later of the {@code HELLO}'s time and its arrival here, {@code now}: the announcing node's clock may be
   * behind this one's. A node that did not say when the {@code HELLO} came had it now.
   */
  private static List<AlarmTransition> saidHello(PatientDevices devices, String device, DeviceEvent hello,
      Instant now) {
    if (hello.connection() != null) {
      Instant helloAt = Objects.requireNonNullElse(hello.at(), now);
      Duration within = hello.closedIfSilentWithin();
      devices.saidHello(device, hello.connection(), helloAt,
          within == null ? null : (helloAt.isAfter(now) ? helloAt : now).plus(within));
    }
    return List.of();
  }

  /**
   * A refusal of a frame of {@code device}'s raises the invalid-signal alarm, also when another device reports what
   * this one did, or it never sent a value recorded (a probe added to a monitor, whose every frame is refused); unless
   * one of its latest values came in a frame received after the refused one, or the refusal was blamed on a connection
   * whose frame may have been another patient's ({@link DeviceEvent#admits} false: a relay's) and the device sends none
   * of the patient's latest values or frame. The patient is heard then ({@link PatientRecord#heardRefused}) when the
   * device sent their latest frame (or admitted them); another keeps the patient monitored only while its refused
   * frames come ({@link PatientConditions#stillSending}).
   */
  private List<AlarmTransition> refused(PatientRecord patient, String device, DeviceEvent event, Instant now) {
    Instant receivedAt = Objects.requireNonNullElse(event.at(), now);
    if (MonitoringDevices.sentLater(patient, device, receivedAt)
        || !event.admits() && !MonitoringDevices.sends(patient, device)) {
      return List.of();
    }
    if (device.equals(patient.source().device())) {
      patient.heardRefused(receivedAt);
    }
    return invalid(patient, device, receivedAt, List.of(Objects.requireNonNullElse(event.reason(), "")), now);
  }

  /**
   * {@code device}'s data received at {@code receivedAt} is invalid, for {@code reasons}: its invalid-signal condition
   * stands, naming them, and those of other devices gone ({@link #gone}) end.
   */
  private List<AlarmTransition> invalid(PatientRecord patient, String device, Instant receivedAt, List<String> reasons,
      Instant now) {
    patient.devices().refusing().sentRefused(device, receivedAt, rules.maxNoDataAfter());
    DeviceProblems devices = patient.devices().problems(TechnicalAlarm.INVALID_SIGNAL);
    devices.put(device, String.join("; ", reasons));
    devices.removeIf(other -> !other.equals(device) && gone(patient, TechnicalAlarm.INVALID_SIGNAL, other, now));
    patient.devices().refusalsEnded(now, rules);
    return reconcile(patient, TechnicalAlarm.INVALID_SIGNAL, device, now);
  }

  /**
   * The patient heard {@code report}, accepted, from its device (null: a frame naming none): its conditions end, and so
   * do those of each device the patient is no longer monitored through; its disconnection not when the frame was
   * {@code notBack} ({@link PatientDevices#cannotShowBack}), and such a frame of a device its connections say is gone,
   * which now monitors the patient (the end was not alarmed while it did not), raises the disconnection; its invalid
   * signal not when some of the frame's values were refused ({@link FrameReport#refused}): then that raises it (or
   * keeps it, with the latest reasons), unless a later frame of the device was applied first (a retried delivery), nor
   * when a later frame of the device had values refused. Looks at no device while none has a condition.
   */
  List<AlarmTransition> heard(PatientRecord patient, FrameReport report, boolean notBack, Instant now) {
    String device = report.source().device();
    boolean goneUnalarmed = notBack && patient.devices().linkSaysDisconnected(device)
        && !patient.devices().problems(TechnicalAlarm.DISCONNECTED).contains(device);
    String back = notBack ? null : device; // null: no device shown back
    List<AlarmTransition> disconnection = goneUnalarmed ? disconnected(patient, device, now)
        : end(patient, TechnicalAlarm.DISCONNECTED, back, now);
    List<AlarmTransition> refusal = partlyRefused(patient, report, now);
    if (refusal.isEmpty()) {
      return disconnection;
    }
    List<AlarmTransition> transitions = new ArrayList<>(disconnection);
    transitions.addAll(refusal);
    return transitions;
  }

  /**
   * The invalid-signal condition after {@code report} of its device was applied: raised or kept when some of its values
   * were refused, else the device's ended and its refused frames forgotten, unless a frame of it with values refused
   * was received after this one (a retried delivery).
   */
  private List<AlarmTransition> partlyRefused(PatientRecord patient, FrameReport report, Instant now) {
    String device = report.source().device();
    if (report.refused().isEmpty() || device == null) {
      RefusingDevices refusing = patient.devices().refusing();
      if (device == null || refusing.sentAfter(device, report.receivedAt())) {
        return end(patient, TechnicalAlarm.INVALID_SIGNAL, null, now);
      }
      refusing.recordedWhole(device);
      return end(patient, TechnicalAlarm.INVALID_SIGNAL, device, now);
    }
    if (MonitoringDevices.sentLater(patient, device, report.receivedAt())) {
      return List.of();
    }
    return invalid(patient, device, Objects.requireNonNullElse(report.receivedAt(), now), report.refused(), now);
  }

  /**
   * The patient heard a resend of an applied frame, not applied again: unless it cannot show its device back
   * ({@link PatientDevices#cannotShowBack}), its connection carries the device from now on (a device that
   * reconnected resends first what it had no ACK for), and the device's disconnection ends; its values are not heard
   * anew.
   */
  List<AlarmTransition> resent(PatientRecord patient, FrameReport report, Instant now) {
    String device = report.source().device();
    boolean back = patient.devices().resent(device, report.connection(),
        Objects.requireNonNullElse(report.receivedAt(), now));
    return back ? end(patient, TechnicalAlarm.DISCONNECTED, device, now) : List.of();
  }

  /** When {@code disconnects}, {@code device} is disconnected: alarmed while the patient is monitored through it. */
  private List<AlarmTransition> disconnectedIf(boolean disconnects, PatientRecord patient, String device,
      Instant now) {
    return disconnects && monitoring.monitoredThrough(patient, device, now) ? disconnected(patient, device, now)
        : List.of();
  }

  /**
   * The passing of time: each disconnected device that a connection has carried by its {@code HELLO} alone until
   * {@link HelloAlone#settlesAt} ({@link PatientDevices#settled}) is back, its disconnection over. Looks at no device
   * while none is disconnected.
   */
  List<AlarmTransition> helloSettled(PatientRecord patient, Instant now) {
    if (patient.devices().problems(TechnicalAlarm.DISCONNECTED).isEmpty()) {
      return List.of();
    }
    List<AlarmTransition> transitions = new ArrayList<>();
    for (String device : patient.devices().settled(now)) {
      transitions.addAll(end(patient, TechnicalAlarm.DISCONNECTED, device, now));
    }
    return transitions;
  }

  /**
   * The passing of time, while the cluster's members there have device connections of the {@code presentOrigins}
   * (null: not known): each device carried by a connection gone with its member is disconnected
   * ({@link PatientDevices#goneWithMembers}), alarmed while the patient is monitored through it; one that reconnected
   * through another member is carried by that one already.
   */
  List<AlarmTransition> membersGone(PatientRecord patient, Set<Long> presentOrigins, Instant now) {
    if (presentOrigins == null) {
      return List.of();
    }
    List<AlarmTransition> transitions = new ArrayList<>(0);
    for (String device : patient.devices().goneWithMembers(presentOrigins, now)) {
      transitions.addAll(disconnectedIf(true, patient, device, now));
    }
    return transitions;
  }

  /**
   * The passing of time: the invalid-signal condition of each device gone ({@link #gone}: it sends none of the
   * patient's latest values, nor frames with values refused any more) ends, though no other device's frame came to end
   * it, and the refused frames no window can reach back to any more are forgotten.
   */
  List<AlarmTransition> refusalsStopped(PatientRecord patient, Instant now) {
    List<AlarmTransition> ended = end(patient, TechnicalAlarm.INVALID_SIGNAL, null, now);
    patient.devices().refusalsEnded(now, rules);
    return ended;
  }

  /**
   * Some of the patient's measurements were stopped: the disconnection and invalid-signal conditions of each device
   * gone ({@link #gone}: the patient is no longer monitored through it; it no longer sends any of the patient's latest
   * values, nor frames with values refused) end.
   */
  List<AlarmTransition> measurementsStopped(PatientRecord patient, Instant now) {
    List<AlarmTransition> transitions = new ArrayList<>(end(patient, TechnicalAlarm.DISCONNECTED, null, now));
    transitions.addAll(end(patient, TechnicalAlarm.INVALID_SIGNAL, null, now));
    return transitions;
  }

  /** Notes {@code device} disconnected, reconciles the alarm, and marks the data it sent, and NEWS2's, stale. */
  private List<AlarmTransition> disconnected(PatientRecord patient, String device, Instant now) {
    patient.devices().disconnected(device);
    List<AlarmTransition> transitions = new ArrayList<>(reconcile(patient, TechnicalAlarm.DISCONNECTED, device, now));
    for (Observation latest : patient.measurements().latestValues()) {
      if (device.equals(latest.source().device())) {
        transitions.addAll(patient.alarms().markData(PatientConditions.thresholdKey(latest.parameter()), true, now));
      }
    }
    transitions.addAll(patient.alarms().markData(PatientConditions.NEWS2, true, now));
    return transitions;
  }

  private List<AlarmTransition> end(PatientRecord patient, TechnicalAlarm alarm, String device, Instant now) {
    DeviceProblems devices = patient.devices().problems(alarm);
    if (devices.isEmpty()) {
      return List.of();
    }
    boolean ended = devices.remove(device);
    ended |= devices.removeIf(other -> gone(patient, alarm, other, now));
    if (alarm == TechnicalAlarm.INVALID_SIGNAL) {
      patient.devices().refusalsEnded(now, rules);
    }
    return ended ? reconcile(patient, alarm, device, now) : List.of();
  }

  /**
   * True when {@code alarm}'s condition of {@code device} is over, as another device took its place: disconnected, it
   * no longer monitors the patient; refused, it sends none of the patient's latest values or frame (another device
   * reports what it did, or it never sent a value recorded), unless it still sends frames with values refused
   * ({@link RefusingDevices#sends}: another device's frames in between do not show it well).
   */
  private boolean gone(PatientRecord patient, TechnicalAlarm alarm, String device, Instant now) {
    if (alarm == TechnicalAlarm.DISCONNECTED) {
      return !monitoring.monitoredThrough(patient, device, now);
    }
    return !MonitoringDevices.sends(patient, device) && !patient.devices().refusing().sends(device, now, rules);
  }

  /** Reconciles {@code alarm} with its devices; raised, when it is, for {@code device} in the patient's place. */
  private List<AlarmTransition> reconcile(PatientRecord patient, TechnicalAlarm alarm, String device, Instant now) {
    return patient.alarms().reconcile(alarm.conditionKey(), AlarmKind.TECHNICAL,
        DeviceAlarmCondition.of(alarm, patient.devices().problems(alarm), rules),
        DeviceAlarmCondition.raisedFor(patient, device), rules.policy(), alarmIds, now);
  }
}
