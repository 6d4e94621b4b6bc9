package org.wardwatch.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wardwatch.bus.Addresses;
import org.wardwatch.testing.DeviceClient;
import org.wardwatch.testing.FreePorts;
import org.wardwatch.testing.SockJsClient;
import org.wardwatch.testing.WebSocketSockJsClient;
import org.wardwatch.web.RestClient;

/**
 * The real jar three times, as three processes clustered over Hazelcast on 127.0.0.1. One is killed with
 * {@code destroyForcibly} (SIGKILL): its devices carry on through another node (test devices, and a simulated ward with
 * a failover list), vitals resume on the survivors within {@link #FAILOVER_BOUND_MS}, and no alarm is lost, duplicated
 * or loses its acknowledgement; a device connected to it that does not reconnect is alarmed disconnected. One is paused
 * (SIGSTOP) until the others drop it, then resumed: the halves merge back, every node's bus paths check out, and a
 * device on the resumed node reaches a browser on another. Node logs go to {@code target/cluster-it/}.
 */
@Timeout(300)
class ClusterProcessesIT {

  private static final Path JAR = Path.of("target", "wardwatch.jar");
  private static final Path LOGS = Path.of("target", "cluster-it");
  private static final long FAILOVER_BOUND_MS = 20_000;
  private static final List<String> PATIENTS = IntStream.rangeClosed(1, 12).mapToObj(i -> "IT-" + i).toList();

  private record Node(Process process, int http, int devices) {
  }

  private final List<Node> nodes = new ArrayList<>();
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() {
    nodes.forEach(node -> node.process().destroyForcibly());
    vertx.close().await();
  }

  @Test
  void killedNodeLosesNoAlarmAndDevicesCarryOnThroughAnother() throws Exception {
    startCluster();
    Node first = nodes.get(0);
    Node second = nodes.get(1);
    Node third = nodes.get(2);
    try (DeviceClient devices = new DeviceClient(first.devices())) {
      for (String patient : PATIENTS) {
        devices.send("Device=D" + patient + "|Patient=" + patient + "|Ward=icu|Pulse=190|Seq=1\n");
        assertTrue(devices.readLine().startsWith("ACK|1"));
      }
    }
    JsonArray before = await(third, "/api/patients?ward=icu", list -> list.size() == PATIENTS.size()
        && list.stream().allMatch(p -> pulseAlarms((JsonObject) p) == 1));
    String acknowledged = pulseAlarm(find(before, "IT-1")).getString("id");
    acknowledgeThrough(second, acknowledged);
    await(first, "/api/patients?ward=icu",
        list -> "ACTIVE_ACKNOWLEDGED".equals(pulseAlarm(find(list, "IT-1")).getString("state")));

    DeviceClient held = new DeviceClient(first.devices()); // gone with the node: it does not reconnect
    held.send("Device=DHELD|Patient=IT-HELD|Ward=held|Pulse=80|Seq=1\n");
    assertTrue(held.readLine().startsWith("ACK|1"));
    await(third, "/api/patients?ward=held", list -> list.size() == 1); // stored, a vitals-only change, within 1 s

    first.process().destroyForcibly().waitFor();
    Instant killed = Instant.now();
    held.close();
    try (DeviceClient devices = new DeviceClient(second.devices())) {
      for (String patient : PATIENTS) {
        devices.send("Device=D" + patient + "|Patient=" + patient + "|Ward=icu|Pulse=188|Seq=2\n");
        assertTrue(devices.readLine().startsWith("ACK|2"));
      }
    }
    JsonArray after = await(third, "/api/patients?ward=icu", list -> list.size() == PATIENTS.size() && list.stream()
        .allMatch(p -> ((JsonObject) p).getJsonObject("vitals").getJsonObject("PULSE").getInteger("value") == 188));
    long recoveredMs = Instant.now().toEpochMilli() - killed.toEpochMilli();
    System.out.printf("vitals of the killed node's patients resumed on the survivors %d ms after the kill%n",
        recoveredMs);
    assertTrue(recoveredMs < FAILOVER_BOUND_MS, "vitals resumed after " + recoveredMs + " ms");
    await(third, "/api/patients?ward=held", list -> list.size() == 1 && list.getJsonObject(0)
        .getJsonArray("technicalAlarms").stream().map(JsonObject.class::cast)
        .anyMatch(alarm -> "TECHNICAL:DISCONNECTED".equals(alarm.getString("condition")))); // its end never announced
    // The simulated ward's devices were connected to the killed node: they must have moved on and be live again.
    await(third, "/api/patients?ward=sim", list -> list.size() == 4 && list.stream()
        .allMatch(p -> Instant.parse(((JsonObject) p).getString("updated")).isAfter(killed)));

    for (String patient : PATIENTS) {
      assertEquals(1, pulseAlarms(find(after, patient)), patient + " must keep exactly one pulse alarm");
    }
    JsonObject kept = pulseAlarm(find(after, "IT-1"));
    assertEquals(acknowledged, kept.getString("id"));
    assertEquals("ACTIVE_ACKNOWLEDGED", kept.getString("state"));
    Map<String, Long> raised = get(third, "/api/alarms").stream().map(JsonObject.class::cast)
        .filter(entry -> "RAISED".equals(entry.getString("type")) && PATIENTS.contains(entry.getString("patient")))
        .filter(entry -> "THRESHOLD:PULSE".equals(entry.getJsonObject("alarm").getString("condition")))
        .collect(Collectors.groupingBy(entry -> entry.getString("patient"), Collectors.counting()));
    assertEquals(PATIENTS.stream().collect(Collectors.toMap(p -> p, p -> 1L)), raised);
  }

