package org.wardwatch.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.List;

/**
 * W1, ingest ceiling: {@value #DEVICES} devices flood batches of {@value #FRAMES_PER_BATCH} line frames (each for one
 * of {@value #PATIENTS_PER_DEVICE} patients of the device) as fast as the server takes them. WardWatch's figure counts
 * the frames it answered (each parsed and evaluated by the rules, each patient's snapshot published once per batch);
 * the floor is a bare Vert.x server that only splits lines, fed the same way.
 */
final class IngestCeiling {

  static final int DEVICES = 16;
  static final int PATIENTS_PER_DEVICE = 64;
  static final int FRAMES_PER_BATCH = 1024;
  static final int BARE_PORT = 17100;
  static final double TARGET = 1_000_000;

  private IngestCeiling() {
  }

  static List<Row> run(Vertx generator, int serverCore, Duration warmUp, Duration measure) throws Exception {
    double wardWatch;
    double cpuPerFrame;
    try (ServerProcess server = WardWatchServer.start(serverCore);
        DeviceFleet fleet = DeviceFleet.connect(generator, WardWatchServer.DEVICE_PORT, DEVICES,
            device -> "HELLO|Device=W1-" + device + "|Ward=w1")) {
      fleet.flood(IngestCeiling::batch, warmUp.multipliedBy(3)); // the JIT compiler shares the server's core
      long answered = fleet.answers();
      long cpu = server.cpu().totalNanos();
      fleet.flood(IngestCeiling::batch, measure);
      long frames = fleet.answers() - answered;
      wardWatch = frames / (double) measure.toSeconds();
      cpuPerFrame = (server.cpu().totalNanos() - cpu) / (double) frames;
    }
    double floor;
    try (ServerProcess bare = ServerProcess.start("bare-line-server", serverCore, ServerProcess.suiteClassPath(),
        BareLineServer.class.getName(), List.of(Integer.toString(BARE_PORT)), BARE_PORT);
        DeviceFleet fleet = DeviceFleet.connect(generator, BARE_PORT, DEVICES, device -> null)) {
      fleet.flood(IngestCeiling::batch, warmUp);
      floor = fleet.flood(IngestCeiling::batch, measure) * (double) FRAMES_PER_BATCH / measure.toSeconds();
    }
    return List.of(
        new Row("W1", "ingest frames/s (parse, rules, publish) vs bare line split", Row.rate(wardWatch),
            Row.rate(floor), "≥ 1,000,000/s", wardWatch >= TARGET),
        Row.info("W1", "WardWatch / bare line split", Row.ratio(wardWatch / floor), ""),
        Row.info("W1", "server CPU per frame", Row.micros(cpuPerFrame), ""));
  }

  /** Device {@code device}'s batch: its patients in turn, with varying normal vitals. */
  static Buffer batch(int device) {
    Buffer batch = Buffer.buffer(FRAMES_PER_BATCH * 80);
    for (int i = 0; i < FRAMES_PER_BATCH; i++) {
      batch.appendString("Patient=W1-" + device + "-" + (i % PATIENTS_PER_DEVICE) + "|Pulse=" + (60 + i % 40)
          + "|SpO2=" + (94 + i % 5) + "|RR=16|Temperature=36.8|BP=120/80\n");
    }
    return batch;
  }
}
