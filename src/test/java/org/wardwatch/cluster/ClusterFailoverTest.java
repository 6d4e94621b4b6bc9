package org.wardwatch.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardwatch.bus.Addresses;
import org.wardwatch.testing.DeviceClient;
import org.wardwatch.testing.SockJsClient;
import org.wardwatch.testing.TestCluster;
import org.wardwatch.testing.TestNode;
import org.wardwatch.testing.WebSocketSockJsClient;
import org.wardwatch.web.RestClient;

/**
 * Three clustered nodes in one JVM: the cluster-wide patient list, an acknowledgement made through one node's bridge
 * for a patient another node owns, and the hard loss of a member: its patients are taken over with their alarms and
 * acknowledgements, devices carry on through another node, and no alarm is lost or raised twice; a patient discharged
 * through another node is taken over as discharged, and admitted afresh when its monitor sends again.
 */
class ClusterFailoverTest {

  /** Enough patients that each member owns some (all on other members: less than one chance in 10,000). */
  private static final List<String> PATIENTS = IntStream.rangeClosed(1, 24).mapToObj(i -> "P-" + i).toList();

  private TestCluster cluster;
  private TestCluster.Member nodeA;
  private TestCluster.Member nodeB;
  private TestCluster.Member nodeC;

  @BeforeEach
  void startThreeNodes() {
    cluster = new TestCluster();
    nodeA = cluster.start();
    nodeB = cluster.start();
    nodeC = cluster.start();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void patientsOfAKilledMemberAreTakenOverWithAlarmsAndAcknowledgementsAndNothingIsLostOrDuplicated()
      throws InterruptedException {
    try (DeviceClient devices = new DeviceClient(nodeA.node().devicePort())) {
      for (String patient : PATIENTS) {
        devices.send("Device=D" + patient + "|Patient=" + patient + "|Ward=icu|Pulse=190|Seq=1\n");
        devices.readLine();
      }
    }
    Membership membership = nodeA.membership();
    String ownedByA = PATIENTS.stream().filter(p -> membership.self().equals(membership.ownerOf(p))).findFirst()
        .orElseThrow(() -> new AssertionError("node A owns none of the patients"));
    JsonArray onB = awaitPatients(nodeB, list -> list.size() == PATIENTS.size()
        && list.stream().allMatch(p -> highAlarms((JsonObject) p) == 1));

    String acknowledged = highAlarm(onB, ownedByA);
    try (SockJsClient browser = WebSocketSockJsClient.connect(nodeC.vertx(), nodeC.node().httpPort(),
        TestNode.DASHBOARD_ORIGIN)) {
      JsonObject reply = requestUntilRouted(browser, new JsonObject().put("action", "acknowledge")
          .put("alarmId", acknowledged).put("user", "nurse.kim"));
      assertEquals(true, reply.getBoolean("ok"), reply::encode);
    }
    awaitPatients(nodeA, list -> "ACTIVE_ACKNOWLEDGED".equals(alarmOf(list, ownedByA).getString("state")));

    cluster.kill(nodeA);
    try (DeviceClient devices = new DeviceClient(nodeB.node().devicePort())) {
      // as if the first ACK had been lost with node A: resent, recognised, not applied
      for (String patient : PATIENTS) {
        devices.send("Device=D" + patient + "|Patient=" + patient + "|Ward=icu|Pulse=190|Seq=1\n");
        assertEquals("ACK|1|resend of a frame already recorded; not recorded again", devices.readLine(), patient);
        devices.send("Device=D" + patient + "|Patient=" + patient + "|Ward=icu|Pulse=188|Seq=2\n");
        assertTrue(devices.readLine().startsWith("ACK|2"));
      }
    }

    JsonArray after = awaitPatients(nodeC, list -> list.size() == PATIENTS.size() && list.stream()
        .allMatch(p -> ((JsonObject) p).getJsonObject("vitals").getJsonObject("PULSE").getInteger("value") == 188));
    for (String patient : PATIENTS) {
      assertEquals(1, highAlarms(find(after, patient)), patient + " must keep exactly one pulse alarm");
    }
    JsonObject kept = alarmOf(after, ownedByA);
    assertEquals(acknowledged, kept.getString("id"));
    assertEquals("ACTIVE_ACKNOWLEDGED", kept.getString("state"));
    assertEquals("nurse.kim", kept.getString("acknowledgedBy"));
    Map<String, Long> raised = get(nodeC, "/api/alarms").stream().map(JsonObject.class::cast)
        .filter(entry -> "RAISED".equals(entry.getString("type")))
        .filter(entry -> "THRESHOLD:PULSE".equals(entry.getJsonObject("alarm").getString("condition")))
        .collect(Collectors.groupingBy(entry -> entry.getString("patient"), Collectors.counting()));
    assertEquals(PATIENTS.stream().collect(Collectors.toMap(p -> p, p -> 1L)), raised);
  }

  @Test
  void aPatientDischargedThroughAnotherNodeStaysDischargedWhenItsOwnerDies() throws InterruptedException {
    for (String patient : PATIENTS) {
      try (DeviceClient device = new DeviceClient(nodeA.node().devicePort())) {
        device.send("HELLO|Device=D" + patient + "|Patient=" + patient + "|Ward=icu\nTemp=39.8|Seq=1\n");
        device.readLine();
        device.readLine();
      } // the device's disconnection is a technical alarm: the patient may be discharged
    }
    cluster.awaitPartitionsSettled(); // so that the owner chosen below is the one that dies
    Membership membership = nodeA.membership();
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

  @Test
  void anActionMadeAsThePatientsOwnerDiesIsTakenByTheNextOwner() throws InterruptedException {
    try (DeviceClient devices = new DeviceClient(nodeA.node().devicePort())) {
      for (String patient : PATIENTS) {
        devices.send("Device=D" + patient + "|Patient=" + patient + "|Ward=icu|Temp=39.8|Seq=1\n");
        devices.readLine();
      }
    }
    cluster.awaitPartitionsSettled(); // so that the owner chosen below is the one that dies
    Membership membership = nodeA.membership();
    String ownedByA = PATIENTS.stream().filter(p -> membership.self().equals(membership.ownerOf(p))).findFirst()
        .orElseThrow(() -> new AssertionError("node A owns none of the patients"));
    awaitPatients(nodeB, list -> list.size() == PATIENTS.size());

    cluster.kill(nodeA);
    long sentAt = System.currentTimeMillis();
    RestClient.Reply assessed = new RestClient(nodeB.node().httpPort()).request(HttpMethod.POST,
        "/api/patients/" + ownedByA + "/assessment", null,
        new JsonObject().put("user", "nurse.kim").put("consciousness", "C"));

    assertEquals(200, assessed.statusCode(), assessed.body()::toString);
    assertTrue(System.currentTimeMillis() - sentAt < 10_000, "answered within the dashboard's wait for a reply");
    JsonObject patient = find(awaitPatients(nodeB, list -> list.size() == PATIENTS.size()), ownedByA);
    assertEquals("C", patient.getJsonObject("consciousness").getString("value"), patient::encode);
  }

  private JsonObject requestUntilRouted(SockJsClient browser, JsonObject action) throws InterruptedException {
    AssertionError last = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      try {
        return browser.request(Addresses.wardActions("icu"), action);
      } catch (AssertionError notYet) {
        last = notYet; // the router's registration is still spreading through the cluster
        Thread.sleep(250);
      }
    }
    throw last;
  }

  private static long highAlarms(JsonObject patient) {
    return patient.getJsonArray("alarms").stream().map(JsonObject.class::cast)
        .filter(alarm -> "THRESHOLD:PULSE".equals(alarm.getString("condition"))).count();
  }

  private static String highAlarm(JsonArray patients, String patient) {
    return alarmOf(patients, patient).getString("id");
  }

  private static JsonObject alarmOf(JsonArray patients, String patient) {
    return find(patients, patient).getJsonArray("alarms").stream().map(JsonObject.class::cast)
        .filter(alarm -> "THRESHOLD:PULSE".equals(alarm.getString("condition"))).findFirst().orElseThrow();
  }

  private static JsonObject find(JsonArray patients, String patient) {
    return patients.stream().map(JsonObject.class::cast).filter(p -> patient.equals(p.getString("patient")))
        .findFirst().orElseThrow(() -> new AssertionError("no " + patient + " in " + patients.encode()));
  }

  private static JsonArray awaitPatients(TestCluster.Member member, Predicate<JsonArray> ready)
      throws InterruptedException {
    JsonArray patients = new JsonArray();
    for (long deadline = System.currentTimeMillis() + 20_000; System.currentTimeMillis() < deadline; ) {
      patients = get(member, "/api/patients");
      try {
        if (ready.test(patients)) {
          return patients;
        }
      } catch (RuntimeException notYet) {
        // a patient or alarm not there yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("patients never as expected: " + patients.encode());
  }

  private static JsonArray get(TestCluster.Member member, String uri) {
    return new JsonArray(new RestClient(member.node().httpPort()).get(uri).body());
  }
}
