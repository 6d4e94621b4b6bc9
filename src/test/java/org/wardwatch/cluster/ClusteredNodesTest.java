package org.wardwatch.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.multimap.MultiMap;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.impl.HazelcastRegistrationInfo;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wardwatch.bus.Addresses;
import org.wardwatch.testing.DeviceClient;
import org.wardwatch.testing.RelayWardAlarms;
import org.wardwatch.testing.SockJsClient;
import org.wardwatch.testing.TestCluster;
import org.wardwatch.testing.TestNode;
import org.wardwatch.testing.WebSocketSockJsClient;
import org.wardwatch.web.RestClient;

/**
 * Two clustered nodes in one JVM (real Hazelcast on 127.0.0.1, real sockets): what crosses from one to the other, and
 * which of them may change a patient.
 */
class ClusteredNodesTest {

  /** The Vert.x cluster manager's map of every member's event-bus subscriptions. */
  private static final String SUBSCRIPTIONS = "__vertx.subs";

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
  void bothNodesAreReadyAndSeeTwoMembers() {
    for (TestCluster.Member member : new TestCluster.Member[] {nodeA, nodeB}) {
      JsonObject ready = readiness(member);
      assertEquals(true, ready.getBoolean("ready"));
      assertEquals(true, ready.getBoolean("clustered"));
      assertEquals(2, ready.getJsonArray("members").size(), ready::encode);
    }
  }

  @Test
  void aMemberStillDeployingIsShownStartingAndLeavesTheOthersReady() throws InterruptedException {
    cluster.joinWithoutNode();

    JsonObject seen = awaitReadiness(nodeA, ready -> ready.getJsonObject("busPaths").stream()
        .anyMatch(path -> String.valueOf(path.getValue()).startsWith("starting")));
    assertEquals(true, seen.getBoolean("ready"), seen::encode);
  }

  @Test
  void vitalsOfADeviceOnOneNodeReachABrowserOnTheOther() {
    try (SockJsClient browser = WebSocketSockJsClient.connect(nodeB.vertx(), nodeB.node().httpPort(),
        TestNode.DASHBOARD_ORIGIN);
        DeviceClient device = new DeviceClient(nodeA.node().devicePort())) {
      JsonObject snapshot = firstVitals(browser, device);
      assertNotNull(snapshot, "no vitals reached the browser on the other node");
      assertEquals("P-1", snapshot.getString("patient"));
    }
  }

  @Test
  void lostSubscriptionsAreDetectedShownInHealthAndRepaired() throws InterruptedException {
    String memberB = nodeB.membership().self();
    MultiMap<Object, Object> subscriptions = loseSubscriptionsOfB();

    JsonObject broken = awaitReadiness(nodeA,
        ready -> String.valueOf(ready.getJsonObject("busPaths").getString(memberB)).startsWith("broken"));
    assertEquals(false, broken.getBoolean("ready"), broken::encode);
    JsonObject repaired = awaitReadiness(nodeA,
        ready -> BusPaths.OK.equals(ready.getJsonObject("busPaths").getString(memberB)));
    assertEquals(true, repaired.getBoolean("ready"), repaired::encode);
    assertTrue(subscriptions.containsKey(Addresses.busProbe(memberB)), "node B's subscriptions are registered again");
    assertTrue(subscriptions.keySet().contains(Addresses.engineReports(memberB)), "including its clinical engine's");
  }

