package org.wardwatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * When a session's frames leave: at the end of the turn for a quiet session or an urgent frame, with the pacer's next
 * round for a busy session, at once when they fill a batch; always in order, as one SockJS frame per write; a session
 * still due when the next update comes takes it along. The pacer's gap here is {@value #GAP_MS} ms (1 ms in service),
 * so that a test tells a round from the end of a turn.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
class OutgoingFramesTest {

  private static final long GAP_MS = 200;

  /** Each write as its SockJS frame, and when it was made ({@link System#nanoTime()}). */
  private final List<String> writes = new ArrayList<>();
  private final List<Long> writtenAt = new ArrayList<>();
  private Context context;
  private WritePacer pacer;
  private OutgoingFrames outgoing;

  @BeforeEach
  void create(Vertx vertx) throws Exception {
    context = vertx.getOrCreateContext();
    pacer = new WritePacer(context, GAP_MS, TimeUnit.MILLISECONDS.toNanos(WritePacer.SLICE_MS));
    outgoing = new OutgoingFrames(pacer, frame -> {
      writes.add(new String(frame, StandardCharsets.US_ASCII));
      writtenAt.add(System.nanoTime());
      return Future.succeededFuture();
    });
  }

  @Test
  void aQuietSessionsFramesLeaveTogetherAtTheEndOfTheTurn() throws Exception {
    assertEquals(List.of(), turn(() -> {
      outgoing.add(frame("one"), false);
      outgoing.add(frame("two"), false);
    }), "nothing is written within the turn");
    assertEquals(List.of("a[\"one\",\"two\"]"), turn(() -> {
    }), "written at its end");
  }

  @Test
  void aBusySessionWaitsForThePacersRoundThenWritesAllThatCameMeanwhile() throws Exception {
    turn(() -> outgoing.add(frame("first"), false));
    long[] secondAt = new long[1];
    turn(() -> {
      secondAt[0] = System.nanoTime();
      outgoing.add(frame("second"), false);
    });
    assertEquals(List.of("a[\"first\"]"), turn(() -> outgoing.add(frame("third"), false)), "waiting for the round");
    assertEquals(List.of("a[\"first\"]", "a[\"second\",\"third\"]"), writesAfter(2 * GAP_MS));
    long waited = writtenAt.get(1) - secondAt[0];
    assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(GAP_MS) / 2
        && waited < TimeUnit.MILLISECONDS.toNanos(2 * GAP_MS),
        "one write per gap while updates come fast, and no longer: " + waited / 1_000_000 + " ms");
  }

  @Test
  void anUrgentFrameDoesNotWaitAndTakesTheWaitingFramesAlong() throws Exception {
    turn(() -> outgoing.add(frame("vitals 1"), false));
    assertEquals(List.of("a[\"vitals 1\"]"), turn(() -> {
      outgoing.add(frame("vitals 2"), false);
      outgoing.add(frame("alarm"), true);
    }));
    assertEquals(List.of("a[\"vitals 1\"]", "a[\"vitals 2\",\"alarm\"]"), turn(() -> {
    }), "at the end of the turn, before the pacer's round");
    assertEquals(2, writesAfter(2 * GAP_MS).size(), "the round finds nothing left");
  }

  @Test
  void aFullBatchLeavesAtOnce() throws Exception {
    String large = "x".repeat(OutgoingFrames.MAX_BATCH_BYTES);
    assertEquals(List.of("a[\"small\",\"" + large + "\"]"), turn(() -> {
      outgoing.add(frame("small"), false);
      outgoing.add(frame(large), false);
      outgoing.add(frame("after"), false);
    }));
    assertEquals("a[\"after\"]", writesAfter(2 * GAP_MS).get(1));
  }

  @Test
  void aFailedWriteFailsWhatItCarried() throws Exception {
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    OutgoingFrames closed = new OutgoingFrames(pacer, frame -> Future.failedFuture("SockJS session closed"));
    turn(() -> closed.add(frame("lost"), true).onFailure(failure::complete));
    assertEquals("SockJS session closed", failure.get(5, TimeUnit.SECONDS).getMessage());
  }

  @Test
  void aSessionStillDueWhenTheNextUpdateComesTakesItAlongInTheSameWrite() throws Exception {
    WritePacer slicing = new WritePacer(context, GAP_MS, 0); // every write a slice of its own
    CompletableFuture<String> secondWrite = new CompletableFuture<>();
    OutgoingFrames second = new OutgoingFrames(slicing, frame -> {
      secondWrite.complete(new String(frame, StandardCharsets.US_ASCII));
      return Future.succeededFuture();
    });
    OutgoingFrames first = new OutgoingFrames(slicing, frame -> {
      context.runOnContext(update -> second.add(frame("2"), false)); // comes in before the next slice
      return Future.succeededFuture();
    });
    turn(() -> {
      first.add(frame("1"), false);
      second.add(frame("1"), false);
    });
    assertEquals("a[\"1\",\"2\"]", secondWrite.get(5, TimeUnit.SECONDS));
  }

  @Test
  void dueSessionsAreWrittenInOrderAcrossSlices() throws Exception {
    WritePacer slicing = new WritePacer(context, GAP_MS, 0);
    List<String> order = new ArrayList<>();
    CompletableFuture<Void> allWritten = new CompletableFuture<>();
    List<OutgoingFrames> sessions = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String name = "session " + i;
      sessions.add(new OutgoingFrames(slicing, frame -> {
        order.add(name);
        if (order.size() == 5) {
          allWritten.complete(null);
        }
        return Future.succeededFuture();
      }));
    }
    turn(() -> sessions.forEach(session -> session.add(frame("update"), false)));
    allWritten.get(5, TimeUnit.SECONDS);
    assertEquals(List.of("session 0", "session 1", "session 2", "session 3", "session 4"), order);
  }

  private static byte[] frame(String message) {
    return SockJsFrames.messages(message).getBytes(StandardCharsets.US_ASCII);
  }

  /** Runs {@code action} as one turn of the session's event loop; the writes made by the end of that turn. */
  private List<String> turn(Runnable action) throws Exception {
    CompletableFuture<List<String>> done = new CompletableFuture<>();
    context.runOnContext(turn -> {
      action.run();
      done.complete(List.copyOf(writes));
    });
    return done.get(5, TimeUnit.SECONDS);
  }

  private List<String> writesAfter(long millis) throws Exception {
    Thread.sleep(millis);
    return turn(() -> {
    });
  }
}
