package org.wardwatch.device.mllp;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.wardwatch.node.NodeVerticle;
import org.wardwatch.testing.Pcd01Messages;
import org.wardwatch.testing.TestNode;

/**
 * What the tests of a node's MLLP listener share: a whole node, deployed afresh for each test with a small message
 * limit ({@link #SMALL_LIMIT} bytes), a monitor's PCD-01 vitals, and a segment of the ACK it gets.
 */
abstract class MllpServerFixture {

  static final int SMALL_LIMIT = 4096;

  Vertx vertx;
  NodeVerticle node;

  @BeforeEach
  void startNode(Vertx vertx) {
    this.vertx = vertx;
    node = TestNode.deploy(vertx, new JsonObject().put("hl7", new JsonObject().put("maxMessageBytes", SMALL_LIMIT)));
  }

  static String vitals(String controlId, String patient, int heartRate) {
    return Pcd01Messages.vitals("MON-1", controlId, patient, "mllp", "1", Instant.now(), heartRate);
  }

  static String segment(String ack, String name) {
    return Arrays.stream(ack.split("\r")).filter(s -> s.startsWith(name + "|")).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + ack));
  }
}
