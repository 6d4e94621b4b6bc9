package org.wardwatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Device connections: which surely opened after which, and how they cross the event bus and the store. */
class ConnectionIdTest {

  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

  @Test
  void givenTwoConnectionsOfOneProcess_thenTheOneOpenedLaterIsNewerWhateverTheClockDid() {
    ConnectionId first = ConnectionId.opened(T0);
    ConnectionId second = ConnectionId.opened(T0.minusSeconds(60)); // the clock stepped back in between

    assertTrue(second.isNewerThan(first));
    assertFalse(first.isNewerThan(second));
    assertFalse(first.isNewerThan(first));
  }

  @Test
  void givenConnectionsOfTwoProcesses_thenOnlyOneOpenedMoreThanTheClocksMarginLaterIsNewer() {
    ConnectionId onA = new ConnectionId(T0, 1, 5);
    ConnectionId onBSoonAfter = new ConnectionId(T0.plus(ConnectionId.CLOCKS_APART), 2, 1);
    ConnectionId onBLater = new ConnectionId(T0.plus(ConnectionId.CLOCKS_APART).plusMillis(1), 2, 2);

    assertFalse(onBSoonAfter.isNewerThan(onA), "within what two clocks may be apart");
    assertFalse(onA.isNewerThan(onBSoonAfter));
    assertTrue(onBLater.isNewerThan(onA));
    assertFalse(onA.isNewerThan(onBLater));
  }

  @Test
  void aConnectionCrossesWhole_andAFieldWithoutOneReadsAsNone() {
    ConnectionId connection = ConnectionId.opened(T0);
    JsonObject holder = new JsonObject().put("connection", ConnectionId.toJsonOrNull(connection));

    assertEquals(connection, ConnectionId.optional(new JsonObject(holder.encode()), "connection"));
    assertNull(ConnectionId.optional(new JsonObject(), "connection"));
    assertNull(ConnectionId.toJsonOrNull(null));
  }

  @Test
  void aMalformedConnectionIsRefusedWithWhatIsWrong() {
    IllegalArgumentException notAnObject = assertThrows(IllegalArgumentException.class,
        () -> ConnectionId.optional(new JsonObject().put("connection", "c-1"), "connection"));
    assertEquals("'connection' must be a connection, got c-1", notAnObject.getMessage());
    IllegalArgumentException badTime = assertThrows(IllegalArgumentException.class, () -> ConnectionId.fromJson(
        ConnectionId.opened(T0).toJson().put("openedAt", "yesterday")));
    assertTrue(badTime.getMessage().startsWith("malformed connection"), badTime.getMessage());
  }
}
