package org.wardwatch.web;

import java.util.List;
import org.wardwatch.config.ConfigSection;
import org.wardwatch.config.TlsConfig;

/**
 * Settings of the HTTP / SockJS bridge (config section {@code http}).
 *
 * @param host            interface to bind
 * @param port            HTTP port; 0 binds a free port
 * @param allowedOrigins  origins allowed to use the event-bus bridge and the API from a browser; empty means the
 *                        dashboard's own origin, {@code http://localhost:<port>} and {@code http://127.0.0.1:<port>}
 *                        ({@code https} with TLS)
 * @param tls             the dashboard, API and bridge over HTTPS (and WSS), or {@code null} for plain HTTP
 * @param idleTimeoutSeconds  a connection that sends and receives nothing this long is closed, at least 30 s (a
 *                        SockJS session's heartbeats, every 25 s, keep it open)
 * @param maxConnections  the most HTTP connections open at once; one more is closed at once
 */
public record HttpConfig(String host, int port, List<String> allowedOrigins, TlsConfig tls, int idleTimeoutSeconds,
    int maxConnections) {

  private static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 120;
  /** Above SockJS's heartbeat (every 25 s), which is all a quiet session sends. */
  private static final int MIN_IDLE_TIMEOUT_SECONDS = 30;
  private static final int DEFAULT_MAX_CONNECTIONS = 10_000;

  /** Plain HTTP, with the default limits. */
  public HttpConfig(String host, int port, List<String> allowedOrigins) {
    this(host, port, allowedOrigins, null, DEFAULT_IDLE_TIMEOUT_SECONDS, DEFAULT_MAX_CONNECTIONS);
  }

  public static HttpConfig from(ConfigSection section) {
    return new HttpConfig(
        section.string("host", "0.0.0.0", "\\S+"),
        section.integer("port", 8080, 0, 65535),
        section.strings("allowedOrigins", List.of(), "\\S+", "an origin, e.g. https://ward.example"),
        TlsConfig.from(section),
        section.integer("idleTimeoutSeconds", DEFAULT_IDLE_TIMEOUT_SECONDS, MIN_IDLE_TIMEOUT_SECONDS, 86_400),
        section.integer("maxConnections", DEFAULT_MAX_CONNECTIONS, 1, 1_000_000));
  }

  /** The configured origins, or the dashboard's own origins on {@code boundPort}. */
  public List<String> originsFor(int boundPort) {
    if (!allowedOrigins.isEmpty()) {
      return allowedOrigins;
    }
    String scheme = tls == null ? "http" : "https";
    return List.of(scheme + "://localhost:" + boundPort, scheme + "://127.0.0.1:" + boundPort);
  }
}
