package org.wardwatch.bench;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;

/**
 * W2: {@value #DEVICES} device connections. First idle (each has said HELLO): heap after a full GC and RSS, compared
 * with the node before they connected, give the cost of an idle connection. Then each sends one frame a second: the
 * server's CPU share of its core and the device → browser latency.
 */
final class IdleConnections {

  static final int DEVICES = 10_000;
  static final int WARDS = 10;
  static final double MAX_CORE_SHARE = 0.25;
  static final long MAX_HEAP_PER_CONNECTION = 4096;

  private IdleConnections() {
  }

  static List<Row> run(Vertx generator, int serverCore, Duration warmUp, Duration measure) throws Exception {
    try (ServerProcess server = WardWatchServer.start(serverCore)) {
      Thread.sleep(2000);
      long heapBefore = server.heapUsedAfterGc();
      long rssBefore = server.rssBytes();
      try (WardLoad load = WardLoad.connect(generator, WardLoad.Server.WARDWATCH, "w2", DEVICES, WARDS, 0, 1)) {
        Thread.sleep(2000);
        double heapPerConnection = (server.heapUsedAfterGc() - heapBefore) / (double) DEVICES;
        double rssPerConnection = (server.rssBytes() - rssBefore) / (double) DEVICES;
        load.warmUp(DEVICES, warmUp.multipliedBy(2));
        long cpu = server.cpu().totalNanos();
        long start = System.nanoTime();
        load.run(DEVICES, measure);
        double share = (server.cpu().totalNanos() - cpu) / (double) (System.nanoTime() - start);
        load.drain();
        System.out.println("W2  " + load.slowVitals());
        return List.of(
            new Row("W2", "server CPU share of one core, 10,000 devices at 1 frame/s",
                String.format(java.util.Locale.ROOT, "%.1f %%", share * 100), "", "≤ 25 %", share <= MAX_CORE_SHARE),
            new Row("W2", "heap per idle connection (after full GC)", bytes(heapPerConnection), "",
                "≤ 4 KB", heapPerConnection <= MAX_HEAP_PER_CONNECTION),
            Row.info("W2", "RSS per idle connection", bytes(rssPerConnection), ""),
            Row.info("W2", "device → browser p50 / p99", Row.percentiles(load.vitalsLatency()), ""));
      }
    }
  }

  static String bytes(double bytes) {
    return String.format(java.util.Locale.ROOT, "%,.0f B", bytes);
  }
}
