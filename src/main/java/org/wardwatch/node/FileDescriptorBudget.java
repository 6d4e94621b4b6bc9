package org.wardwatch.node;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * Whether the connection limits can be reached: each device, HL7 or HTTP connection is a file descriptor, as are the
 * node's own files, listeners and cluster links. Past the process's limit, connections fail on every port (the
 * dashboard's included) instead of one connection too many being refused, so limits set above it are worth a warning
 * at start-up.
 */
final class FileDescriptorBudget {

  /** Descriptors kept for the node itself, besides device, HL7 and HTTP connections. */
  static final long RESERVED = 1024;

  private FileDescriptorBudget() {
  }

  /** The process's limit on open files, when the platform says (a Unix JVM). */
  static Optional<Long> processLimit() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
        ? Optional.of(unix.getMaxFileDescriptorCount()) : Optional.empty();
  }

  /** The warning to log when the most connections of each listener together do not fit {@code limit}. */
  static Optional<String> warning(long limit, int deviceConnections, int hl7Connections, int httpConnections) {
    if ((long) deviceConnections + hl7Connections + httpConnections + RESERVED <= limit) {
      return Optional.empty();
    }
    return Optional.of("devices.maxConnections (" + deviceConnections + "), hl7.maxConnections (" + hl7Connections
        + ") and http.maxConnections (" + httpConnections + ") exceed the " + limit + " files this process may open, "
        + "less " + RESERVED + " for the node itself: past that, every port fails to accept rather than one "
        + "connection too many being refused. Raise the limit (ulimit -n, systemd's LimitNOFILE) or lower the "
        + "settings");
  }
}
