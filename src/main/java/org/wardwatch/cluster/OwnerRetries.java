package org.wardwatch.cluster;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.BusFailures;

/**
 * How a delivery to a patient's owner is retried while the owner is unknown or gone (a member died, its partitions
 * migrate), so a failover neither loses nor reorders it: each attempt waits three seconds for the owner's answer
 * ({@link #ATTEMPT}), the next one follows {@value #RETRY_MS} ms later, and the delivery is given up
 * {@value #GIVE_UP_MS} ms after it began. Shared by the {@link ReportHandOff} and the {@link PatientRouterVerticle}.
 *
 * <p>A clinician's request (an action, a trend query) is tried again only while it reached no owner, never after one
 * may have taken it, for {@value #ASK_GIVE_UP_MS} ms, and answered within {@value #ASK_GIVE_UP_MS} ms and one attempt
 * more, inside the dashboard's own wait for a reply (15 s).
 */
final class OwnerRetries {

  /** How long a delivery is retried before it is given up (and logged). */
  static final long GIVE_UP_MS = 20_000;
  /** How long one attempt awaits the owner's answer. */
  static final long ATTEMPT_MS = 3_000;
  /** The options of one attempt: the owner's answer is awaited {@value #ATTEMPT_MS} ms. Shared; never changed. */
  static final DeliveryOptions ATTEMPT = new DeliveryOptions().setSendTimeout(ATTEMPT_MS);
  private static final long RETRY_MS = 200;
  /** How long a clinician's request is tried, and its answer awaited, before it fails. */
  static final long ASK_GIVE_UP_MS = 10_000;

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
        && refusal.failureType() == ReplyFailure.RECIPIENT_FAILURE && refusal.failureCode() == BusFailures.BAD_REQUEST;
    againUntil(vertx, deadline, !malformed, error, delivered, again);
  }

  /**
   * Runs {@code again} after {@value #RETRY_MS} ms while {@code error} says the request reached no owner and its
   * deadline is not past; else fails {@code answered} with {@code error}.
   */
  static void askAgainLater(Vertx vertx, long deadline, Throwable error, Promise<?> answered, Runnable again) {
    againUntil(vertx, deadline - RETRY_MS, reachedNoOwner(error), error, answered, again);
  }

  /**
   * True when {@code error} says a request was taken by no owner: none was known or listened, or the member it reached
   * refused it as not the owner ({@link Addresses#NOT_OWNED_HERE}). Not a timeout (a member that died may have taken
   * it first), nor an undecodable message (it may be the reply to a request carried out).
   */
  static boolean reachedNoOwner(Throwable error) {
    return error instanceof ReplyException failure && switch (failure.failureType()) {
      case NO_HANDLERS -> true;
      case RECIPIENT_FAILURE -> failure.failureCode() == Addresses.NOT_OWNED_HERE;
      case TIMEOUT, ERROR -> false;
    };
  }

  private static void againUntil(Vertx vertx, long deadline, boolean retriable, Throwable error, Promise<?> outcome,
      Runnable again) {
    if (!retriable || System.currentTimeMillis() >= deadline) {
      outcome.fail(error);
    } else {
      vertx.setTimer(RETRY_MS, id -> again.run());
    }
  }
}
