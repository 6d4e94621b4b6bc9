package org.wardwatch.bench;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * W4, fan-out: {@value #SESSIONS} browser sessions on one ward of {@value #DEVICES} devices. The offered rate steps up
 * ({@link #RATES}); a server's figure is the highest step it holds: delivers in full (≥ 95 % of frames × sessions)
 * with p99 ≤ 50 ms in one of {@value #ATTEMPTS} attempts; the steps stop at the first it does not. WardWatch is held
 * against the stock SockJS bridge fed the same frames as snapshot-shaped JSON.
 */
final class FanOut {

  static final int SESSIONS = 1_000;
  static final int DEVICES = 100;
  /**
   * The offered rates, frames/s. The first steps are below what either bridge held on the sixth session's VM, where the
   * stock bridge held none of them from 25 up (p99 63 ms at 25), so that it has a figure to divide by.
   */
  static final int[] RATES = {10, 15, 25, 35, 50, 70, 100, 140, 200, 280, 400};
  /**
   * The warm-up's rate (three steps' length), the first step's: the JIT compiles the fan-out path of either bridge at a
   * rate both keep up with cold. The stock bridge has no back-pressure: warmed up at 25 frames/s on the ninth session's
   * VM it fell behind, and the backlog it never worked off failed its every step (more deliveries than offered, p99 10
   * to 13 s at 10 frames/s).
   */
  static final int WARM_UP_RATE = 10;
  static final long MAX_P99_NANOS = 50_000_000;
  /**
   * A step not held is measured again, up to this many times in all: on the VMs measured here a stall of the machine
   * fails a step at any rate, whichever process it stops. A kernel memory monitor (DAMON) stalls the generator or the
   * server, whichever core it runs on, for 50–140 ms at random; each window prints the generator's own delays.
   */
  static final int ATTEMPTS = 3;
  static final double TARGET_RATIO = 2.5;

  private FanOut() {
  }

  /**
   * A step's figures (deliveries/s, p99, the server's CPU per delivery, whether it held). A server's result is the best
   * step it held or, when none held, its first step.
   */
  record Step(double deliveriesPerSecond, long p99Nanos, long cpuPerDeliveryNanos, boolean held) {

    String text() {
      return Row.rate(deliveriesPerSecond) + " (p99 " + Row.millis(p99Nanos) + (held ? ")" : "; no step held)");
    }
  }

  static List<Row> run(Vertx generator, int serverCore, Duration stepLength) throws Exception {
    Step wardWatch;
    try (ServerProcess server = WardWatchServer.start(serverCore)) {
      wardWatch = steps(generator, server, WardLoad.Server.WARDWATCH, stepLength);
    }
    Step stock;
    try (ServerProcess server = ServerProcess.start("stock-bridge", serverCore, ServerProcess.suiteClassPath(),
        StockBridgeServer.class.getName(),
        List.of(Integer.toString(StockBridgeServer.HTTP_PORT), Integer.toString(StockBridgeServer.TCP_PORT)),
        StockBridgeServer.HTTP_PORT, StockBridgeServer.TCP_PORT)) {
      stock = steps(generator, server, WardLoad.Server.STOCK_BRIDGE, stepLength);
    }
    double ratio = wardWatch.deliveriesPerSecond() / stock.deliveriesPerSecond();
    return List.of(
        new Row("W4", "deliveries/s to 1,000 sessions on one ward at p99 ≤ 50 ms", wardWatch.text(), stock.text(),
            stock.held() ? "≥ 2.5× stock bridge" : "≥ 2.5× stock bridge (no ratio: the stock bridge held no step)",
            stock.held() ? wardWatch.held() && ratio >= TARGET_RATIO : null),
        Row.info("W4", "WardWatch / stock bridge", wardWatch.held() && stock.held() ? Row.ratio(ratio) : "n/a", ""),
        Row.info("W4", "server CPU per delivery at that step", Row.micros(wardWatch.cpuPerDeliveryNanos()),
            Row.micros(stock.cpuPerDeliveryNanos())));
  }

  private static Step steps(Vertx generator, ServerProcess process, WardLoad.Server server, Duration stepLength)
      throws Exception {
    Step best = null;
    try (WardLoad load = WardLoad.connect(generator, server, "w4", DEVICES, 1, 0, SESSIONS)) {
      load.warmUp(WARM_UP_RATE, stepLength);
      for (int rate : RATES) {
        long seconds = Math.max(stepLength.toSeconds(), (DEVICES + rate - 1) / rate); // each device sends at least once
        Step measured = measure(load, process, server, rate, seconds);
        for (int attempt = 1; attempt < ATTEMPTS && !measured.held(); attempt++) {
          System.out.printf("  W4 %s %d frames/s: not held, measured again%n", server, rate);
          measured = measure(load, process, server, rate, seconds);
        }
        if (!measured.held()) {
          return best != null ? best : measured;
        }
        best = measured;
      }
    }
    return best;
  }

  /** One step: {@code rate} frames/s for {@code seconds}, printed with the slow deliveries when it is not held. */
  private static Step measure(WardLoad load, ServerProcess process, WardLoad.Server server, int rate, long seconds)
      throws Exception {
    load.settle(rate); // a window starts in the step's steady state, not with the server's first moments at its rate
    CpuTime cpuBefore = process.cpu();
    load.run(rate, Duration.ofSeconds(seconds));
    long delivered = load.delivered();
    long cpuPerDelivery = process.cpu().minus(cpuBefore).totalNanos() / Math.max(1, delivered);
    load.drain();
    Histogram latency = load.vitalsLatency();
    double perSecond = delivered / (double) seconds;
    boolean held = delivered >= 0.95 * rate * seconds * SESSIONS && latency.getValueAtPercentile(99) <= MAX_P99_NANOS;
    System.out.printf("  W4 %s %d frames/s: %.0f deliveries/s, p50 %.2f ms, p99 %.2f ms%s (from the send: p99 "
        + "%.2f ms), server CPU %.1f µs per delivery; %s%n", server, rate, perSecond,
        latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(99) / 1e6, held ? "" : " (not held)",
        load.vitalsLatencyFromSend().getValueAtPercentile(99) / 1e6, cpuPerDelivery / 1e3,
        held ? load.generatorDelays() : load.slowVitals()); // when and how long the slow deliveries were
    return new Step(perSecond, latency.getValueAtPercentile(99), cpuPerDelivery, held);
  }
}
