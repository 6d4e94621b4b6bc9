package org.wardwatch.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.wardwatch.node.NodeVerticle;
import org.wardwatch.testing.MllpClient;
import org.wardwatch.testing.Pcd01Messages;
import org.wardwatch.testing.TestNode;

/**
 * MLLP ingest benchmark: a node in this JVM (loopback, no simulator) and N monitor connections, each sending a PCD-01
 * ORU^R01 with six vitals and waiting for its ACK before the next (how MLLP senders work). Reports messages/s and
 * ACK latency (send to ACK received) p50/p99/max with HdrHistogram, for 1 and 50 connections. Bounded in time; sends
 * only to 127.0.0.1.
 *
 * <p>Run: {@code mvn -q -B test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.wardwatch.bench.MllpBenchmark}
 */
public final class MllpBenchmark {

  private static final Duration WARM_UP = Duration.ofSeconds(5);
  private static final Duration MEASURE = Duration.ofSeconds(15);

  private MllpBenchmark() {
  }

  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    try {
      NodeVerticle node = TestNode.deploy(vertx);
      System.out.printf(Locale.ROOT, "%-12s %12s %10s %10s %10s%n", "connections", "messages/s", "p50 ms", "p99 ms",
          "max ms");
      for (int connections : new int[] {1, 50}) {
        run(vertx, node.hl7Port(), connections, WARM_UP);
        Result result = run(vertx, node.hl7Port(), connections, MEASURE);
        System.out.printf(Locale.ROOT, "%-12d %12.0f %10.3f %10.3f %10.3f%n", connections,
            result.messages() / (MEASURE.toMillis() / 1000.0), result.latency().getValueAtPercentile(50) / 1e6,
            result.latency().getValueAtPercentile(99) / 1e6, result.latency().getMaxValue() / 1e6);
      }
    } finally {
      vertx.close().await();
    }
    // exec:java waits for every non-daemon thread of the run, including ones libraries leave parked; the run is over.
    System.exit(0);
  }

  private record Result(long messages, Histogram latency) {
  }

  private static Result run(Vertx vertx, int port, int connections, Duration duration) {
    NetClient client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true));
    Histogram latency = new Histogram(Duration.ofSeconds(10).toNanos(), 3);
    AtomicLong messages = new AtomicLong();
    long deadline = System.nanoTime() + duration.toNanos();
    List<Future<Void>> monitors = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      String monitor = "BENCH-" + i;
      monitors.add(client.connect(port, "127.0.0.1")
          .compose(socket -> monitor(socket, monitor, deadline, latency, messages)));
    }
    Future.all(monitors).timeout(duration.toSeconds() + 30, TimeUnit.SECONDS).await();
    client.close().await();
    return new Result(messages.get(), latency);
  }

  /** One monitor: send, wait for the ACK, record, repeat until the deadline. */
  private static Future<Void> monitor(NetSocket socket, String monitor, long deadline, Histogram latency,
      AtomicLong messages) {
    Promise<Void> done = Promise.promise();
    long[] sentAt = new long[1];
    long[] sequence = new long[1];
    Runnable send = () -> {
      sentAt[0] = System.nanoTime();
      socket.write(Buffer.buffer(MllpClient.frame(Pcd01Messages.vitals(monitor, monitor + "-" + ++sequence[0],
          monitor, "bench", monitor, Instant.now(), 72))));
    };
    socket.handler(RecordParser.newDelimited(Buffer.buffer(new byte[] {0x1C, 0x0D}), ack -> {
      long now = System.nanoTime();
      synchronized (latency) {
        latency.recordValue(Math.min(now - sentAt[0], latency.getHighestTrackableValue()));
      }
      messages.incrementAndGet();
      if (now < deadline) {
        send.run();
      } else {
        socket.close().onComplete(closed -> done.tryComplete());
      }
    }));
    send.run();
    return done.future();
  }
}
