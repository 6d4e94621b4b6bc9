package org.wardwatch.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.bus.Addresses;
import org.wardwatch.testing.DeviceClient;
import org.wardwatch.testing.TestCluster;

/**
 * Alarms whose timers fall due while partitions move: 160 patients (system property
 * {@code escalationDuringMove.patients}) with a HIGH alarm on one node, half of them acknowledged (a reminder every
 * second), half not (an escalation every second), their devices still sending (half through node A, half through the
 * member that joined last); then three members join, one after the other, and the patients move. Every escalation
 * and reminder must be announced once (not by a former owner still evaluating a patient the new owner has taken over
 * as well), and no escalation stored may go unannounced. Black-box (frames to device ports, transitions from the ward
 * addresses), so it runs against any version of the engine. About 25 s.
 *
 * <p>A stress check, run by hand ({@code mvn -B test -Dtest=EscalationDuringMoveCheck}), not in the suite: it finds
 * what remains of the gap rarely, so it cannot gate a build. The moves overlap the owners' evaluation only for
 * milliseconds. With two other processes burning the CPU, the code before store writes were fenced published an
 * escalation twice in two runs of three; with fencing, about one run in fourteen (idle or loaded) still has a reminder
 * announced twice: the new owner's claim reads the state from before the former owner's last save, though that save
 * was not refused, which points inside the partition's migration.
 */
class EscalationDuringMoveCheck {

  private static final int PATIENTS = Integer.getInteger("escalationDuringMove.patients", 160);
  private static final int WARDS = 4;
  /** Members that join node A, one after the other. */
  private static final int JOINS = 3;
  private static final Duration ESCALATE_AFTER = Duration.ofSeconds(1);
  private static final Duration REMIND_EVERY = Duration.ofSeconds(1);
  /** Two announcements of one timer closer than its interval less this are one announced twice. */
  private static final Duration SLACK = Duration.ofMillis(100);

  private static final String RULES = """
      {
        "alarms": {"escalateAfterSeconds": {"LOW": 60, "MEDIUM": 60, "HIGH": 1}, "reminderSeconds": 1,
                   "maxAudioPauseSeconds": 60},
        "news2": {"bandPriorities": {"LOW": "NONE", "LOW_MEDIUM": "NONE", "MEDIUM": "NONE", "HIGH": "NONE"}},
        "technical": {"noDataSeconds": 3600},
        "thresholds": [
          {"parameter": "PULSE", "above": 150, "priority": "HIGH", "hysteresis": 5}
        ]
      }
      """;

  /** A transition as received, with the address it came on. */
  private record Seen(String address, String alarmId, String type, Instant at, int escalations) {
    String key() {
      return address + " " + alarmId + " " + type + " " + at;
    }
  }

  private final TestCluster cluster = new TestCluster();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final AtomicBoolean sending = new AtomicBoolean(true);
  /** Node A's device port: the devices of wards w0 and w2 send there. */
  private volatile int devicePortA;
  /**
   * The device port of the member that joined last: the devices of wards w1 and w3 move there, so that the frames of
   * a patient that moves to it are routed by the new owner itself, which knows of the move first.
   */
  private volatile int newestPort;

  @AfterEach
  void stop() {
    sending.set(false);
    cluster.close();
  }

