package org.wardwatch.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for a test to configure before the server that binds them starts. Each is free when chosen and below
 * Linux's ephemeral range (from 32768 by default): a port the kernel hands out as ephemeral may go to an outgoing
 * connection or another random bind (a browser's, a node's event-bus port) between its choosing and its binding. None
 * is chosen twice in one JVM.
 */
public final class FreePorts {

  private static final Set<Integer> CHOSEN = new HashSet<>();

  private FreePorts() {
  }

  /** A port free now, below the ephemeral range, not chosen before in this JVM. */
  public static synchronized int choose() {
    while (true) {
      int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
      if (CHOSEN.add(port)) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
          return socket.getLocalPort();
        } catch (IOException taken) {
          // try another
        }
      }
    }
  }
}
