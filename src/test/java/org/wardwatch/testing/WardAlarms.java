package org.wardwatch.testing;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.wardwatch.bus.Addresses;

/**
 * A test's ear on one ward's alarm transitions, as a browser of the ward receives them ({@link Addresses#wardAlarms}):
 * each kept, in order, for the test to take the ones it waits for.
 */
public final class WardAlarms {

  private final BlockingQueue<JsonObject> transitions = new LinkedBlockingQueue<>();

  private WardAlarms() {
  }

  /** Listens to {@code ward}'s alarm transitions on {@code vertx}'s event bus from now on. */
  public static WardAlarms listen(Vertx vertx, String ward) {
    WardAlarms alarms = new WardAlarms();
    vertx.eventBus().<JsonObject>consumer(Addresses.wardAlarms(ward),
        message -> alarms.transitions.add(new JsonObject(message.body().encode()))).completion().await();
    return alarms;
  }

  /**
   * The next transition that is {@code wanted}, skipping others, if one comes within {@code wait} of the one before;
   * else {@code null}.
   */
  public JsonObject next(Predicate<JsonObject> wanted, Duration wait) throws InterruptedException {
    for (JsonObject transition; (transition = transitions.poll(wait.toMillis(), TimeUnit.MILLISECONDS)) != null; ) {
      if (wanted.test(transition)) {
        return transition;
      }
    }
    return null;
  }

  /** A transition of {@code type} ({@code RAISED}, {@code CLEARED}...), on {@code condition} unless it is null. */
  public static Predicate<JsonObject> of(String type, String condition) {
    return transition -> type.equals(transition.getString("type"))
        && (condition == null || condition.equals(transition.getJsonObject("alarm").getString("condition")));
  }
}
