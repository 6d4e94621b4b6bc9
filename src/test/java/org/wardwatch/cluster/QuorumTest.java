package org.wardwatch.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wardwatch.testing.DeviceClient;
import org.wardwatch.testing.TestCluster;
import org.wardwatch.web.RestClient;
import org.wardwatch.web.RestClient.Reply;

/**
 * A member that sees fewer members than the cluster's quorum (cut off by a split, or the first of three up) takes no
 * change: what it acknowledged would be lost when it merges with the larger side. It says so, and carries on once the
 * others are there.
 */
@Timeout(120)
class QuorumTest {

  private static final JsonObject QUORUM_OF_TWO = new JsonObject().put("cluster", new JsonObject().put("quorum", 2));

  @Test
  void aMemberBelowTheQuorumIsNotReadyAndHoldsFramesAndRefusesActionsUntilTheOthersAreThere() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      TestCluster.Member alone = cluster.start(QUORUM_OF_TWO);
      RestClient http = new RestClient(alone.node().httpPort());

      Reply ready = http.request(HttpMethod.GET, "/health/ready", null, null);
      assertEquals(503, ready.statusCode());
      assertEquals(2, new JsonObject(ready.body()).getInteger("quorum"));
      Reply assessed = http.request(HttpMethod.POST, "/api/patients/Q1/assessment", null,
          new JsonObject().put("user", "nurse.kim").put("consciousness", "A"));
      assertEquals(503, assessed.statusCode());
      assertTrue(assessed.body().toString().contains("fewer than its quorum of 2"), assessed.body().toString());
      assertEquals(503, http.request(HttpMethod.GET, "/api/patients/Q1/history", null, null).statusCode(),
          "a read of a patient not held here: taking it over would claim it in this member's own copy");

      try (DeviceClient device = new DeviceClient(alone.node().devicePort())) {
        device.send("HELLO|Device=QD1|Patient=Q1|Ward=icu\n");
        assertEquals("ACK|", device.readLine());
        device.send("Pulse=190|Seq=1\n");
        assertEquals(Optional.empty(), device.readLineWithin(Duration.ofSeconds(1)),
            "no frame is acknowledged below the quorum"); // held 10 s at most, then NAKed: the next member joins first

        cluster.start(QUORUM_OF_TWO);

        assertEquals("ACK|1", device.readLine(), "held, then applied once the quorum is there");
      }
      assertEquals(200, http.request(HttpMethod.GET, "/health/ready", null, null).statusCode());
      JsonArray alarms = new JsonObject(http.request(HttpMethod.GET, "/api/patients/Q1", null, null).body())
          .getJsonArray("alarms");
      assertEquals(1, alarms.stream().map(JsonObject.class::cast)
          .filter(alarm -> "THRESHOLD:PULSE".equals(alarm.getString("condition"))).count(), alarms::encode);
    }
  }
}