  @Test
  void aScreenOnANodeWhoseSubscriptionsWereLostGetsLiveVitalsOnceRepaired() throws InterruptedException {
    String memberB = nodeB.membership().self();
    try (SockJsClient browser = WebSocketSockJsClient.connect(nodeB.vertx(), nodeB.node().httpPort(),
        TestNode.DASHBOARD_ORIGIN);
        DeviceClient device = new DeviceClient(nodeA.node().devicePort())) {
      assertNotNull(firstVitals(browser, device), "no vitals reached the browser on the other node");

      loseSubscriptionsOfB();
      awaitReadiness(nodeA,
          ready -> String.valueOf(ready.getJsonObject("busPaths").getString(memberB)).startsWith("broken"));
      awaitReadiness(nodeA, ready -> BusPaths.OK.equals(ready.getJsonObject("busPaths").getString(memberB)));

      assertNotNull(vitalsWithin(browser, device, 100), "the ward screen on the repaired node got no live vitals");
    }
  }

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
   * What a healed partition can leave behind: the cluster no longer knows node B's subscriptions (once node A sees B's
   * bus path working); the subscription map, as node A sees it.
   */
  private MultiMap<Object, Object> loseSubscriptionsOfB() throws InterruptedException {
    String memberB = nodeB.membership().self();
    awaitReadiness(nodeA, ready -> BusPaths.OK.equals(ready.getJsonObject("busPaths").getString(memberB)));
    MultiMap<Object, Object> subscriptions = nodeA.clusterManager().getHazelcastInstance().getMultiMap(SUBSCRIPTIONS);
    subscriptions.entrySet().stream()
        .filter(entry -> ((HazelcastRegistrationInfo) entry.getValue()).unwrap().nodeId().equals(memberB))
        .forEach(entry -> subscriptions.remove(entry.getKey(), entry.getValue()));
    return subscriptions;
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

  /** The first vitals of P-1 at {@code browser}, registered for its ward now, from {@code device}, named now. */
  private static JsonObject firstVitals(SockJsClient browser, DeviceClient device) {
    browser.register(Addresses.wardVitals("icu"));
    device.send("HELLO|Device=X-1|Patient=P-1|Ward=icu\n");
    device.readLine();
    return vitalsWithin(browser, device, 1);
  }

  /**
   * Vitals of P-1 from {@code device} (named already) at the browser: frames numbered from {@code firstSeq} until one
   * arrives (a registration reaches the other node's view of the cluster within a second or so); null after 20.
   */
  private static JsonObject vitalsWithin(SockJsClient browser, DeviceClient device, int firstSeq) {
    JsonObject snapshot = null;
    for (int seq = firstSeq; snapshot == null && seq < firstSeq + 20; seq++) {
      device.send("Pulse=" + (60 + seq % 50) + "|Seq=" + seq + "\n");
      device.readLine();
      snapshot = awaitOrNull(browser, Duration.ofMillis(500));
    }
    return snapshot;
  }

  /**
   * Polls {@code GET /health/ready} every 100 ms, with one client, until the answer is as {@code expected}. An answer
   * lost (not there within a second; the handler answers at once) counts as one failed poll, as for a load balancer:
   * a lost answer, seldom but seen here, must not hide the two seconds a broken path is shown.
   */
  private static JsonObject awaitReadiness(TestCluster.Member member, Predicate<JsonObject> expected)
      throws InterruptedException {
    RestClient http = new RestClient(member.node().httpPort(), Duration.ofSeconds(1));
    JsonObject last = null;
    int lostAnswers = 0;
    for (long deadline = System.currentTimeMillis() + 20_000; System.currentTimeMillis() < deadline; ) {
      try {
        last = readinessAnswer(http);
      } catch (RestClient.NoAnswer lost) {
        lostAnswers++;
        continue;
      }
      if (expected.test(last)) {
        return last;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("readiness never as expected (" + lostAnswers + " answers lost): " + last);
  }

  private static JsonObject awaitOrNull(SockJsClient browser, Duration timeout) {
    try {
      return browser.awaitBody(Addresses.wardVitals("icu"), body -> true, timeout);
    } catch (AssertionError noneYet) {
      return null;
    }
  }

  private static JsonObject readiness(TestCluster.Member member) {
    JsonObject answer = readinessAnswer(new RestClient(member.node().httpPort()));
    assertTrue(answer.getBoolean("ready"), answer::encode);
    return answer;
  }

  /** {@code GET /health/ready}, whatever its status (503 while not ready). */
  private static JsonObject readinessAnswer(RestClient http) {
    return new JsonObject(http.get("/health/ready").body());
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
