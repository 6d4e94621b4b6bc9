package org.wardwatch.bench;

import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * W3: {@value #DEVICES} devices at {@value #FRAMES_PER_SECOND} frames/s in all; every {@value #ABNORMAL_EVERY}th frame
 * of a device is abnormal. Abnormal frame scheduled → alarm RAISED event received by a browser session, p50/p99. The
 * same run gives WardWatch's side of W5: device → browser latency of the vitals and server CPU per frame.
 */
final class AlarmLatency {

  static final int DEVICES = 1_000;
  static final int WARDS = 10;
  static final double FRAMES_PER_SECOND = 10_000;
  static final int ABNORMAL_EVERY = 50;
  static final long TARGET_P99_NANOS = 5_000_000;

  private AlarmLatency() {
  }

  /** The run's figures: alarm and vitals latency, and server CPU per frame. */
  record Result(org.HdrHistogram.Histogram alarms, org.HdrHistogram.Histogram vitals, double cpuPerFrameNanos) {
  }

  static Result run(Vertx generator, int serverCore, Duration warmUp, Duration measure) throws Exception {
    try (ServerProcess server = WardWatchServer.start(serverCore);
        WardLoad load = WardLoad.connect(generator, WardLoad.Server.WARDWATCH, "w3", DEVICES, WARDS,
            ABNORMAL_EVERY, 1)) {
      load.warmUp(FRAMES_PER_SECOND, warmUp.multipliedBy(2));
      long cpu = server.cpu().toNanos();
      load.run(FRAMES_PER_SECOND, measure);
      double cpuPerFrame = (server.cpu().toNanos() - cpu) / (FRAMES_PER_SECOND * measure.toSeconds());
      load.drain();
      System.out.println("W3  " + load.slowBursts());
      return new Result(load.alarmLatency().copy(), load.vitalsLatency().copy(), cpuPerFrame);
    }
  }

  static Row row(Result result) {
    long p99 = result.alarms().getValueAtPercentile(99);
    return new Row("W3", "abnormal frame → alarm at the browser, p50 / p99 (10,000 frames/s)",
        Row.percentiles(result.alarms()) + " (" + result.alarms().getTotalCount() + " alarms)", "", "p99 ≤ 5 ms",
        result.alarms().getTotalCount() > 0 && p99 <= TARGET_P99_NANOS);
  }
}
