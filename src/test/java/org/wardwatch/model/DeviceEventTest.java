package org.wardwatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The device side's connection events, as they cross the event bus to a patient's owner. */
class DeviceEventTest {

  private static final DeviceIdentity MONITOR = new DeviceIdentity("mon-1", "P1", "1", "icu");
  private static final ConnectionId CONNECTION = ConnectionId.opened(Instant.parse("2026-12-06T10:00:00Z"));
  private static final Instant CLOSED = Instant.parse("2026-12-06T10:00:01.250Z");
  private static final Instant HELLO_AT = Instant.parse("2026-12-06T10:00:00.500Z");

  @Test
  void aDisconnectionCrossesWithItsConnectionAndCloseTime() {
    JsonObject json = DeviceEvent.disconnected(MONITOR, CONNECTION, CLOSED).toJson();

    assertEquals("disconnected", json.getString("event"));
    assertEquals(DeviceEvent.disconnected(MONITOR, CONNECTION, CLOSED), DeviceEvent.fromJson(json));
  }

  @Test
  void aConnectionsHelloAndItsMovingOnCrossWithTheConnectionAndTime() {
    DeviceEvent connected = DeviceEvent.connected(MONITOR, CONNECTION, HELLO_AT, Duration.ofSeconds(300));
    DeviceEvent movedOn = DeviceEvent.movedOn(MONITOR, CONNECTION, HELLO_AT.plusSeconds(60));

    assertEquals("connected", connected.toJson().getString("event"));
    assertEquals("PT5M", connected.toJson().getString("closedIfSilentWithin"), "how soon it closes if silent");
    assertEquals(connected, DeviceEvent.fromJson(connected.toJson()));
    assertEquals("moved_on", movedOn.toJson().getString("event"));
    assertEquals(movedOn, DeviceEvent.fromJson(movedOn.toJson()));
    assertFalse(connected.admits(), "a HELLO carries no value to monitor");
  }

  @Test
  void aHelloFromANodeThatDidNotSayHowSoonItsConnectionClosesHasNone_andOneNotAboveZeroOrPastTwoDaysIsRefused() {
    JsonObject earlier = DeviceEvent.connected(MONITOR, CONNECTION, HELLO_AT, Duration.ofSeconds(300)).toJson();

    assertNull(DeviceEvent.fromJson(earlier.copy().put("closedIfSilentWithin", null)).closedIfSilentWithin());
    assertThrows(IllegalArgumentException.class,
        () -> DeviceEvent.fromJson(earlier.copy().put("closedIfSilentWithin", "PT0S")));
    assertThrows(IllegalArgumentException.class,
        () -> DeviceEvent.fromJson(earlier.copy().put("closedIfSilentWithin", "two minutes")));
    assertThrows(IllegalArgumentException.class, () -> DeviceEvent.fromJson(earlier.copy()
        .put("closedIfSilentWithin", "PT40000000000000000S")), "past any idle timeout (and what an instant can add)");
    assertThrows(IllegalArgumentException.class,
        () -> DeviceEvent.fromJson(earlier.copy().put("closedIfSilentWithin", "PT-1S")));
    assertThrows(IllegalArgumentException.class, () -> DeviceEvent.connected(MONITOR, CONNECTION,
        Instant.MAX.minusSeconds(1), Duration.ofSeconds(300)), "too late to reckon the connection's closing from");
    assertEquals(DeviceEvent.MAX_CLOSED_IF_SILENT_WITHIN, DeviceEvent.fromJson(earlier.copy()
        .put("closedIfSilentWithin", "P2D")).closedIfSilentWithin());
  }

  @Test
  void aRefusalCrossesWithItsReason() {
    DeviceEvent rejected = DeviceEvent.rejected(MONITOR, "Pulse 400 /min is implausible", CLOSED);

    assertEquals("rejected", rejected.toJson().getString("event"));
    assertEquals(rejected, DeviceEvent.fromJson(rejected.toJson()));
  }

  @Test
  void aDisconnectionFromANodeThatDidNotSayWhenOrWhichHasNeither() {
    JsonObject earlier = new JsonObject().put("event", "disconnected").put("source", MONITOR.toJson())
        .put("lastAnsweredAt", CLOSED);

    assertNull(DeviceEvent.fromJson(earlier).at());
    assertNull(DeviceEvent.fromJson(earlier).connection());
  }

  @Test
  void anUnknownEventOrAMalformedTimeIsRefusedWithWhatIsWrong() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> DeviceEvent.fromJson(
        new JsonObject().put("event", "unplugged").put("source", MONITOR.toJson())));
    assertEquals("unknown device event 'unplugged'", unknown.getMessage());
    IllegalArgumentException time = assertThrows(IllegalArgumentException.class, () -> DeviceEvent.fromJson(
        DeviceEvent.disconnected(MONITOR, CONNECTION, CLOSED).toJson().put("at", "yesterday")));
    assertEquals("'at' must be an ISO-8601 instant, got yesterday", time.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DeviceEvent.fromJson(
        new JsonObject().put("event", "disconnected").put("source", "mon-1")), "a source that is not an object");
    IllegalArgumentException connection = assertThrows(IllegalArgumentException.class, () -> DeviceEvent.fromJson(
        DeviceEvent.disconnected(MONITOR, CONNECTION, CLOSED).toJson().put("connection", new JsonObject())));
    assertEquals("a connection needs openedAt, origin and serial, got {}", connection.getMessage());
  }
}
