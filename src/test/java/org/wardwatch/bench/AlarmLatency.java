package org.wardwatch.bench;

import io.vertx.core.Vertx;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * W3: {@value #DEVICES} devices at {@value #FRAMES_PER_SECOND} frames/s in all; every {@value #ABNORMAL_EVERY}th frame
 * of a device is abnormal. Abnormal frame scheduled → alarm RAISED event received by a browser session, p50/p99. The
 * same run gives W5: WardWatch's side (device → browser latency of the vitals and server CPU per frame) and Mosquitto's
 * ({@link MosquittoPeer}), in {@value #ROUNDS} windows each that alternate between the two, so that this VM's drift
 * from minute to minute (a third in CPU per message) falls on both alike. The server not being measured is paused
 * ({@link ServerProcess#pause()}), so that its background work (a JVM's timers, compiler and collector) does not fall
 * on the other's windows: with WardWatch's JVM idle but running, Mosquitto's p99 grew by half and more.
 */
final class AlarmLatency {

  static final int DEVICES = 1_000;
  static final int WARDS = 10;
  static final double FRAMES_PER_SECOND = 10_000;
  static final int ABNORMAL_EVERY = 50;
  static final long TARGET_P99_NANOS = 5_000_000;
  /** How many windows each server's measured time is split into. */
  static final int ROUNDS = 5;

  private AlarmLatency() {
  }

  /** The run's figures: alarm and vitals latency and server CPU per frame, and Mosquitto's in the same run. */
  record Result(Histogram alarms, Histogram vitals, CpuTime cpuPerFrame, MosquittoPeer.Result mosquitto) {
  }

  static Result run(Vertx generator, int serverCore, Duration warmUp, Duration measure) throws Exception {
    try (ServerProcess server = WardWatchServer.start(serverCore);
        WardLoad load = WardLoad.connect(generator, WardLoad.Server.WARDWATCH, "w3", DEVICES, WARDS,
            ABNORMAL_EVERY, 1);
        MosquittoPeer mosquitto = MosquittoPeer.connect(generator, serverCore, DEVICES)) {
      load.warmUp(FRAMES_PER_SECOND, warmUp.multipliedBy(2));
      mosquitto.warmUp(FRAMES_PER_SECOND, warmUp);
      Histogram alarms = new Histogram(60_000_000_000L, 3);
      Histogram vitals = new Histogram(60_000_000_000L, 3);
      CpuTime cpu = CpuTime.NONE;
      Duration window = measure.dividedBy(ROUNDS);
      try {
        for (int round = 0; round < ROUNDS; round++) {
          mosquitto.pause();
          load.settle(FRAMES_PER_SECOND);
          CpuTime before = server.cpu();
          load.run(FRAMES_PER_SECOND, window);
          cpu = cpu.plus(server.cpu().minus(before));
          load.drain();
          System.out.println("W3  " + load.slowBursts());
          alarms.add(load.alarmLatency());
          vitals.add(load.vitalsLatency());
          mosquitto.resume();
          server.pause(); // a few seconds: the bridge closes a session silent for 10 s
          mosquitto.window(FRAMES_PER_SECOND, window);
          server.resume();
        }
        return new Result(alarms, vitals, cpu.per(Math.round(FRAMES_PER_SECOND * measure.toMillis() / 1000)),
            mosquitto.result());
      } finally {
        server.resume(); // both run again, to close their connections
        mosquitto.resume();
      }
    }
  }

  static Row row(Result result) {
    long p99 = result.alarms().getValueAtPercentile(99);
    return new Row("W3", "abnormal frame → alarm at the browser, p50 / p99 (10,000 frames/s)",
        Row.percentiles(result.alarms()) + " (" + result.alarms().getTotalCount() + " alarms)", "", "p99 ≤ 5 ms",
        result.alarms().getTotalCount() > 0 && p99 <= TARGET_P99_NANOS);
  }
}