  @Test
  void pausedNodeDroppedByTheOthersMergesBackAndCarriesTrafficAgain() throws Exception {
    startCluster();
    Node first = nodes.get(0);
    Node paused = nodes.get(2);
    signal(paused, "STOP");
    try {
      awaitObject(first, "/health/ready", ready -> ready.getJsonArray("members").size() == 2);
    } finally {
      signal(paused, "CONT");
    }
    for (Node node : nodes) {
      awaitObject(node, "/health/ready", ready -> ready.getBoolean("ready")
          && ready.getJsonArray("members").size() == 3 && allPathsWork(ready));
    }

    try (SockJsClient browser = WebSocketSockJsClient.connect(vertx, first.http(),
        "http://127.0.0.1:" + first.http())) {
      browser.register(Addresses.wardVitals("icu"));
      try (DeviceClient devices = new DeviceClient(paused.devices())) {
        for (String patient : PATIENTS) {
          devices.send("Device=D" + patient + "|Patient=" + patient + "|Ward=icu|Pulse=190|Seq=1\n");
          assertTrue(devices.readLine().startsWith("ACK|1"), patient);
        }
      }
      for (String patient : PATIENTS) {
        browser.awaitBody(Addresses.wardVitals("icu"), body -> patient.equals(body.getString("patient")),
            Duration.ofSeconds(30));
      }
    }
    await(first, "/api/patients?ward=icu", list -> list.size() == PATIENTS.size()
        && list.stream().allMatch(p -> pulseAlarms((JsonObject) p) == 1));
  }

  /** True when {@code /health/ready} shows a working path to each of the two other members. */
  private static boolean allPathsWork(JsonObject ready) {
    JsonObject paths = ready.getJsonObject("busPaths", new JsonObject());
    return paths.size() == 2 && paths.stream().allMatch(path -> BusPaths.OK.equals(path.getValue()));
  }

