package org.wardwatch.model;

import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which device connection delivered a frame, or ended: unique across the cluster's nodes, with when it opened. Each
 * line device's session draws one when its connection opens ({@code DeviceNotices}); it goes with the connection's
 * frames to the parser ({@code FrameBatch}) and on to the patient's owner ({@link FrameReport}), and with its
 * {@code HELLO} announcements and disconnections ({@link DeviceEvent}). The clinical engine judges both by it
 * ({@code DeviceLink}): a device that reconnected and carried on through another connection is not disconnected when
 * its old, half-open one is found closed late, and a frame still in flight when its connection closed does not show the
 * device back. Immutable; {@link #opened} may be called from any thread.
 *
 * @param openedAt when the connection opened, by the clock of the node that accepted it
 * @param origin   a number drawn once per gateway process, which tells two processes' connections apart
 * @param serial   the connection's number among those the process opened, in the order opened
 */
public record ConnectionId(Instant openedAt, long origin, long serial) {

  /**
   * How far apart two nodes' clocks may be (a cluster's nodes keep time by NTP): a connection another process opened
   * closer than this to a time is not known to have opened before it.
   */
  public static final Duration CLOCKS_APART = Duration.ofSeconds(2);

  private static final long ORIGIN = new SecureRandom().nextLong();
  private static final AtomicLong OPENED = new AtomicLong();

  /** The origin of this process's connections: a cluster member tells the others it ({@code Membership}). */
  public static long thisProcess() {
    return ORIGIN;
  }

  /** A connection this process opened at {@code openedAt}. */
  public static ConnectionId opened(Instant openedAt) {
    return new ConnectionId(openedAt, ORIGIN, OPENED.incrementAndGet());
  }

  /**
   * True when this connection surely opened before {@code time}, a time by the clock of the process that opened
   * {@code readOn}: by that same clock, or, opened by another process, more than {@link #CLOCKS_APART} before.
   */
  public boolean openedSurelyBefore(Instant time, ConnectionId readOn) {
    return surelyBefore(openedAt, this, time, readOn);
  }

  /**
   * True when {@code earlier}, a time by the clock of the process that opened {@code earlierOn}, was surely before
   * {@code later}, a time by the clock of the process that opened {@code laterOn}: by one clock, or, by two processes',
   * more than {@link #CLOCKS_APART} before.
   */
  public static boolean surelyBefore(Instant earlier, ConnectionId earlierOn, Instant later, ConnectionId laterOn) {
    return (earlierOn.origin == laterOn.origin ? earlier : earlier.plus(CLOCKS_APART)).isBefore(later);
  }

  /**
   * Of two connections, the one that opened last, by their processes' clocks: {@code candidate} when {@code current}
   * is null or opened before it, else {@code current} (also for a null {@code candidate}).
   */
  public static ConnectionId openedLast(ConnectionId current, ConnectionId candidate) {
    return candidate != null && (current == null || candidate.openedAt.isAfter(current.openedAt)) ? candidate : current;
  }

  /** {@code connection}'s {@link #toJson}, or {@code null} for none. */
  public static JsonObject toJsonOrNull(ConnectionId connection) {
    return connection == null ? null : connection.toJson();
  }

  /**
   * The connection {@link #toJson} wrote into {@code json}'s {@code field}, or {@code null} when it holds none.
   *
   * @throws IllegalArgumentException when it is malformed
   */
  public static ConnectionId optional(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value != null && !(value instanceof JsonObject)) {
      throw new IllegalArgumentException("'" + field + "' must be a connection, got " + value);
    }
    return value == null ? null : fromJson((JsonObject) value);
  }

  /** {@code {"openedAt", "origin", "serial"}}. */
  public JsonObject toJson() {
    return new JsonObject().put("openedAt", openedAt).put("origin", origin).put("serial", serial);
  }

  /**
   * The connection {@link #toJson} wrote.
   *
   * @throws IllegalArgumentException when a part is missing or malformed
   */
  public static ConnectionId fromJson(JsonObject json) {
    try {
      Instant openedAt = json.getInstant("openedAt");
      Long origin = json.getLong("origin");
      Long serial = json.getLong("serial");
      if (openedAt == null || origin == null || serial == null) {
        throw new IllegalArgumentException("a connection needs openedAt, origin and serial, got " + json);
      }
      return new ConnectionId(openedAt, origin, serial);
    } catch (ClassCastException | DateTimeParseException e) {
      throw new IllegalArgumentException("malformed connection " + json + ": " + e.getMessage());
    }
  }
}
