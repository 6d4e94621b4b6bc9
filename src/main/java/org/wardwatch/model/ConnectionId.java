package org.wardwatch.model;

import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which device connection delivered a frame, or ended: unique across the cluster's nodes, and ordered by when the
 * connections opened. The clinical engine judges a disconnection by it: a device that reconnected and carried on
 * through a newer connection is not disconnected when its old, half-open one is found closed late.
 *
 * <p>Connections opened on different nodes are ordered by those nodes' clocks, which are taken to agree to within the
 * time a device takes to reconnect.
 *
 * @param openedAt when the connection opened, by the clock of the node that accepted it
 * @param origin   a number drawn once per gateway process, which tells two processes' connections apart
 * @param serial   the connection's number among those the process opened, in the order opened
 */
public record ConnectionId(Instant openedAt, long origin, long serial) implements Comparable<ConnectionId> {

  private static final long ORIGIN = new SecureRandom().nextLong();
  private static final AtomicLong OPENED = new AtomicLong();
  private static final Comparator<ConnectionId> ORDER = Comparator.comparing(ConnectionId::openedAt)
      .thenComparingLong(ConnectionId::serial).thenComparingLong(ConnectionId::origin);

  /** A connection this process opened at {@code openedAt}. */
  public static ConnectionId opened(Instant openedAt) {
    return new ConnectionId(openedAt, ORIGIN, OPENED.incrementAndGet());
  }

  /** True when this connection opened after {@code other}. */
  public boolean isNewerThan(ConnectionId other) {
    return compareTo(other) > 0;
  }

  @Override
  public int compareTo(ConnectionId other) {
    return ORDER.compare(this, other);
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