  private static void signal(Node node, String signal) throws Exception {
    assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(node.process().pid())).start().waitFor());
  }

  private void startCluster() throws Exception {
    assertTrue(Files.exists(JAR), JAR + " is missing: integration tests run after packaging (mvn -B verify)");
    Files.createDirectories(LOGS);
    String cluster = "wardwatch-it-" + UUID.randomUUID();
    int[][] ports = new int[3][];
    for (int i = 0; i < 3; i++) {
      // http, devices, hl7, hazelcast
      ports[i] = new int[] {FreePorts.choose(), FreePorts.choose(), FreePorts.choose(), FreePorts.choose()};
    }
    JsonArray members = new JsonArray();
    for (int[] p : ports) {
      members.add("127.0.0.1:" + p[3]);
    }
    for (int i = 0; i < 3; i++) {
      JsonObject conf = new JsonObject()
          .put("http", new JsonObject().put("host", "127.0.0.1").put("port", ports[i][0]))
          .put("devices", new JsonObject().put("host", "127.0.0.1").put("port", ports[i][1]))
          .put("hl7", new JsonObject().put("host", "127.0.0.1").put("port", ports[i][2]))
          .put("cluster", new JsonObject().put("name", cluster).put("host", "127.0.0.1").put("port", ports[i][3])
              .put("members", members).put("quorum", 2));
      if (i == 2) {
        // A simulated ward on the third node whose devices start on the first node and fail over to the second.
        conf.put("simulator", new JsonObject().put("enabled", true).put("ward", "sim").put("beds", 4)
            .put("intervalMs", 500).put("host", "127.0.0.1").put("port", ports[0][1])
            .put("failover", new JsonArray().add("127.0.0.1:" + ports[1][1])));
      }
      String clusterFlag = List.of("-cluster", "--cluster", "-c").get(i); // each spelling the launcher takes
      Process process = new ProcessBuilder("java", "-jar", JAR.toString(), clusterFlag, "-conf", conf.encode())
          .redirectErrorStream(true)
          .redirectOutput(LOGS.resolve("node-" + (i + 1) + ".log").toFile())
          .start();
      nodes.add(new Node(process, ports[i][0], ports[i][1]));
    }
    for (Node node : nodes) {
      awaitObject(node, "/health/ready", ready -> ready.getJsonArray("members").size() == 3);
    }
  }

  private void acknowledgeThrough(Node node, String alarmId) throws InterruptedException {
    try (SockJsClient browser = WebSocketSockJsClient.connect(vertx, node.http(), "http://127.0.0.1:" + node.http())) {
      JsonObject ack = new JsonObject().put("action", "acknowledge").put("alarmId", alarmId).put("user", "nurse.kim");
      for (int attempt = 0; ; attempt++) {
        try {
          assertEquals(true, browser.request(Addresses.wardActions("icu"), ack).getBoolean("ok"));
          return;
        } catch (AssertionError notRoutedYet) {
          if (attempt == 40) {
            throw notRoutedYet;
          }
          Thread.sleep(250);
        }
      }
    }
  }

  private static long pulseAlarms(JsonObject patient) {
    return patient.getJsonArray("alarms").stream().map(JsonObject.class::cast)
        .filter(alarm -> "THRESHOLD:PULSE".equals(alarm.getString("condition"))).count();
  }

  private static JsonObject pulseAlarm(JsonObject patient) {
    return patient.getJsonArray("alarms").stream().map(JsonObject.class::cast)
        .filter(alarm -> "THRESHOLD:PULSE".equals(alarm.getString("condition"))).findFirst().orElseThrow();
  }

  private static JsonObject find(JsonArray patients, String patient) {
    return patients.stream().map(JsonObject.class::cast).filter(p -> patient.equals(p.getString("patient")))
        .findFirst().orElseThrow(() -> new AssertionError("no " + patient + " in " + patients.encode()));
  }

  private JsonArray await(Node node, String uri, Predicate<JsonArray> expected) throws InterruptedException {
    String last = "";
    for (long deadline = System.currentTimeMillis() + 60_000; System.currentTimeMillis() < deadline; ) {
      try {
        JsonArray answer = get(node, uri);
        last = answer.encode();
        if (expected.test(answer)) {
          return answer;
        }
      } catch (Exception notYet) { // not listening yet, or not all there yet
        last = notYet.toString();
      }
      Thread.sleep(250);
    }
    throw new AssertionError(uri + " never as expected; last: " + last);
  }

  private void awaitObject(Node node, String uri, Predicate<JsonObject> expected) throws InterruptedException {
    await(node, uri, array -> expected.test(array.getJsonObject(0)));
  }

  private JsonArray get(Node node, String uri) {
    Buffer body = new RestClient(node.http()).get(uri).body();
    return body.toString().startsWith("[") ? new JsonArray(body) : new JsonArray().add(new JsonObject(body));
  }

}
