package org.wardwatch.device.mllp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.node.NodeVerticle;
import org.wardwatch.testing.MllpClient;
import org.wardwatch.testing.Pcd01Messages;
import org.wardwatch.testing.TestNode;

/**
 * The MLLP listener's bound on open connections, over real TCP: one connection more is closed at once (it has sent
 * no message to answer), and the monitor connected goes on as before.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class MllpConnectionLimitTest {

  @Test
  void givenEveryPlaceTakenThenOneMoreIsClosedAndTheConnectedMonitorGoesOn(Vertx vertx) {
    NodeVerticle node = TestNode.deploy(vertx, new JsonObject().put("hl7", new JsonObject().put("maxConnections", 1)));
    try (MllpClient monitor = new MllpClient(node.hl7Port())) {
      assertTrue(monitor.send(vitals("LIMIT-1")).readAck().contains("MSA|AA|LIMIT-1"));

      try (MllpClient another = new MllpClient(node.hl7Port())) {
        assertTrue(another.closedWithin(Duration.ofSeconds(5)));
      }
      assertTrue(monitor.send(vitals("LIMIT-2")).readAck().contains("MSA|AA|LIMIT-2"));
    }
  }

  private static String vitals(String controlId) {
    return Pcd01Messages.vitals("MON-LIMIT", controlId, "P-LIMIT", "limits", "1", Instant.now(), 72);
  }
}
