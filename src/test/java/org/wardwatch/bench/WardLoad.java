package org.wardwatch.bench;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.wardwatch.bus.Addresses;

/**
 * Open-loop devices reporting to a server and browser sessions subscribed to their wards: device i is patient
 * {@code <prefix>-i} in ward {@code <prefix>-(i mod wards)}. Times every frame from its scheduled send to each
 * browser's receipt of the patient's snapshot; optionally every {@code abnormalEvery}-th frame of a device carries a
 * pulse of 160 for a new patient (a HIGH alarm without onset delay in the default rules) and the alarm's RAISED event
 * is timed as well. The server is WardWatch ({@link #WARDWATCH}) or, for W4's reference, the stock bridge
 * fed snapshot-shaped JSON ({@link #STOCK_BRIDGE}). Used by W2, W3, W4 and W5.
 */
final class WardLoad implements AutoCloseable {

  static final int ABNORMAL_PULSE = 160;

  private final String prefix;
  private final int abnormalEvery;
  private final DeviceFleet fleet;
  private final BridgeSessions browser;
  private final TaggedSchedule vitals;
  /** Scheduled time of each abnormal frame not yet seen raised, by its patient's number ({@code <prefix>-a<n>}). */
  private final Map<Long, Long> abnormalAt = new HashMap<>();
  private final Histogram alarmLatency = new Histogram(60_000_000_000L, 3);
  private long delivered;
  private long abnormalFrames;

  private final Server server;
  private final int wards;

  /** Where devices and browsers connect, and what they say. */
  enum Server {
    WARDWATCH(WardWatchServer.DEVICE_PORT, WardWatchServer.HTTP_PORT),
    STOCK_BRIDGE(StockBridgeServer.TCP_PORT, StockBridgeServer.HTTP_PORT);

    final int devicePort;
    final int httpPort;

    Server(int devicePort, int httpPort) {
      this.devicePort = devicePort;
      this.httpPort = httpPort;
    }
  }

  private WardLoad(Vertx generator, Server server, String prefix, int devices, int wards, int abnormalEvery,
      int sessions) {
    this.server = server;
    this.prefix = prefix;
    this.wards = wards;
    this.abnormalEvery = abnormalEvery;
    this.vitals = new TaggedSchedule(devices);
    this.fleet = DeviceFleet.connect(generator, server.devicePort, devices, device -> server == Server.WARDWATCH
        ? "HELLO|Device=" + prefix + "-" + device + "|Patient=" + prefix + "-" + device + "|Ward=" + ward(device)
        : null);
    List<String> addresses = server == Server.STOCK_BRIDGE ? List.of(StockBridgeServer.ADDRESS)
        : IntStream.range(0, wards).boxed().flatMap(ward -> Stream.of(
            Addresses.wardVitals(prefix + "-" + ward), Addresses.wardAlarms(prefix + "-" + ward))).toList();
    this.browser = BridgeSessions.open(generator, server.httpPort, WardWatchServer.ORIGIN, sessions, addresses,
        this::onMessage);
  }

  /** Connects the devices (each says HELLO) and {@code sessions} browsers; no frames yet. */
  static WardLoad connect(Vertx generator, Server server, String prefix, int devices, int wards, int abnormalEvery,
      int sessions) {
    return new WardLoad(generator, server, prefix, devices, wards, abnormalEvery, sessions);
  }

  private String ward(int device) {
    return prefix + "-" + device % wards;
  }

  /** Sends {@code framesPerSecond} in all for {@code duration}. */
  void run(double framesPerSecond, Duration duration) throws InterruptedException {
    fleet.openLoop(framesPerSecond, duration, this::frame);
  }

  /**
   * Brings the server to steady state: a quarter, a half, then all of {@code framesPerSecond}, each for
   * {@code step}, so that the just-in-time compiler has done its work before anything is measured (a cold server on
   * one core falls behind at full rate and takes long to catch up), then forgets what was measured.
   */
  void warmUp(double framesPerSecond, Duration step) throws InterruptedException {
    for (double share : new double[] {0.25, 0.5, 1}) {
      run(framesPerSecond * share, step);
    }
    drain();
    reset();
  }

  /** Waits for the deliveries of the last frames sent. */
  void drain() throws InterruptedException {
    Thread.sleep(1000);
  }

  /** Forgets what was measured so far (after a warm-up). */
  void reset() {
    vitals.latency().reset();
    alarmLatency.reset();
    delivered = 0;
  }

  Histogram vitalsLatency() {
    return vitals.latency();
  }

  Histogram alarmLatency() {
    return alarmLatency;
  }

  long delivered() {
    return delivered;
  }

  private String frame(int device, long number, long scheduled) {
    if (abnormalEvery > 0 && (number + device) % abnormalEvery == abnormalEvery - 1) { // spread over the devices
      // A patient of its own (identity keys in a frame apply to that frame only): a HIGH alarm latches until it is
      // acknowledged, so the device's own patient would raise only once.
      long patient = abnormalFrames++;
      abnormalAt.put(patient, scheduled);
      return "Patient=" + prefix + "-a" + patient + "|Pulse=" + ABNORMAL_PULSE
          + "|SpO2=97|RR=16|Temperature=36.8|BP=120/80";
    }
    int pulse = TaggedSchedule.pulseOf(number);
    vitals.sent(device, pulse, scheduled);
    return server == Server.WARDWATCH ? "Pulse=" + pulse + "|SpO2=97|RR=16|Temperature=36.8|BP=120/80"
        : StockBridgeServer.snapshotLike(prefix + "-" + device, ward(device), pulse);
  }

  private void onMessage(String message) {
    long now = System.nanoTime();
    delivered++;
    int device = TaggedSchedule.intAfter(message, "\"patient\":\"" + prefix + "-");
    if (message.contains("\"type\":\"RAISED\"")) {
      Long scheduled = message.contains("/THRESHOLD:PULSE/")
          ? abnormalAt.remove((long) TaggedSchedule.intAfter(message, "\"patient\":\"" + prefix + "-a")) : null;
      if (scheduled != null) { // the abnormal frame's HIGH pulse alarm
        alarmLatency.recordValue(Math.min(now - scheduled, alarmLatency.getHighestTrackableValue()));
      }
    } else {
      vitals.delivered(device, TaggedSchedule.intAfter(message, "\"PULSE\":{\"value\":"), now);
    }
  }

  @Override
  public void close() {
    browser.close();
    fleet.close();
  }
}