  @Test
  void escalationsAndRemindersDueDuringPartitionMovesAreAnnouncedOnce(@TempDir Path dir) throws Exception {
    Path rules = Files.writeString(dir.resolve("rules.json"), RULES);
    TestCluster.Member nodeA = cluster.start(new JsonObject().put("rules", new JsonObject().put("path",
        rules.toString())));
    listen(nodeA.vertx().eventBus());

    List<String> patients = IntStream.range(0, PATIENTS).mapToObj(i -> "P-" + i).toList();
    int devicePort = nodeA.node().devicePort();
    devicePortA = devicePort;
    int[] seq = new int[PATIENTS];
    try (DeviceClient device = new DeviceClient(devicePort)) {
      for (int i = 0; i < PATIENTS; i++) {
        device.send(frame(i, ++seq[i]));
        assertTrue(device.readLine().startsWith("ACK|"), "first frame of " + patients.get(i));
      }
    }
    Map<String, String> alarmOf = awaitRaised(patients);
    acknowledgeEvenPatients(nodeA, alarmOf);

    AtomicInteger framesSent = new AtomicInteger();
    AtomicInteger framesRefused = new AtomicInteger();
    newestPort = devicePort;
    List<Thread> senders = new ArrayList<>();
    for (int ward = 0; ward < WARDS; ward++) {
      int first = ward;
      Thread sender = new Thread(() -> keepSending(first, seq, framesSent, framesRefused),
          "devices-w" + ward);
      sender.setDaemon(true);
      sender.start();
      senders.add(sender);
    }

    Thread.sleep(3000);
    List<String> joins = new ArrayList<>();
    Instant firstJoin = Instant.now();
    for (int join = 0; join < JOINS; join++) {
      Instant started = Instant.now();
      TestCluster.Member joined = cluster.start(new JsonObject().put("rules", new JsonObject().put("path",
          rules.toString())));
      joins.add(started + ".." + Instant.now());
      newestPort = joined.node().devicePort();
      Thread.sleep(3500);
    }
    sending.set(false);
    for (Thread sender : senders) {
      sender.join(15_000);
    }
    Thread.sleep(500);

    List<Seen> all = List.copyOf(seen);
    Map<String, Long> byType = all.stream().filter(s -> s.address().endsWith(".alarms"))
        .collect(Collectors.groupingBy(Seen::type, TreeMap::new, Collectors.counting()));
    System.out.printf("%d patients; members joined %s; frames sent %d, refused %d; alarm transitions %s; "
        + "on escalations addresses %d%n", PATIENTS, joins, framesSent.get(), framesRefused.get(),
        byType, all.stream().filter(s -> s.address().endsWith(".escalations")).count());

    List<String> problems = new ArrayList<>();
    all.stream().collect(Collectors.groupingBy(Seen::key, Collectors.counting())).forEach((key, count) -> {
      if (count > 1) {
        problems.add(count + " x " + key);
      }
    });
    Map<String, List<Seen>> byStream = all.stream().collect(Collectors.groupingBy(
        s -> s.address() + " " + s.alarmId() + " " + s.type()));
    byStream.forEach((stream, transitions) -> {
      List<Seen> ordered = transitions.stream().sorted(Comparator.comparing(Seen::at)).toList();
      String type = ordered.get(0).type();
      if ("RAISED".equals(type) && ordered.size() > 1) {
        problems.add("raised " + ordered.size() + " times: " + stream);
      }
      if ("ESCALATED".equals(type)) {
        Set<Integer> counts = new HashSet<>();
        for (Seen escalation : ordered) {
          if (!counts.add(escalation.escalations())) {
            problems.add("escalation #" + escalation.escalations() + " announced twice: " + stream + " at "
                + escalation.at() + " (all: " + ordered.stream().map(s -> s.escalations() + "@" + s.at()).toList()
                + ")");
          }
        }
      }
      Duration interval = "ESCALATED".equals(type) ? ESCALATE_AFTER : "REMINDER".equals(type) ? REMIND_EVERY : null;
      if (interval != null) {
        for (int i = 1; i < ordered.size(); i++) {
          Duration gap = Duration.between(ordered.get(i - 1).at(), ordered.get(i).at());
          if (gap.compareTo(interval.minus(SLACK)) < 0) {
            problems.add(type + " twice within " + gap.toMillis() + " ms: " + stream + " at "
                + ordered.get(i - 1).at() + " and " + ordered.get(i).at());
          }
        }
      }
    });
    problems.forEach(problem -> System.out.println("DUPLICATE " + problem));
    List<String> skipped = new ArrayList<>();
    byStream.forEach((stream, transitions) -> {
      if (stream.endsWith(" ESCALATED")) {
        List<Integer> counts = transitions.stream().map(Seen::escalations).sorted().distinct().toList();
        for (int i = 1; i < counts.size(); i++) {
          if (counts.get(i) != counts.get(i - 1) + 1) {
            skipped.add(stream + ": escalations " + counts);
            break;
          }
        }
      }
    });
    long duringMoves = all.stream().filter(s -> s.address().endsWith(".alarms"))
        .filter(s -> "ESCALATED".equals(s.type()) || "REMINDER".equals(s.type()))
        .filter(s -> !s.at().isBefore(firstJoin)).count();
    assertTrue(duringMoves >= PATIENTS, "too few escalations and reminders after the first join to tell anything: "
        + duringMoves);
    assertEquals(List.of(), problems, "transitions announced more than once");
    assertEquals(List.of(), skipped, "escalations stored and never announced");
  }

