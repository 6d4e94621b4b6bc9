package org.wardwatch.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.multimap.MultiMap;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wardwatch.bus.Addresses;
import org.wardwatch.testing.DeviceClient;
import org.wardwatch.testing.RelayWardAlarms;
import org.wardwatch.testing.SockJsClient;
import org.wardwatch.testing.TestNode;
import org.wardwatch.testing.WebSocketSockJsClient;
import org.wardwatch.web.RestClient;

/**
 * Which of two clustered nodes may change a patient: a screen's action taken by its own node and reaching the owner on
 * the other, an acknowledgement sent to a member that does not own the patient refused rather than lost, a relay's
 * unreadable frame admitting no patient on the owner of its key, and a monitor that reconnected to the other node
 * alarmed only when it leaves its new connection.
 */
class ClusteredOwnerTest extends ClusteredNodesFixture {

  /**
   * Only a patient's owner changes it: work sent to another member's engine (by a sender that chose the owner just
   * before the patient moved) is refused, for the sender to send it to the owner, instead of being applied on a copy
   * the owner never learns of.
   */
  @Test
  void anAcknowledgementSentToAMemberThatDoesNotOwnThePatientIsRefusedNotLost() throws Exception {
    Membership membership = nodeA.membership();
    String ownerB = nodeB.membership().self();
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

    assertEquals(Addresses.NOT_OWNED_HERE, refused.failureCode(), refused.getMessage());
    JsonObject answer = nodeA.vertx().eventBus().<JsonObject>request(Addresses.engineActions(ownerB), acknowledge)
        .await().body();
    assertEquals(true, answer.getBoolean("ok"), answer::encode);
    assertEquals("ACTIVE_ACKNOWLEDGED", pulseAlarm(patient).getString("state"));
  }

  /**
   * A ward screen's action is taken by the router of the node serving the screen, which hands it to the patient's
   * owner on the other node; the screens' action address is subscribed on no member, so a member killed a moment ago
   * (listed until Hazelcast drops it) is never picked for an action.
   */
  @Test
  void aScreensActionIsTakenByItsOwnNodeAndReachesTheOwnerOnTheOther() throws Exception {
    Membership membership = nodeA.membership();
    String patient = IntStream.rangeClosed(1, 100).mapToObj(i -> "P-" + i)
        .filter(key -> membership.self().equals(membership.ownerOf(key))).findFirst().orElseThrow();
    try (DeviceClient device = new DeviceClient(nodeA.node().devicePort())) {
      device.send("Device=D1|Patient=" + patient + "|Ward=icu|Pulse=190|Seq=1\n");
      assertEquals("ACK|1", device.readLine());
    }
    JsonObject acknowledge = new JsonObject().put("action", "acknowledge")
        .put("alarmId", pulseAlarm(patient).getString("id")).put("user", "nurse.kim");

    try (SockJsClient browser = WebSocketSockJsClient.connect(nodeB.vertx(), nodeB.node().httpPort(),
        TestNode.DASHBOARD_ORIGIN)) {
      assertEquals(true, browser.request(Addresses.wardActions("icu"), acknowledge).getBoolean("ok"));
    }
    assertEquals("ACTIVE_ACKNOWLEDGED", pulseAlarm(patient).getString("state"));
    MultiMap<Object, Object> subscriptions = nodeA.clusterManager().getHazelcastInstance().getMultiMap(SUBSCRIPTIONS);
    assertTrue(subscriptions.get(Addresses.wardActions("icu")).isEmpty(), () -> subscriptions.keySet().toString());
  }

  /**
   * A relay's frame refused before its patient was read admits no patient of the relay's connection, whichever member
   * owns that key: the refusal says so itself. (An engine that looked among its own patients for one of the relay's
   * found none on the member owning the connection's key, and made a second tile whose alarm nothing ended.)
   */
  @Test
  void aRelaysUnreadableFrameAdmitsNoPatientOfItsConnectionOnTheMemberOwningThatKey() throws Exception {
    Membership membership = nodeA.membership();
    String ownerB = nodeB.membership().self();
    String patient = IntStream.rangeClosed(1, 100).mapToObj(i -> "P-" + i)
        .filter(key -> membership.self().equals(membership.ownerOf(key))).findFirst().orElseThrow();
    String connection = IntStream.rangeClosed(1, 100).mapToObj(bed -> "REL-9@icu:" + bed)
        .filter(key -> ownerB.equals(membership.ownerOf(key))).findFirst().orElseThrow();
    try (DeviceClient relay = new DeviceClient(nodeA.node().devicePort())) {
      relay.exchange("HELLO|Device=REL-9|Ward=icu|Bed=" + connection.substring(connection.indexOf(':') + 1)
          + "\nPatient=" + patient + "|Pulse=80|Seq=1\nPatient=" + patient + "|Pulse\n", "ACK|", "ACK|1",
          "NAK||malformed field 'Pulse': expected Key=Value");
    }
    Thread.sleep(2000); // the refusal reaches node B's engine

    assertEquals(404, new RestClient(nodeB.node().httpPort()).get("/api/patients/" + connection).statusCode());
    assertEquals(200, new RestClient(nodeB.node().httpPort()).get("/api/patients/" + patient).statusCode());
  }

  /**
   * A monitor on node A reconnects to node B (its old connection on A half-open) and carries on there, with a frame
   * or, a cuff measuring every 15 minutes, only its {@code HELLO}: no false disconnection alarm when A finds the old
   * connection closed at last; an alarm once the monitor leaves B.
   */
  @ParameterizedTest(name = "its first words on B: {0}")
  @MethodSource("firstWordsOnB")
  void aMonitorThatReconnectedToTheOtherNodeIsAlarmedOnlyWhenItLeavesItsNewConnection(String onB, String[] answers)
      throws InterruptedException {
    RelayWardAlarms alarms = RelayWardAlarms.subscribe(nodeA.vertx());
    try (DeviceClient old = new DeviceClient(nodeA.node().devicePort()); // half-open once the monitor is on node B
        DeviceClient reconnected = new DeviceClient(nodeB.node().devicePort())) {
      old.exchange("HELLO|Device=MON-C1|Patient=PC1|Ward=relay\nPulse=80|Seq=1\n", "ACK|", "ACK|1");
      reconnected.exchange(onB, answers);
      Thread.sleep(1_000); // the HELLO's announcement crosses to the owner; the half-open one is found closed late
      old.close();
      assertNull(alarms.raised("PC1", Duration.ofSeconds(3)), "MON-C1 carries on through node B");
    }
    assertNotNull(alarms.raised("PC1", Duration.ofSeconds(10)), "MON-C1 left its only live connection");
  }

  /** A monitor's first words on node B after it reconnected, and B's answers: a frame, or (a cuff) its HELLO alone. */
  static Stream<Arguments> firstWordsOnB() {
    return Stream.of(
        Arguments.of("HELLO|Device=MON-C1|Patient=PC1|Ward=relay\nPulse=81|Seq=2\n", new String[] {"ACK|", "ACK|2"}),
        Arguments.of("HELLO|Device=MON-C1|Patient=PC1|Ward=relay\n", new String[] {"ACK|"}));
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
