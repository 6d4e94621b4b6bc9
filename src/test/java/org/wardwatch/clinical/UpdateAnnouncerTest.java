package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wardwatch.bus.BusCodecs;

/**
 * What could not be recorded in the audit trail is recorded again, until it is, and only then let go by its patient;
 * a clinician's origin goes to the audit trail with the entry.
 */
class UpdateAnnouncerTest {

  private static final ClinicalRules RULES = ClinicalRules.fromJson(new JsonObject(HandOver.THRESHOLD_RULES));

  private final Vertx vertx = withCodecs(Vertx.vertx());
  private final WardState engine = new WardState(RULES);
  private final List<String> written = new ArrayList<>();
  private boolean reachable;
  private final UpdateAnnouncer announcer = new UpdateAnnouncer(vertx.eventBus(), (key, entry) -> {
    if (!reachable) {
      return Future.failedFuture("audit trail out of reach");
    }
    written.add(entry.getString("alarmId") + (entry.containsKey("origin") ? " from " + entry.getString("origin") : ""));
    return Future.succeededFuture();
  }, engine::recorded);

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void givenTheAuditTrailOutOfReach_thenItsEntriesAreRecordedOnceItIsBackAndOnlyThenLetGo() {
    WardUpdate raised = HandOver.frame(HandOver.at(0), "PULSE=170").apply(engine);
    announcer.announce(raised);
    announcer.recordFailedAgain();
    assertEquals(List.of(), written);
    assertEquals(1, pending(), "kept for a next owner meanwhile");

    reachable = true;
    announcer.recordFailedAgain();
    announcer.recordFailedAgain();

    assertEquals(List.of(raised.transitions().get(0).alarmId()), written, "once");
    assertEquals(0, pending());
  }

  @Test
  void givenAnActionFromTheBridge_thenTheAuditTrailGetsItsOrigin() {
    reachable = true;
    String alarm = HandOver.frame(HandOver.at(0), "PULSE=170").apply(engine).transitions().get(0).alarmId();
    WardUpdate acknowledged = engine.attributed(engine.act(alarm,
        a -> a.acknowledge("nurse.kim", HandOver.at(1)), HandOver.at(1)), "bridge 10.1.2.3");

    announcer.announce(acknowledged);

    assertEquals(List.of(alarm + " from bridge 10.1.2.3"), written);
  }

  private static Vertx withCodecs(Vertx vertx) {
    BusCodecs.register(vertx); // as a node does
    return vertx;
  }

  private int pending() {
    return engine.state(HandOver.PATIENT).orElseThrow().getJsonObject("auditOutbox").getJsonArray("pending").size();
  }
}
