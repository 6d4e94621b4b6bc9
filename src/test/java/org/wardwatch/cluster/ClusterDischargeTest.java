package org.wardwatch.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardwatch.testing.DeviceClient;
import org.wardwatch.testing.TestCluster;
import org.wardwatch.web.RestClient;

/**
 * A discharge on a cluster of two nodes: asked of the node that does not own the patient, carried out by the owner,
 * and lasting through the owner's death: the member that takes its patients over admits the discharged one afresh when
 * its monitor sends again, not with its old alarms.
 */
class ClusterDischargeTest {

  /** Enough patients that each member owns some. */
  private static final List<String> PATIENTS = IntStream.rangeClosed(1, 16).mapToObj(i -> "P-" + i).toList();

  private TestCluster cluster;
  private TestCluster.Member nodeA;
  private TestCluster.Member nodeB;

  @BeforeEach
  void startTwoNodes() {
    cluster = new TestCluster();
    nodeA = cluster.start();
    nodeB = cluster.start();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void aPatientDischargedThroughAnotherNodeStaysDischargedWhenItsOwnerDies() throws InterruptedException {
    for (String patient : PATIENTS) {
      try (DeviceClient device = new DeviceClient(nodeA.node().devicePort())) {
        device.send("HELLO|Device=D" + patient + "|Patient=" + patient + "|Ward=icu\nPulse=190|Seq=1\n");
        device.readLine();
        device.readLine();
      } // the device's disconnection is a technical alarm: the patient may be discharged
    }
    Membership membership = nodeA.node().membership();
    String ownedByA = PATIENTS.stream().filter(p -> membership.self().equals(membership.ownerOf(p))).findFirst()
        .orElseThrow(() -> new AssertionError("node A owns none of the patients"));
    awaitPatients(nodeB, list -> list.size() == PATIENTS.size() && list.stream().map(JsonObject.class::cast)
        .allMatch(patient -> patient.getJsonArray("technicalAlarms").size() == 1));

    RestClient.Reply discharged = new RestClient(nodeB.node().httpPort()).request(HttpMethod.POST,
        "/api/patients/" + ownedByA + "/discharge", null, new JsonObject().put("user", "nurse.kim"));

    assertEquals(200, discharged.statusCode(), discharged.body()::toString);
    awaitPatients(nodeB, list -> list.size() == PATIENTS.size() - 1);
    cluster.kill(nodeA);
    cluster.awaitPartitionsSettled();

    try (DeviceClient device = new DeviceClient(nodeB.node().devicePort())) {
      device.send("HELLO|Device=D" + ownedByA + "|Patient=" + ownedByA + "|Ward=icu\nPulse=80|Seq=2\n");
      assertEquals("ACK|", device.readLine());
      assertEquals("ACK|2", device.readLine());
      JsonObject admitted = find(awaitPatients(nodeB, list -> list.size() == PATIENTS.size()), ownedByA);
      assertEquals(new JsonArray(), admitted.getJsonArray("alarms"), "admitted afresh, not with the old state");
      assertEquals(new JsonArray(), admitted.getJsonArray("technicalAlarms"));
      assertEquals(1, admitted.getLong("seq"));
    }
  }

  private static JsonObject find(JsonArray patients, String patient) {
    return patients.stream().map(JsonObject.class::cast).filter(p -> patient.equals(p.getString("patient")))
        .findFirst().orElseThrow(() -> new AssertionError("no " + patient + " in " + patients.encode()));
  }

  private static JsonArray awaitPatients(TestCluster.Member member, Predicate<JsonArray> ready)
      throws InterruptedException {
    JsonArray patients = new JsonArray();
    for (long deadline = System.currentTimeMillis() + 20_000; System.currentTimeMillis() < deadline; ) {
      patients = new JsonArray(new RestClient(member.node().httpPort()).get("/api/patients").body());
      if (ready.test(patients)) {
        return patients;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("patients never as expected: " + patients.stream().map(JsonObject.class::cast)
        .map(p -> p.getString("patient") + " " + p.getJsonArray("alarms").size() + "+"
            + p.getJsonArray("technicalAlarms").size() + " alarms").toList());
  }
}
