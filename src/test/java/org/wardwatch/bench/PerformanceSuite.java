package org.wardwatch.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The performance suite (issue 7): W1 ingest ceiling against a bare line splitter, W2 10,000 device connections, W3
 * alarm latency at 10,000 frames/s, W4 fan-out to 1,000 browser sessions against the stock SockJS bridge, W5 against
 * the Mosquitto broker. Every server runs in a process of its own pinned to core {@value #SERVER_CORE}; this JVM, the
 * load generator with a single event loop, is pinned to core {@value #GENERATOR_CORE}. Loopback only; each workload is
 * bounded in time (about ten minutes in all). Prints the table and writes it into {@code docs/performance.md}.
 *
 * <p>Run: {@code mvn -q -B test-compile exec:exec@performance-suite}. Maven properties: {@code bench.seconds}, each
 * measured window (default 10 s); {@code bench.warmUpSeconds}, the warm-up unit (default 10 s: W1 warms up three of
 * them, W2's and W3's ramps six; with 5, the JIT compilers still preempted the server's event loop for 4 ms at a time
 * in W3's window, 321 times in 8 s by {@code perf sched}); {@code bench.only}, a subset such as {@code W1,W3} (the
 * table is then printed but
 * not written); {@code bench.serverJvmArgs}, extra options for the server JVMs (e.g. a flight recording).
 */
public final class PerformanceSuite {

  static final int GENERATOR_CORE = 0;
  static final int SERVER_CORE = 1;

  private PerformanceSuite() {
  }

  public static void main(String[] args) throws Exception {
    new ProcessBuilder("taskset", "-a", "-p", "-c", Integer.toString(GENERATOR_CORE),
        Long.toString(ProcessHandle.current().pid())).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
        .waitFor();
    Duration measure = Duration.ofSeconds(Long.getLong("wardwatch.bench.seconds", 10));
    Duration warmUp = Duration.ofSeconds(Long.getLong("wardwatch.bench.warmUpSeconds", 10));
    // The generator's core is W4's limit (a read per session per delivery): native epoll, as the server uses.
    Vertx generator = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(true));
    List<Row> rows = new ArrayList<>();
    String only = System.getProperty("wardwatch.bench.only", "");
    try {
      if (only.isEmpty() || only.contains("W1")) {
        rows.addAll(report(IngestCeiling.run(generator, SERVER_CORE, warmUp, measure)));
      }
      if (only.isEmpty() || only.contains("W2")) {
        rows.addAll(report(IdleConnections.run(generator, SERVER_CORE, warmUp, measure)));
      }
      if (only.isEmpty() || only.contains("W3") || only.contains("W5")) {
        AlarmLatency.Result wardWatch = AlarmLatency.run(generator, SERVER_CORE, warmUp, measure);
        rows.addAll(report(List.of(AlarmLatency.row(wardWatch))));
        rows.addAll(report(peerRows(wardWatch, wardWatch.mosquitto())));
      }
      if (only.isEmpty() || only.contains("W4")) {
        rows.addAll(report(FanOut.run(generator, SERVER_CORE, Duration.ofSeconds(5))));
      }
    } finally {
      generator.close().await();
    }
    String markdown = PerformanceReport.markdown(rows);
    System.out.println();
    System.out.println(markdown);
    if (only.isEmpty()) {
      PerformanceReport.write(Path.of("docs", "performance.md"), markdown);
    }
    System.exit(0);
  }

  private static List<Row> peerRows(AlarmLatency.Result wardWatch, MosquittoPeer.Result mosquitto) {
    Histogram ours = wardWatch.vitals();
    Histogram theirs = mosquitto.latency();
    CpuTime ourCpu = wardWatch.cpuPerFrame();
    CpuTime theirCpu = mosquitto.cpuPerMessage();
    return List.of(
        new Row("W5", "device → subscriber p50 / p99, 1,000 senders at 10,000 msgs/s",
            Row.percentiles(ours), Row.percentiles(theirs),
            "p99 ≤ Mosquitto's", ours.getTotalCount() > 0
                && ours.getValueAtPercentile(99) <= theirs.getValueAtPercentile(99)),
        new Row("W5", "server CPU per message", Row.micros(ourCpu.totalNanos()), Row.micros(theirCpu.totalNanos()),
            "≤ Mosquitto's", ourCpu.totalNanos() <= theirCpu.totalNanos()),
        Row.info("W5", "of which in the kernel (system time) / in the server's own code (user time)",
            Row.micros(ourCpu.systemNanos()) + " / " + Row.micros(ourCpu.userNanos()),
            Row.micros(theirCpu.systemNanos()) + " / " + Row.micros(theirCpu.userNanos())),
        Row.info("W5", "WardWatch / Mosquitto: p99, CPU per message",
            Row.ratio(ours.getValueAtPercentile(99) / (double) Math.max(1, theirs.getValueAtPercentile(99))) + ", "
                + Row.ratio(ourCpu.totalNanos() / (double) theirCpu.totalNanos()), ""));
  }

  /** Prints rows as they are measured, so a long run shows progress. */
  private static List<Row> report(List<Row> rows) {
    rows.forEach(row -> System.out.printf("%s  %s: %s  [%s] %s%n", row.workload(), row.figure(), row.wardWatch(),
        row.reference(), row.verdict()));
    return rows;
  }
}
