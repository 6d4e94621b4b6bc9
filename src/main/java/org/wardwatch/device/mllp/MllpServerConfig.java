package org.wardwatch.device.mllp;

import org.wardwatch.config.ConfigSection;
import org.wardwatch.config.TlsConfig;

/**
 * Settings of the HL7 MLLP listener (config section {@code hl7}).
 *
 * @param host                interface to bind
 * @param port                TCP port (2575, the registered HL7 port); 0 binds a free port
 * @param maxMessageBytes     largest accepted message
 * @param idleTimeoutSeconds  a connection that sends nothing for this long is closed
 * @param maxConnections      the most connections open at once; one more is refused. Each may hold up to
 *                            {@code maxMessageBytes} of a message not yet complete, so the two bound that heap
 * @param tls                 MLLP over TLS, and with a client CA mutual TLS, or {@code null} for plain TCP
 */
public record MllpServerConfig(String host, int port, int maxMessageBytes, int idleTimeoutSeconds,
    int maxConnections, TlsConfig tls) {

  public static MllpServerConfig from(ConfigSection section) {
    return new MllpServerConfig(
        section.string("host", "0.0.0.0", "\\S+"),
        section.integer("port", 2575, 0, 65535),
        section.integer("maxMessageBytes", 1 << 20, 1024, 64 << 20),
        section.integer("idleTimeoutSeconds", 300, 1, 86_400),
        section.integer("maxConnections", 500, 1, 100_000),
        TlsConfig.from(section));
  }
}
