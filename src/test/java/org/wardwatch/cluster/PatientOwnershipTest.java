package org.wardwatch.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardwatch.bus.Addresses;
import org.wardwatch.testing.DeviceClient;
import org.wardwatch.testing.TestCluster;
import org.wardwatch.web.RestClient;

/**
 * Only a patient's owner changes it: work sent to another member's engine (by a sender that chose the owner just
 * before the patient moved) is refused, for the sender to send it to the owner, instead of being applied on a copy the
 * owner never learns of (two clustered nodes in one JVM, real Hazelcast and sockets).
 */
class PatientOwnershipTest {

  private TestCluster cluster;
  private TestCluster.Member nodeA;
  private TestCluster.Member nodeB;

  @BeforeEach
  void start() {
    cluster = new TestCluster();
    nodeA = cluster.start();
    nodeB = cluster.start();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void anAcknowledgementSentToAMemberThatDoesNotOwnThePatientIsRefusedNotLost() throws Exception {
    Membership membership = nodeA.node().membership();
    String ownerB = nodeB.node().membership().self();
    String patient = IntStream.rangeClosed(1, 100).mapToObj(i -> "P-" + i)
        .filter(key -> ownerB.equals(membership.ownerOf(key))).findFirst().orElseThrow();
    try (DeviceClient device = new DeviceClient(nodeA.node().devicePort())) {
      device.send("Device=D1|Patient=" + patient + "|Ward=icu|Pulse=190|Seq=1\n");
      assertEquals("ACK|1", device.readLine());
    }
    JsonObject alarm = pulseAlarm(patient);
    JsonObject acknowledge = new JsonObject().put("action", "acknowledge").put("alarmId", alarm.getString("id"))
        .put("user", "nurse.kim");

    ReplyException refused = assertThrows(ReplyException.class, () -> nodeA.vertx().eventBus()
        .request(Addresses.engineActions(membership.self()), acknowledge).await());

    assertEquals(503, refused.failureCode(), refused.getMessage());
    JsonObject answer = nodeA.vertx().eventBus().<JsonObject>request(Addresses.engineActions(ownerB), acknowledge)
        .await().body();
    assertEquals(true, answer.getBoolean("ok"), answer::encode);
    assertEquals("ACTIVE_ACKNOWLEDGED", pulseAlarm(patient).getString("state"));
  }

  private JsonObject pulseAlarm(String patient) throws InterruptedException {
    for (long deadline = System.currentTimeMillis() + 10_000; System.currentTimeMillis() < deadline; ) {
      RestClient.Reply reply = new RestClient(nodeB.node().httpPort()).get("/api/patients/" + patient);
      if (reply.statusCode() == 200) {
        JsonObject alarm = new JsonObject(reply.body()).getJsonArray("alarms").stream().map(JsonObject.class::cast)
            .filter(candidate -> "THRESHOLD:PULSE".equals(candidate.getString("condition"))).findFirst().orElse(null);
        if (alarm != null) {
          return alarm;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no pulse alarm for " + patient);
  }
}
