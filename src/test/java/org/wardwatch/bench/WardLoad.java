package org.wardwatch.bench;

import io.netty.buffer.ByteBuf;
import io.vertx.core.Vertx;
import java.io.IOException;
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
 * systolic pressure of {@value #ABNORMAL_SYSTOLIC} (a MEDIUM alarm without onset delay in the default rules, which does
 * not latch, so the device's next frame clears it and its next abnormal frame raises a new one) and the alarm's
 * RAISED event is timed as well. The server is WardWatch ({@link #WARDWATCH}) or, for W4's reference, the stock bridge
 * fed snapshot-shaped JSON ({@link #STOCK_BRIDGE}). Used by W2, W3, W4 and W5.
 */
final class WardLoad implements AutoCloseable {

  static final int ABNORMAL_SYSTOLIC = 210;
  /** How long the load runs after the generator's collection and before a window: {@link #settle}. */
  static final Duration SETTLE = Duration.ofSeconds(2);
  /** What {@link #onMessage} looks for in a delivered message, as it stands in a SockJS frame. */
  private static final FrameMarker RAISED = new FrameMarker(BridgeSessions.inFrame("type\":\"RAISED\""));
  private static final FrameMarker PULSE = new FrameMarker(BridgeSessions.inFrame("PULSE\":{\"value\":"));
  /** Part of the condition key of the abnormal frame's alarm. */
  private static final FrameMarker HIGH_SYSTOLIC = new FrameMarker("/THRESHOLD:BP_SYSTOLIC/");

  private final String prefix;
  private final FrameMarker patient;
  private final int abnormalEvery;
  private final DeviceFleet fleet;
  private final BridgeSessions browser;
  private final TaggedSchedule vitals;
  /** Scheduled time of each device's abnormal frame not yet seen raised, by device. */
  private final Map<Integer, Long> abnormalAt = new HashMap<>();
  private final Histogram alarmLatency = new Histogram(60_000_000_000L, 3);
  private final SlowBursts slowAlarms = new SlowBursts();
  /** The generator's own pauses since the last {@link #settle}; null before the first. */
  private GeneratorPauses generatorPauses;
  private OpenLoop.Lag lastRunLag;
  private long delivered;

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
      int sessions) throws InterruptedException, IOException {
    this.server = server;
    this.prefix = prefix;
    this.patient = new FrameMarker(BridgeSessions.inFrame("patient\":\"" + prefix + "-"));
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
      int sessions) throws InterruptedException, IOException {
    return new WardLoad(generator, server, prefix, devices, wards, abnormalEvery, sessions);
  }

  private String ward(int device) {
    return prefix + "-" + device % wards;
  }

  /** Sends {@code framesPerSecond} in all for {@code duration}. */
  void run(double framesPerSecond, Duration duration) throws InterruptedException {
    lastRunLag = fleet.openLoop(framesPerSecond, duration, this::frame);
  }

  /**
   * Brings the server to steady state: a quarter, a half, then all of {@code framesPerSecond}, each for
   * {@code step}, so that the just-in-time compiler has done its work before anything is measured (a cold server on
   * one core falls behind at full rate and takes long to catch up); then collects the generator's heap and runs
   * {@link #SETTLE} more at full rate before forgetting what was measured, so that the window does not start
   * with every device resuming at once after the pause (its first 130 ms were a burst of slow deliveries).
   */
  void warmUp(double framesPerSecond, Duration step) throws InterruptedException {
    for (double share : new double[] {0.25, 0.5, 1}) {
      run(framesPerSecond * share, step);
    }
    settle(framesPerSecond);
  }

  /**
   * Collects the generator's heap, then runs {@link #SETTLE} at {@code framesPerSecond} before forgetting what was
   * measured: what a window at that rate starts from.
   */
  void settle(double framesPerSecond) throws InterruptedException {
    generatorPauses = GeneratorPauses.collectThenCount(); // while no frames go out
    run(framesPerSecond, SETTLE);
    forget();
  }

  /** Waits for the deliveries of the last frames sent. */
  void drain() throws InterruptedException {
    Thread.sleep(1000);
  }

  /** Forgets what was measured so far. */
  private void forget() {
    vitals.reset();
    alarmLatency.reset();
    slowAlarms.reset();
    delivered = 0;
  }

  Histogram vitalsLatency() {
    return vitals.latency();
  }

  /** The vitals' latency from when their frames actually left (without the generator's own send delays). */
  Histogram vitalsLatencyFromSend() {
    return vitals.latencyFromSend();
  }

  /** The alarms and the vitals slower than W3's target since the last window began, in bursts ({@link SlowBursts}). */
  String slowBursts() {
    return slowAlarms.summary("alarms") + "\n    " + slowVitals();
  }

  /** The vitals slower than W3's target since the last window began, in bursts, and the generator's own delays. */
  String slowVitals() {
    return vitals.slowBursts().summary("vitals") + "\n    " + generatorDelays();
  }

  /** The generator's own collections since the last {@link #settle} and how late its sends left in the last run. */
  String generatorDelays() {
    return (generatorPauses == null ? "generator: not settled yet" : generatorPauses.summary())
        + (lastRunLag == null ? "" : "; " + lastRunLag.summary());
  }

  Histogram alarmLatency() {
    return alarmLatency;
  }

  long delivered() {
    return delivered;
  }

  private String frame(int device, long number, long scheduled) {
    int pulse = TaggedSchedule.pulseOf(number);
    vitals.sent(device, pulse, scheduled);
    if (server == Server.STOCK_BRIDGE) {
      return StockBridgeServer.snapshotLike(prefix + "-" + device, ward(device), pulse);
    }
    int systolic = 120;
    if (abnormalEvery > 0 && (number + device) % abnormalEvery == abnormalEvery - 1) { // spread over the devices
      abnormalAt.put(device, scheduled);
      systolic = ABNORMAL_SYSTOLIC;
    }
    return "Pulse=" + pulse + "|SpO2=97|RR=16|Temperature=36.8|BP=" + systolic + "/80";
  }

  /** One delivered message: {@code frame} from {@code from} up to {@code to} ({@link BridgeSessions.Delivery}). */
  private void onMessage(ByteBuf frame, int from, int to) {
    long now = System.nanoTime();
    delivered++;
    int device = patient.intAfter(frame, from, to);
    if (RAISED.in(frame, from, to) >= 0) {
      Long scheduled = HIGH_SYSTOLIC.in(frame, from, to) >= 0 ? abnormalAt.remove(device) : null;
      if (scheduled != null) { // the abnormal frame's high pressure alarm
        long latency = now - scheduled;
        alarmLatency.recordValue(Math.min(latency, alarmLatency.getHighestTrackableValue()));
        slowAlarms.record(scheduled, latency);
      }
    } else {
      vitals.delivered(device, PULSE.intAfter(frame, from, to), now);
    }
  }

  @Override
  public void close() {
    browser.close();
    fleet.close();
  }
}
