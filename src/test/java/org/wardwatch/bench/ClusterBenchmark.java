package org.wardwatch.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.wardwatch.bus.Addresses;
import org.wardwatch.testing.SockJsClient;
import org.wardwatch.testing.TestCluster;
import org.wardwatch.testing.TestNode;
import org.wardwatch.testing.WebSocketSockJsClient;

/**
 * Cross-node benchmark: two clustered nodes in this JVM (Hazelcast on 127.0.0.1). A device connection on node A
 * reports for {@value #PATIENTS} patients; a browser (SockJS over WebSocket) subscribes to their ward on node B, or,
 * for
 * the baseline, on node A. Each patient sends its next frame when its previous update reached the browser (closed
 * loop, {@value #PATIENTS} in flight); latency is frame written → patient snapshot received by the browser, in
 * HdrHistogram. The cross-node cost is the difference between the two rows. Bounded in time; loopback only.
 *
 * <p>Run: {@code mvn -q -B test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.wardwatch.bench.ClusterBenchmark}
 */
public final class ClusterBenchmark {

  private static final int PATIENTS = 50;
  private static final Duration WARM_UP = Duration.ofSeconds(5);
  private static final Duration MEASURE = Duration.ofSeconds(15);
  private static final String WARD = "bench";

  private ClusterBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      TestCluster.Member nodeA = cluster.start();
      TestCluster.Member nodeB = cluster.start();
      System.out.printf(Locale.ROOT, "%-26s %12s %10s %10s %10s%n", "browser on", "updates/s", "p50 ms", "p99 ms",
          "max ms");
      for (TestCluster.Member browserNode : new TestCluster.Member[] {nodeA, nodeB, nodeA, nodeB}) {
        String label = browserNode == nodeA ? "the device's node (A)" : "another node (B)";
        run(nodeA, browserNode, WARM_UP);
        Result result = run(nodeA, browserNode, MEASURE);
        System.out.printf(Locale.ROOT, "%-26s %12.0f %10.3f %10.3f %10.3f%n", label,
            result.updates() / (double) MEASURE.toSeconds(), result.latency().getValueAtPercentile(50) / 1e6,
            result.latency().getValueAtPercentile(99) / 1e6, result.latency().getMaxValue() / 1e6);
      }
    }
    System.exit(0); // Hazelcast and exec:java leave threads behind; the run is over
  }

  private record Result(long updates, Histogram latency) {
  }

  private static Result run(TestCluster.Member deviceNode, TestCluster.Member browserNode, Duration duration)
      throws Exception {
    Histogram latency = new Histogram(Duration.ofSeconds(10).toNanos(), 3);
    AtomicLong updates = new AtomicLong();
    long[] sentAt = new long[PATIENTS];
    int[] pulse = new int[PATIENTS];
    long deadline = System.nanoTime() + duration.toNanos();
    // Held to the end: Vert.x closes a client it finds unreachable, and the client's sockets with it.
    NetClient client = deviceNode.vertx().createNetClient();
    NetSocket device = client.connect(deviceNode.node().devicePort(), "127.0.0.1").await();
    device.handler(answers -> { }); // ACK lines; the browser's updates are what is measured
    ConcurrentHashMap<String, Integer> index = new ConcurrentHashMap<>();
    try (SockJsClient browser = WebSocketSockJsClient.connect(browserNode.vertx(), browserNode.node().httpPort(),
        TestNode.DASHBOARD_ORIGIN)) {
      browser.register(Addresses.wardVitals(WARD));
      AtomicBoolean warmedRoute = new AtomicBoolean();
      for (int i = 0; i < PATIENTS; i++) {
        index.put("BP-" + i, i);
      }
      while (!warmedRoute.get()) { // the registration on B takes a moment to reach A
        send(device, 0, pulse, sentAt);
        try {
          browser.awaitBody(Addresses.wardVitals(WARD), body -> true, Duration.ofMillis(500));
          warmedRoute.set(true);
        } catch (AssertionError notYet) {
          // keep trying
        }
      }
      for (int i = 0; i < PATIENTS; i++) {
        send(device, i, pulse, sentAt);
      }
      while (System.nanoTime() < deadline) {
        JsonObject snapshot;
        try {
          snapshot = browser.awaitBody(Addresses.wardVitals(WARD), body -> true, Duration.ofSeconds(5));
        } catch (AssertionError stalled) {
          break;
        }
        Integer i = index.get(snapshot.getString("patient"));
        JsonObject value = snapshot.getJsonObject("vitals").getJsonObject("PULSE");
        if (i == null || value == null || value.getInteger("value") != pulse[i]) {
          continue; // an older update of this patient (e.g. the warm-up frame)
        }
        latency.recordValue(Math.min(System.nanoTime() - sentAt[i], latency.getHighestTrackableValue()));
        updates.incrementAndGet();
        send(device, i, pulse, sentAt);
      }
    }
    device.close().await();
    client.close().await();
    return new Result(updates.get(), latency);
  }

  private static void send(NetSocket device, int patient, int[] pulse, long[] sentAt) {
    pulse[patient] = pulse[patient] >= 120 ? 60 : Math.max(60, pulse[patient] + 1);
    sentAt[patient] = System.nanoTime();
    device.write(Buffer.buffer("Device=BD-" + patient + "|Patient=BP-" + patient + "|Ward=" + WARD + "|Pulse="
        + pulse[patient] + "\n"));
  }
}