  /** Counts every transition published on every ward's alarms and escalations addresses, from any member. */
  private void listen(EventBus bus) {
    List<Future<Void>> registered = new ArrayList<>();
    for (int ward = 0; ward < WARDS; ward++) {
      for (String address : List.of(Addresses.wardAlarms("w" + ward), Addresses.wardEscalations("w" + ward))) {
        MessageConsumer<JsonObject> consumer = bus.consumer(address, message -> {
          JsonObject transition = message.body();
          JsonObject alarm = transition.getJsonObject("alarm");
          seen.add(new Seen(address, transition.getString("alarmId"), transition.getString("type"),
              transition.getInstant("at"), alarm == null ? -1 : alarm.getInteger("escalations", -1)));
        });
        registered.add(consumer.completion());
      }
    }
    Future.all(registered).await();
  }

  private Map<String, String> awaitRaised(List<String> patients) throws InterruptedException {
    Map<String, String> alarmOf = new ConcurrentHashMap<>();
    for (long deadline = System.currentTimeMillis() + 15_000; System.currentTimeMillis() < deadline; ) {
      for (Seen transition : seen) {
        if ("RAISED".equals(transition.type())) {
          alarmOf.put(transition.alarmId().substring(0, transition.alarmId().indexOf('/')), transition.alarmId());
        }
      }
      if (alarmOf.keySet().containsAll(patients)) {
        return alarmOf;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not every patient's alarm was raised: " + alarmOf.keySet());
  }

  /** Acknowledges the alarms of P-0, P-2, ...: they remind, the others escalate. */
  private static void acknowledgeEvenPatients(TestCluster.Member node, Map<String, String> alarmOf)
      throws InterruptedException {
    for (int i = 0; i < PATIENTS; i += 2) {
      JsonObject acknowledge = new JsonObject().put("action", "acknowledge").put("alarmId", alarmOf.get("P-" + i))
          .put("user", "nurse.kim");
      RuntimeException last = null;
      for (int attempt = 0; attempt < 20; attempt++) {
        try {
          JsonObject reply = node.vertx().eventBus().<JsonObject>request(Addresses.WARD_ACTIONS, acknowledge,
              new DeliveryOptions().addHeader(Addresses.WARD_HEADER, ward(i))).await().body(); // as a screen's
          assertEquals(true, reply.getBoolean("ok"), reply::encode);
          last = null;
          break;
        } catch (RuntimeException notYet) {
          last = notYet; // the ward's action consumer is not registered yet
          Thread.sleep(200);
        }
      }
      if (last != null) {
        throw last;
      }
    }
  }

  /** Sends an abnormal pulse for every patient, round after round, until told to stop; reconnects when cut. */
  private void keepSending(int ward, int[] seq, AtomicInteger sent, AtomicInteger refused) {
    while (sending.get()) {
      int port = ward % 2 == 0 ? devicePortA : newestPort;
      try (DeviceClient device = new DeviceClient(port)) {
        while (sending.get() && port == (ward % 2 == 0 ? devicePortA : newestPort)) {
          long roundStart = System.currentTimeMillis();
          for (int i = ward; i < PATIENTS && sending.get(); i += WARDS) {
            device.send(frame(i, ++seq[i]));
            String answer = device.readLine();
            if (answer == null) {
              throw new UncheckedIOException(new IOException("closed by the gateway"));
            }
            sent.incrementAndGet();
            if (!answer.startsWith("ACK|")) {
              refused.incrementAndGet();
            }
          }
          Thread.sleep(Math.max(0, 500 - (System.currentTimeMillis() - roundStart)));
        }
      } catch (UncheckedIOException e) {
        // reconnect and carry on
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static String ward(int patient) {
    return "w" + patient % WARDS;
  }

  private static String frame(int patient, int seq) {
    return "Device=D-" + patient + "|Patient=P-" + patient + "|Ward=" + ward(patient) + "|Pulse=" + (180 + seq % 10)
        + "|Seq=" + seq + "\n";
  }
}
