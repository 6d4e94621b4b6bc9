package org.wardwatch.testing;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.wardwatch.bus.Addresses;

/**
 * The alarm transitions the nodes publish to the device tests' ward, {@value #WARD}, in order, as a browser gets them:
 * for the tests of what a connection's end alarms.
 */
public final class RelayWardAlarms {

  private static final String WARD = "relay";
  private static final String DISCONNECTED = "TECHNICAL:DISCONNECTED";

  private final BlockingQueue<JsonObject> transitions = new LinkedBlockingQueue<>();

  private RelayWardAlarms() {
  }

  /** Subscribes on {@code vertx}'s event bus; returns once subscribed. */
  public static RelayWardAlarms subscribe(Vertx vertx) {
    RelayWardAlarms alarms = new RelayWardAlarms();
    vertx.eventBus().<JsonObject>consumer(Addresses.wardAlarms(WARD),
        message -> alarms.transitions.add(new JsonObject(message.body().encode()))).completion().await();
    return alarms;
  }

  /** The next transition of any alarm within {@code wait}, or {@code null}. */
  public JsonObject poll(Duration wait) throws InterruptedException {
    return transitions.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** The alarm of the next disconnection transition of {@code type}, skipping others; fails after 10 s without. */
  public JsonObject next(String type) throws InterruptedException {
    for (JsonObject transition; (transition = poll(Duration.ofSeconds(10))) != null; ) {
      JsonObject alarm = transition.getJsonObject("alarm");
      if (type.equals(transition.getString("type")) && DISCONNECTED.equals(alarm.getString("condition"))) {
        return alarm;
      }
    }
    throw new AssertionError("no " + type + " disconnection alarm");
  }

  /** The next disconnection alarm of {@code patient} raised within {@code wait}, skipping others; or {@code null}. */
  public JsonObject raised(String patient, Duration wait) throws InterruptedException {
    long end = System.nanoTime() + wait.toNanos();
    for (long left; (left = end - System.nanoTime()) > 0; ) {
      JsonObject transition = poll(Duration.ofNanos(left));
      if (transition == null) {
        return null;
      }
      JsonObject alarm = transition.getJsonObject("alarm");
      if ("RAISED".equals(transition.getString("type")) && DISCONNECTED.equals(alarm.getString("condition"))
          && patient.equals(alarm.getString("patient"))) {
        return alarm;
      }
    }
    return null;
  }
}
