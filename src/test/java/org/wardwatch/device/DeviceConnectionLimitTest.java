package org.wardwatch.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.device.DevicePipeline.MAX_BAD;
import static org.wardwatch.device.DevicePipeline.MAX_FRAME;

import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.testing.DeviceClient;

/**
 * The device server's bound on open connections, over real TCP: one connection more is told why and closed, the
 * devices connected go on as before, and a place freed by a device leaving is taken by the next.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class DeviceConnectionLimitTest {

  private static final int MAX_CONNECTIONS = 2;

  @Test
  void givenEveryPlaceTakenThenOneMoreIsRefusedAndThoseConnectedGoOn(Vertx vertx) throws InterruptedException {
    int port = DevicePipeline.deploy(vertx, new DeviceServerConfig("127.0.0.1", 0, MAX_FRAME, 60, MAX_BAD,
        MAX_CONNECTIONS));
    try (DeviceClient first = connected(port, "LIMIT-1"); DeviceClient second = connected(port, "LIMIT-2")) {
      try (DeviceClient third = new DeviceClient(port)) {
        assertEquals("NAK||too many device connections open on this gateway node (2); connect to another node or try"
            + " again later", third.readLine());
        assertTrue(third.closedWithin(Duration.ofSeconds(5)));
      }

      first.send("Pulse=72|Seq=1\n");
      assertEquals("ACK|1", first.readLine());
      second.close();
      try (DeviceClient next = connectedOnceFreed(port)) {
        next.send("Pulse=80|Seq=1\n");
        assertEquals("ACK|1", next.readLine());
      }
    }
  }

  private static DeviceClient connected(int port, String device) {
    DeviceClient client = new DeviceClient(port);
    client.send("HELLO|Device=" + device + "|Ward=limits|Bed=" + device + "\n");
    assertEquals("ACK|", client.readLine());
    return client;
  }

  /** A device admitted once the server has seen a connection close (which it notices a moment after the close). */
  private static DeviceClient connectedOnceFreed(int port) throws InterruptedException {
    for (int attempt = 0; attempt < 50; attempt++) {
      DeviceClient client = new DeviceClient(port);
      client.send("HELLO|Device=LIMIT-3|Ward=limits|Bed=3\n");
      String answer = client.readLine();
      if ("ACK|".equals(answer)) {
        return client;
      }
      client.close();
      Thread.sleep(100);
    }
    throw new AssertionError("no place freed by the device that left");
  }
}
