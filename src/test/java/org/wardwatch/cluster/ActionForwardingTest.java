package org.wardwatch.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.bus.Addresses;

/**
 * The patient router on a real event bus, with the owner's engine address answered by the test: a clinician's action
 * is sent again while no owner takes it (none listens, or a member refuses it as no longer the owner: a member dying,
 * its patients moving), and never once an owner may have taken it, so an action is neither lost in a failover nor
 * applied twice.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class ActionForwardingTest {

  private static final JsonObject ASSESS = new JsonObject().put("action", "assess").put("patient", "P1")
      .put("user", "nurse.kim").put("consciousness", "C");

  private final Membership membership = Membership.standalone();
  private final AtomicInteger taken = new AtomicInteger();

  @BeforeEach
  void deployRouter(Vertx vertx) {
    vertx.deployVerticle(new PatientRouterVerticle(membership)).await();
  }

  @Test
  void anActionIsSentAgainWhileNoOwnerListensAndAnsweredOnceOneDoes(Vertx vertx) {
    Future<Message<JsonObject>> answer = vertx.eventBus().request(Addresses.PATIENT_ACTIONS, ASSESS);
    vertx.setTimer(700, id -> ownerAnswers(vertx, message -> message.reply(new JsonObject().put("ok", true))));

    assertEquals(true, answer.await().body().getBoolean("ok"));
    assertEquals(1, taken.get());
  }

  @Test
  void anActionRefusedByAMemberThatNoLongerOwnsThePatientIsSentAgain(Vertx vertx) {
    ownerAnswers(vertx, message -> {
      if (taken.get() == 1) {
        message.fail(Addresses.NOT_OWNED_HERE, "patient P1 is owned by another member now; try again");
      } else {
        message.reply(new JsonObject().put("ok", true));
      }
    });

    assertEquals(true, vertx.eventBus().<JsonObject>request(Addresses.PATIENT_ACTIONS, ASSESS).await().body()
        .getBoolean("ok"));
    assertEquals(2, taken.get());
  }

  @Test
  void anActionTheOwnerRefusedIsAnsweredWithItsRefusalAndNotSentAgain(Vertx vertx) {
    ownerAnswers(vertx, message -> message.fail(409, "Acknowledge patient P1's HIGH alarms first"));

    ReplyException refused = failure(vertx.eventBus().request(Addresses.PATIENT_ACTIONS, ASSESS));

    assertEquals(409, refused.failureCode());
    assertEquals("Acknowledge patient P1's HIGH alarms first", refused.getMessage());
    assertEquals(1, taken.get());
  }

  @Test
  void anActionTheOwnerTookWithoutAnsweringFailsWithinTheDashboardsWaitAndIsNotSentAgain(Vertx vertx) {
    ownerAnswers(vertx, message -> { }); // a member that died while applying it: it may have been applied
    long sentAt = System.currentTimeMillis();

    ReplyException unanswered = failure(vertx.eventBus().request(Addresses.PATIENT_ACTIONS, ASSESS));

    long waited = System.currentTimeMillis() - sentAt;
    assertEquals(503, unanswered.failureCode());
    assertTrue(waited >= OwnerRetries.ASK_GIVE_UP_MS - 500 && waited < 15_000, "waited " + waited + " ms");
    assertEquals(1, taken.get(), "sent once: a second copy could apply it twice");
  }

  private void ownerAnswers(Vertx vertx, Handler<Message<JsonObject>> answer) {
    vertx.eventBus().<JsonObject>consumer(Addresses.engineActions(membership.self()), message -> {
      taken.incrementAndGet();
      answer.handle(message);
    }).completion().await();
  }

  private static ReplyException failure(Future<Message<Object>> answer) {
    try {
      answer.await();
    } catch (RuntimeException failed) {
      return assertInstanceOf(ReplyException.class, failed);
    }
    throw new AssertionError("answered " + answer.result().body() + " instead of failing");
  }
}
