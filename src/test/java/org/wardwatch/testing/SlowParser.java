package org.wardwatch.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.wardwatch.bus.Addresses;

/** Holds each line-frame batch for 3.5 s on its way to the parser while set, as a busy node would. */
public final class SlowParser {

  private final AtomicBoolean slow = new AtomicBoolean();
  private final Semaphore held = new Semaphore(0);

  private SlowParser() {
  }

  /** Intercepts the batches {@code vertx}'s event bus carries to the parser; not slow until {@link #set}. */
  public static SlowParser on(Vertx vertx) {
    SlowParser parser = new SlowParser();
    vertx.eventBus().addInboundInterceptor(delivery -> {
      if (Addresses.FRAMES.equals(delivery.message().address()) && parser.slow.get()) {
        parser.held.release();
        vertx.setTimer(3_500, later -> delivery.next());
      } else {
        delivery.next();
      }
    });
    return parser;
  }

  /** Slow from now on, or no longer. */
  public void set(boolean slowNow) {
    slow.set(slowNow);
  }

  /** Waits until a batch is held (fails after 10 s), so that what is sent next is read after it. */
  public void awaitHeld() throws InterruptedException {
    assertTrue(held.tryAcquire(10, TimeUnit.SECONDS), "no batch reached the parser");
  }
}
