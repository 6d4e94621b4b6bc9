package org.wardwatch.device;

import io.vertx.core.Vertx;
import org.slf4j.Logger;

/**
 * A listener's {@link ConnectionLimit} at work: the report of refused connections is asked for at each refusal and
 * every {@value ConnectionLimit#CHECK_EVERY_MS} ms, and logged as a warning on the listener's log. Made by each
 * listener verticle (devices, HL7, HTTP) in its {@code start()}; not thread-safe: used on that verticle's event loop.
 */
public final class ListenerLimit {

  private final ConnectionLimit limit;
  private final Logger log;

  /** Puts {@code limit} to work on {@code vertx}'s timers, its reports logged on {@code log}. */
  public ListenerLimit(Vertx vertx, ConnectionLimit limit, Logger log) {
    this.limit = limit;
    this.log = log;
    vertx.setPeriodic(ConnectionLimit.CHECK_EVERY_MS, id -> report());
  }

  /** Takes a place for a new connection; false, the refusal reported when a report is due, when none is left. */
  public boolean admit() {
    if (limit.admit()) {
      return true;
    }
    report();
    return false;
  }

  /** Gives back the place of a connection {@link #admit() admitted}, which has closed. */
  public void release() {
    limit.release();
  }

  /** The most connections open at once. */
  public int max() {
    return limit.max();
  }

  private void report() {
    limit.refusalReport(System.currentTimeMillis()).ifPresent(log::warn);
  }
}
