package org.wardwatch.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A delivery to a patient's owner is retried while the owner may yet take it, and not once it refused it as such. */
@ExtendWith(VertxExtension.class)
class OwnerRetriesTest {

  @Test
  void aDeliveryItsOwnerRefusedAsMalformedFailsAtOnceAndAnOwnerNotReachedIsTriedAgain(Vertx vertx) {
    Promise<Void> refused = Promise.promise();
    ReplyException malformed = new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 400, "unknown device event 'x'");
    AtomicBoolean triedAgain = new AtomicBoolean();

    OwnerRetries.retryLater(vertx, OwnerRetries.deadline(), malformed, refused, () -> triedAgain.set(true));

    assertTrue(refused.future().failed(), "sending it again would change nothing");
    assertSame(malformed, refused.future().cause());
    Promise<Void> unreached = Promise.promise();
    OwnerRetries.retryLater(vertx, OwnerRetries.deadline(), new ReplyException(ReplyFailure.NO_HANDLERS, "none"),
        unreached, () -> unreached.complete());
    assertFalse(unreached.future().isComplete(), "retried after a pause, not given up");
    unreached.future().await();
    assertFalse(triedAgain.get());
  }
}
