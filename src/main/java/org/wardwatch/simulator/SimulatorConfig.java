package org.wardwatch.simulator;

import java.util.ArrayList;
import java.util.List;
import org.wardwatch.bus.Addresses;
import org.wardwatch.config.ClientTlsConfig;
import org.wardwatch.config.ConfigSection;
import org.wardwatch.config.TlsConfig;

/**
 * Settings of the simulated ward (config section {@code simulator}).
 *
 * @param enabled     whether the node runs the simulator at all (off by default; the demo config turns it on)
 * @param host        device server to connect to
 * @param port        its port; 0 means the port of this node's device server
 * @param ward        ward the simulated beds belong to
 * @param beds        number of beds, one device connection each
 * @param intervalMs  time between two frames of one bed
 * @param seed        random seed, so a demo or test run is repeatable
 * @param failover    other device servers ({@code host:port}) of the cluster: a device whose connection is lost
 *                    reconnects to the next server of {@code host:port} followed by these, in turn, with backoff
 * @param tls         how the devices connect over TLS, or {@code null} for plain TCP (aimed at this node, they
 *                    trust its device server's certificate: {@link #aimedAt})
 */
public record SimulatorConfig(boolean enabled, String host, int port, String ward, int beds, long intervalMs,
    long seed, List<String> failover, ClientTlsConfig tls) {

  /** A port a device can connect to, 1 to 65535. */
  private static final String PORT = "(6553[0-5]|655[0-2]\\d|65[0-4]\\d{2}|6[0-4]\\d{3}|[1-5]\\d{4}|[1-9]\\d{0,3})";
  private static final String SERVER = "[^\\s:]+:" + PORT;

  public static SimulatorConfig from(ConfigSection section) {
    return new SimulatorConfig(
        section.bool("enabled", false),
        section.string("host", "127.0.0.1", "\\S+"),
        section.integer("port", 0, 0, 65535),
        section.string("ward", "medical", Addresses.WARD_PATTERN),
        section.integer("beds", 12, 1, 10_000),
        section.longValue("intervalMs", 1000, 10, 3_600_000),
        section.longValue("seed", 1L, Long.MIN_VALUE, Long.MAX_VALUE),
        section.strings("failover", List.of(), SERVER, "host:port, the port 1 to 65535"),
        ClientTlsConfig.from(section));
  }

  /**
   * This configuration aimed at this node's device server, listening on {@code devicePort} with {@code deviceTls}
   * (or {@code null}), when no port was configured: with TLS, and without a {@code simulator.tls} section, the
   * devices trust the server's own certificate.
   */
  public SimulatorConfig aimedAt(int devicePort, TlsConfig deviceTls) {
    if (port != 0) {
      return this;
    }
    ClientTlsConfig clientTls = tls != null || deviceTls == null ? tls : ClientTlsConfig.trusting(deviceTls);
    return new SimulatorConfig(enabled, host, devicePort, ward, beds, intervalMs, seed, failover, clientTls);
  }

  /** The device servers to try, in turn: {@code host:port} first, then {@link #failover}. */
  public List<String> servers() {
    List<String> servers = new ArrayList<>();
    servers.add(host + ":" + port);
    servers.addAll(failover);
    return servers;
  }
}
