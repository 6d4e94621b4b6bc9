package org.wardwatch.simulator;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated ward: one monitor per bed, each a TCP client of the device server that says HELLO, sends a numbered
 * observation frame per interval and resends what was not acknowledged after a reconnect.
 *
 * <p>Start sets up the monitors and completes at once; the first frames of the beds are spread across one interval,
 * and a device server that is not listening yet is retried with backoff, never failing the deployment. Stop cancels
 * every timer and closes every connection.
 *
 * <p>Thread: runs on its own event loop; all monitors live on it. Ownership: deployed by the node when the simulator
 * is enabled, with a configuration whose port is already resolved ({@link SimulatorConfig#aimedAt}); owns
 * its client, monitors, beds and timers.
 */
public final class WardSimulatorVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(WardSimulatorVerticle.class);
  private static final int CONNECT_TIMEOUT_MS = 5_000;

  private final SimulatorConfig config;
  private final List<SimulatedDevice> devices = new ArrayList<>();
  private NetClient client;

  /** A simulator for {@code config}; its port must not be 0. */
  public WardSimulatorVerticle(SimulatorConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public Future<?> start() {
    if (config.port() == 0) {
      return Future.failedFuture(
          new IllegalStateException("simulator port is 0: resolve it with aimedAt before deploying"));
    }
    NetClientOptions options = new NetClientOptions()
        .setConnectTimeout(CONNECT_TIMEOUT_MS)
        .setTcpNoDelay(true)
        .setTcpKeepAlive(true);
    client = vertx.createNetClient(config.tls() == null ? options : config.tls().secure(options));
    for (int bed = 1; bed <= config.beds(); bed++) {
      SimulatedDevice device = new SimulatedDevice(vertx, client, config, bed);
      device.start(firstFrameDelay(bed));
      devices.add(device);
    }
    LOG.info("[{}] simulating {} beds against {}, one frame every {} ms",
        config.ward(), config.beds(), config.servers(), config.intervalMs());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    List<Future<Void>> closing = new ArrayList<>();
    devices.forEach(device -> closing.add(device.stop()));
    devices.clear();
    if (client == null) {
      return Future.succeededFuture();
    }
    LOG.info("[{}] simulator stopped", config.ward());
    return Future.join(closing).transform(closed -> client.close());
  }

  /** Beds send their first frame evenly spread across one interval, so the server sees a steady stream. */
  private long firstFrameDelay(int bed) {
    return config.intervalMs() * (bed - 1) / config.beds();
  }
}
