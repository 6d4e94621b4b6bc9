package org.wardwatch.cluster;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * How a delivery to a patient's owner is retried while the owner is unknown or gone (a member died, its partitions
 * migrate), so a failover neither loses nor reorders it: each attempt waits three seconds for the owner's answer
 * ({@link #ATTEMPT}), the next one follows {@value #RETRY_MS} ms later, and the delivery is given up
 * {@value #GIVE_UP_MS} ms after it began. Shared by the {@link ReportHandOff} and the {@link PatientRouterVerticle}.
 */
final class OwnerRetries {

  /** How long a delivery is retried before it is given up (and logged). */
  static final long GIVE_UP_MS = 20_000;
  /** How long one attempt awaits the owner's answer. */
  static final long ATTEMPT_MS = 3_000;
  /** The options of one attempt: the owner's answer is awaited {@value #ATTEMPT_MS} ms. Shared; never changed. */
  static final DeliveryOptions ATTEMPT = new DeliveryOptions().setSendTimeout(ATTEMPT_MS);
  private static final long RETRY_MS = 200;
  /** The failure code of a delivery its owner refused as malformed. */
  private static final int MALFORMED = 400;

  private OwnerRetries() {
  }

  /** When a delivery that begins now is given up. */
  static long deadline() {
    return System.currentTimeMillis() + GIVE_UP_MS;
  }

  /**
   * Runs {@code again} after {@value #RETRY_MS} ms, or fails {@code delivered} with {@code error} past the deadline or
   * when the owner refused the delivery as malformed (code 400: sending it again would change nothing).
   */
  static void retryLater(Vertx vertx, long deadline, Throwable error, Promise<?> delivered, Runnable again) {
    boolean malformed = error instanceof ReplyException refusal
        && refusal.failureType() == ReplyFailure.RECIPIENT_FAILURE && refusal.failureCode() == MALFORMED;
    if (malformed || System.currentTimeMillis() >= deadline) {
      delivered.fail(error);
    } else {
      vertx.setTimer(RETRY_MS, id -> again.run());
    }
  }
}
