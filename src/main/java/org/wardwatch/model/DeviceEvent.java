package org.wardwatch.model;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What the device side tells the clinical engine about a device, for technical alarms: a connection's {@code HELLO}
 * named it ({@link Kind#CONNECTED}), that connection moved on before a frame of it ({@link Kind#MOVED_ON}), its
 * connection was found closed ({@link Kind#DISCONNECTED}), or it sent a frame or HL7 message the gateway refused
 * ({@link Kind#REJECTED}). Made by the line device's session ({@code DeviceNotices}), or for a refused HL7 message by
 * the HL7 parser, announced through {@code DeviceEvents}, handed to the patient's owner whole, and judged there
 * ({@code DeviceAlarms}).
 *
 * @param kind           what happened
 * @param source         the device, and the patient it was reporting for
 * @param reason         why a frame or message was refused; {@code null} for any other kind
 * @param connection     the connection that the device said it is on, that moved on, or that ended; {@code null}
 *                       for a refusal, or from a node that did not say
 * @param at             when it happened, by the clock of the node that read the connection's frames: when the
 *                       {@code HELLO} (or the one that moved it on) was received, when the connection was found
 *                       closed, or when the refused frame or message was received (the time its values would have
 *                       been received at); {@code null} from a node that did not say
 * @param mayAdmit       for a refusal, true when it may admit its patient ({@link #admits}): {@code source} is whom
 *                       the refused frame or message was about, read from it or known from its connection; false
 *                       when it is its connection's identity, blamed for a frame that may have been another
 *                       patient's (a relay's frames name theirs)
 * @param closedIfSilentWithin for a {@code HELLO}, how long after {@code at} its connection, should it send nothing
 *                       more (half-open: the device died after it), is closed by the device server at the latest: its
 *                       idle timeout, and how long the {@code HELLO} and a batch read with it wait at the parser (a
 *                       connection is not closed while a batch of it is there); {@code null} for any other kind, or
 *                       from a node that did not say
 */
public record DeviceEvent(Kind kind, DeviceIdentity source, String reason, ConnectionId connection, Instant at,
    boolean mayAdmit, Duration closedIfSilentWithin) {

  /**
   * The longest {@code closedIfSilentWithin} taken: the longest idle timeout a device server is set to (a day), and
   * the parser's waits with room to spare.
   */
  public static final Duration MAX_CLOSED_IF_SILENT_WITHIN = Duration.ofDays(2);

  /** The latest time a {@code HELLO}'s closing is reckoned from: a later one is no clock's. */
  private static final Instant LATEST_HELLO = Instant.MAX.minus(MAX_CLOSED_IF_SILENT_WITHIN.multipliedBy(2));

  /**
   * @throws IllegalArgumentException when {@code closedIfSilentWithin} is not above zero and at most two days, or
   *                                  {@code at} is too late to reckon from
   */
  public DeviceEvent {
    if (closedIfSilentWithin != null && (closedIfSilentWithin.isNegative() || closedIfSilentWithin.isZero()
        || closedIfSilentWithin.compareTo(MAX_CLOSED_IF_SILENT_WITHIN) > 0
        || at != null && at.isAfter(LATEST_HELLO))) {
      throw new IllegalArgumentException("how soon a silent connection is closed must be above 0 and at most "
          + MAX_CLOSED_IF_SILENT_WITHIN + ", from a time a clock can show; got " + closedIfSilentWithin + " from "
          + at);
    }
  }

  /** What happened, named on the wire in lower case. */
  public enum Kind {
    /** A connection's {@code HELLO} named the device: the connection carries it from then on. */
    CONNECTED,
    /** A connection that carried the device by its {@code HELLO} alone was moved on before a frame of it. */
    MOVED_ON,
    /** A connection that carried the device was found closed. */
    DISCONNECTED,
    /** A frame or HL7 message about the device was refused. */
    REJECTED
  }

  /**
   * {@code connection}'s {@code HELLO}, received at {@code helloAt}, said it carries {@code source} from now on: a
   * device that reconnected, before its next frame (a cuff that measures every 15 minutes). Should the connection send
   * nothing more, it is closed within {@code closedIfSilentWithin} of the {@code HELLO}.
   */
  public static DeviceEvent connected(DeviceIdentity source, ConnectionId connection, Instant helloAt,
      Duration closedIfSilentWithin) {
    return new DeviceEvent(Kind.CONNECTED, source, null, connection, helloAt, false, closedIfSilentWithin);
  }

  /**
   * {@code connection}, announced as {@code source}'s by its {@code HELLO} alone ({@link #connected}), was moved on by
   * another {@code HELLO}, read at {@code movedAt}, before a frame of {@code source}'s: it no longer carries
   * {@code source} (a cuff that reconnected saying its remembered patient, then was admitted to another).
   */
  public static DeviceEvent movedOn(DeviceIdentity source, ConnectionId connection, Instant movedAt) {
    return new DeviceEvent(Kind.MOVED_ON, source, null, connection, movedAt, false, null);
  }

  /** {@code connection}, which carried {@code source}, was found closed at {@code closedAt}. */
  public static DeviceEvent disconnected(DeviceIdentity source, ConnectionId connection, Instant closedAt) {
    return new DeviceEvent(Kind.DISCONNECTED, source, null, connection, closedAt, false, null);
  }

  /**
   * A frame or HL7 message about {@code source} (read from it, or known from its connection), received at
   * {@code receivedAt}, was refused for {@code reason}.
   */
  public static DeviceEvent rejected(DeviceIdentity source, String reason, Instant receivedAt) {
    return new DeviceEvent(Kind.REJECTED, source, reason, null, receivedAt, true, null);
  }

  /**
   * {@link #rejected}, for a frame blamed on its connection's identity, {@code sessionIdentity}, that may have been
   * about another patient (refused before its own identity could be read, on a connection whose {@code HELLO} placed no
   * patient or bed, or that has relayed others' frames): it raises the invalid-signal alarm of a patient monitored
   * already, whose latest values or frame the device sent, and admits none.
   */
  public static DeviceEvent rejectedOnConnection(DeviceIdentity sessionIdentity, String reason, Instant receivedAt) {
    return new DeviceEvent(Kind.REJECTED, sessionIdentity, reason, null, receivedAt, false, null);
  }

  /**
   * True when this event admits its patient, not monitored yet, for the invalid-signal alarm (a monitor whose first
   * frames are all refused): a refusal about whom the frame or message was read to be about, or about the patient or
   * bed its connection's {@code HELLO} placed, on a connection that relays no other patient's frames (the device
   * side's {@code BatchRefusals} decides which).
   */
  public boolean admits() {
    return kind == Kind.REJECTED && mayAdmit && source.device() != null;
  }

  /**
   * {@code {"event": "connected"|"moved_on"|"disconnected"|"rejected", "source", "reason", "connection", "at",
   * "mayAdmit", "closedIfSilentWithin": ISO-8601 duration, left out when none}}.
   */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("event", kind.name().toLowerCase(Locale.ROOT)).put("source", source.toJson())
        .put("reason", reason).put("connection", ConnectionId.toJsonOrNull(connection)).put("at", at)
        .put("mayAdmit", mayAdmit);
    return closedIfSilentWithin == null ? json : json.put("closedIfSilentWithin", closedIfSilentWithin.toString());
  }

  /**
   * The event {@link #toJson} wrote.
   *
   * @throws IllegalArgumentException when its {@code event} is none of the kinds, or a part is malformed
   */
  public static DeviceEvent fromJson(JsonObject json) {
    String event = String.valueOf(json.getValue("event"));
    Kind kind;
    try {
      kind = Kind.valueOf(event.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown device event '" + event + "'");
    }
    if (!(json.getValue("source") instanceof JsonObject source)) {
      throw new IllegalArgumentException("a device event's source must be an object, got " + json.getValue("source"));
    }
    try {
      return new DeviceEvent(kind, DeviceIdentity.fromJson(source), json.getString("reason"),
          ConnectionId.optional(json, "connection"), StateJson.optionalInstant(json, "at"),
          json.getBoolean("mayAdmit", false), StateJson.optionalDuration(json, "closedIfSilentWithin"));
    } catch (ClassCastException e) { // a part of another JSON type than its own (Vert.x's typed getters)
      throw new IllegalArgumentException("malformed device event " + json + ": " + e.getMessage());
    }
  }
}
