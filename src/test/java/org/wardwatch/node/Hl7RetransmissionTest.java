package org.wardwatch.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.testing.MllpClient;
import org.wardwatch.testing.Pcd01Messages;
import org.wardwatch.testing.TestNode;
import org.wardwatch.web.RestClient;

/**
 * A whole node: a monitor that retransmits a message (same MSH-10) with its MSH-7 made afresh gets its ACK again, and
 * the message is not recorded twice (clinical.md: a repeated MSH-10 from the same sender must not be processed twice).
 */
@ExtendWith(VertxExtension.class)
class Hl7RetransmissionTest {

  @Test
  void aRetransmissionWithItsMessageTimeMadeAfreshIsAcknowledgedAndNotRecordedTwice(Vertx vertx) {
    NodeVerticle node = TestNode.deploy(vertx);
    RestClient http = new RestClient(node.httpPort());
    Instant measured = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);
    String original = Pcd01Messages.vitals("MON-RT", "RT-1", "P-RT", "rt-ward", "4", measured, 120);
    String msh = original.substring(0, original.indexOf('\r'));
    String[] fields = msh.split("\\|", -1);
    fields[6] = Pcd01Messages.hl7Time(measured.plusSeconds(4)); // MSH-7, made afresh for the retransmission
    String retransmitted = String.join("|", fields) + original.substring(msh.length());
    assertNotEquals(original, retransmitted);

    try (MllpClient monitor = new MllpClient(node.hl7Port())) {
      assertTrue(monitor.send(original).readAck().contains("MSA|AA|RT-1"));
      long seq = new JsonObject(http.get("/api/patients/P-RT").body()).getLong("seq");

      assertTrue(monitor.send(retransmitted).readAck().contains("MSA|AA|RT-1"), "acknowledged again");

      assertEquals(seq, new JsonObject(http.get("/api/patients/P-RT").body()).getLong("seq"), "not recorded twice");
    }
  }
}
