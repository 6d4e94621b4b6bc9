package org.wardwatch.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class BusRequestsTest {

  private static final String ANSWERER = "test.answerer";

  @Test
  void answersComeBackToTheirOwnRequestsInWhateverOrderTheyCome(Vertx vertx) throws Exception {
    List<Message<String>> asked = new ArrayList<>();
    vertx.eventBus().<String>localConsumer(ANSWERER, message -> {
      asked.add(message);
      if (asked.size() == 5) { // answered last first
        for (int i = asked.size() - 1; i >= 0; i--) {
          BusRequests.answer(vertx.eventBus(), asked.get(i), "answer to " + asked.get(i).body());
        }
      }
    }).completion().await();

    List<String> answers = await(withRequests(vertx, 5_000, requests -> Future.all(IntStream.rangeClosed(1, 5)
        .mapToObj(i -> requests.<String>request(ANSWERER, "question " + i)).toList())
        .map(all -> all.<String>list())));

    assertEquals(IntStream.rangeClosed(1, 5).mapToObj(i -> "answer to question " + i).toList(), answers);
  }

  @Test
  void aRefusalFailsTheRequestWithItsCodeAndReason(Vertx vertx) throws Exception {
    vertx.eventBus().localConsumer(ANSWERER, message -> BusRequests.refuse(vertx.eventBus(), message, 503, "busy"))
        .completion().await();

    ReplyException failure = failureOf(withRequests(vertx, 5_000, requests -> requests.request(ANSWERER, "x")));

    assertEquals(ReplyFailure.RECIPIENT_FAILURE, failure.failureType());
    assertEquals(503, failure.failureCode());
    assertEquals("busy", failure.getMessage());
  }

  @Test
  void aRequestToAnAddressNobodyConsumesFailsAtOnce(Vertx vertx) throws Exception {
    long began = System.nanoTime();
    ReplyException failure = failureOf(withRequests(vertx, 10_000, requests -> requests.request("test.nobody", "x")));

    assertEquals(ReplyFailure.NO_HANDLERS, failure.failureType());
    assertTrue(System.nanoTime() - began < TimeUnit.SECONDS.toNanos(5), "failed before the timeout");
  }

  @Test
  void anUnansweredRequestTimesOutAndItsLateAnswerIsDropped(Vertx vertx) throws Exception {
    List<Message<String>> asked = new ArrayList<>();
    vertx.eventBus().<String>localConsumer(ANSWERER, message -> {
      if (asked.add(message) && asked.size() == 2) {
        BusRequests.answer(vertx.eventBus(), asked.get(0), "too late"); // the first request timed out meanwhile
        BusRequests.answer(vertx.eventBus(), message, "in time");
      }
    }).completion().await();

    long began = System.nanoTime();
    List<Object> outcomes = await(withRequests(vertx, 300, requests -> requests.request(ANSWERER, "first")
        .transform(timedOut -> {
          long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
          return requests.<String>request(ANSWERER, "second")
              .map(answer -> List.of(timedOut.cause(), waitedMs, answer));
        })));

    ReplyException timeout = assertInstanceOf(ReplyException.class, outcomes.get(0));
    assertEquals(ReplyFailure.TIMEOUT, timeout.failureType());
    long waitedMs = (Long) outcomes.get(1);
    assertTrue(waitedMs >= 300 && waitedMs < 3_000, "timed out after " + waitedMs + " ms");
    assertEquals("in time", outcomes.get(2));
  }

  @Test
  void answerAndRefuseAlsoAnswerAPlainVertxRequest(Vertx vertx) throws Exception {
    EventBus bus = vertx.eventBus();
    bus.<String>localConsumer(ANSWERER, message -> {
      if (message.body().equals("please")) {
        BusRequests.answer(bus, message, "yes");
      } else {
        BusRequests.refuse(bus, message, 400, "say please");
      }
    }).completion().await();

    assertEquals("yes", bus.request(ANSWERER, "please").await().body());
    ReplyException refusal = failureOf(bus.request(ANSWERER, "now"));
    assertEquals(400, refusal.failureCode());
    assertEquals("say please", refusal.getMessage());
  }

  /** Runs {@code test} on a context of its own, as a verticle would, with its requests. */
  private static <T> Future<T> withRequests(Vertx vertx, long timeoutMs, Function<BusRequests, Future<T>> test) {
    Promise<T> done = Promise.promise();
    vertx.getOrCreateContext().runOnContext(start ->
        BusRequests.local(vertx, timeoutMs).compose(test).onComplete(done));
    return done.future();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static ReplyException failureOf(Future<?> future) throws Exception {
    try {
      await(future);
    } catch (ExecutionException failed) {
      return assertInstanceOf(ReplyException.class, failed.getCause());
    }
    throw new AssertionError("the request did not fail");
  }
}
