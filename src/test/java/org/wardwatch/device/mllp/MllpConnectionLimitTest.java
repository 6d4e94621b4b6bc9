package org.wardwatch.device.mllp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.node.NodeVerticle;
import org.wardwatch.testing.MllpClient;
import org.wardwatch.testing.Pcd01Messages;
import org.wardwatch.testing.TestNode;

/**
 * The MLLP listener's bound on open connections, over real TCP: one connection more is closed at once (it has sent
 * no message to answer), the monitor connected goes on as before, and a place freed by a monitor leaving is taken by
 * the next.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class MllpConnectionLimitTest {

  private static final Logger LOG = LoggerFactory.getLogger(MllpConnectionLimitTest.class);

  @Test
  void givenEveryPlaceTakenThenOneMoreIsClosedAndTheConnectedMonitorGoesOn(Vertx vertx) throws InterruptedException {
    NodeVerticle node = TestNode.deploy(vertx, new JsonObject().put("hl7", new JsonObject().put("maxConnections", 1)));
    try (MllpClient monitor = new MllpClient(node.hl7Port())) {
      assertTrue(monitor.send(vitals("LIMIT-1")).readAck().contains("MSA|AA|LIMIT-1"));

      try (MllpClient another = new MllpClient(node.hl7Port())) {
        assertTrue(another.closedWithin(Duration.ofSeconds(5)));
      }
      assertTrue(monitor.send(vitals("LIMIT-2")).readAck().contains("MSA|AA|LIMIT-2"));
    }
    assertTrue(admittedOnceFreed(node.hl7Port()), "no place freed by the monitor that left");
  }

  /**
   * Whether a new monitor is answered once the listener has seen the last one close (a moment after it closed); a
   * refused one finds its connection closed, unanswered.
   */
  private static boolean admittedOnceFreed(int port) throws InterruptedException {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (MllpClient next = new MllpClient(port)) {
        String ack = next.send(vitals("LIMIT-3")).readAck();
        if (ack != null) {
          return ack.contains("MSA|AA|LIMIT-3");
        }
      } catch (UncheckedIOException refused) {
        LOG.debug("refused again: {}", refused.getMessage()); // the write or read met the closed connection
      }
      Thread.sleep(100);
    }
    return false;
  }

  private static String vitals(String controlId) {
    return Pcd01Messages.vitals("MON-LIMIT", controlId, "P-LIMIT", "limits", "1", Instant.now(), 72);
  }
}
