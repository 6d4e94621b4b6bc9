package org.wardwatch.device;

import org.wardwatch.config.ConfigException;
import org.wardwatch.config.ConfigSection;
import org.wardwatch.config.TlsConfig;

/**
 * Settings of the device TCP server (config section {@code devices}).
 *
 * @param host                     interface to bind
 * @param port                     TCP port; 0 binds a free port
 * @param maxFrameLength           longest accepted frame in bytes, line ending excluded
 * @param idleTimeoutSeconds       a connection that sends nothing for this long is closed
 * @param maxConsecutiveBadFrames  a device whose frames are rejected this many times in a row is cut off
 * @param maxConnections           the most device connections open at once; one more is refused
 * @param tls                      TLS, and with a client CA mutual TLS, or {@code null} for plain TCP
 * @param certificateNamesDevice   with mutual TLS, a connection speaks only for the devices its certificate names
 *                                 (its common name and DNS names): a monitor's certificate cannot send another's
 *                                 vitals. Off for a gateway relaying many devices under one certificate.
 */
public record DeviceServerConfig(String host, int port, int maxFrameLength, int idleTimeoutSeconds,
    int maxConsecutiveBadFrames, int maxConnections, TlsConfig tls, boolean certificateNamesDevice) {

  /** Plain TCP. */
  public DeviceServerConfig(String host, int port, int maxFrameLength, int idleTimeoutSeconds,
      int maxConsecutiveBadFrames, int maxConnections) {
    this(host, port, maxFrameLength, idleTimeoutSeconds, maxConsecutiveBadFrames, maxConnections, null, false);
  }

  /** @throws ConfigException when devices are to be named by certificates no client must present */
  public DeviceServerConfig {
    if (certificateNamesDevice && (tls == null || !tls.mutual())) {
      throw new ConfigException("devices.certificateNamesDevice: needs devices.tls with clientCaPath, so that every "
          + "device presents a certificate");
    }
  }

  public static DeviceServerConfig from(ConfigSection section) {
    return new DeviceServerConfig(
        section.string("host", "0.0.0.0", "\\S+"),
        section.integer("port", 7000, 0, 65535),
        section.integer("maxFrameLength", 4096, 64, 1 << 20),
        section.integer("idleTimeoutSeconds", 120, 1, 86_400),
        section.integer("maxConsecutiveBadFrames", 10, 1, 10_000),
        section.integer("maxConnections", 20_000, 1, 1_000_000),
        TlsConfig.from(section),
        section.bool("certificateNamesDevice", false));
  }

}
