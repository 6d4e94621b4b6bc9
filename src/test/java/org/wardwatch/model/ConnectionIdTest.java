package org.wardwatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Device connections: which surely opened before a time, and how they cross the event bus and the store. */
class ConnectionIdTest {

  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

  @Test
  void givenATimeByTheClockOfTheSameProcess_thenOnlyOpeningBeforeItCounts() {
    ConnectionId connection = ConnectionId.opened(T0);
    ConnectionId sameProcess = ConnectionId.opened(T0.plusSeconds(5));

    assertTrue(connection.openedSurelyBefore(T0.plusMillis(1), sameProcess));
    assertFalse(connection.openedSurelyBefore(T0, sameProcess));
  }

  @Test
  void givenATimeByAnotherProcessesClock_thenItMustBeMoreThanTheClocksMarginAfterTheOpening() {
    ConnectionId onA = new ConnectionId(T0, 1, 5);
    ConnectionId onB = new ConnectionId(T0.minusSeconds(60), 2, 1);

    assertFalse(onA.openedSurelyBefore(T0.plus(ConnectionId.CLOCKS_APART), onB), "the clocks may be that far apart");
    assertTrue(onA.openedSurelyBefore(T0.plus(ConnectionId.CLOCKS_APART).plusMillis(1), onB));
  }

  @Test
  void givenTwoConnections_thenTheOneOpenedLastIsTheLaterOpening_theFirstKeptOnATie() {
    ConnectionId first = ConnectionId.opened(T0);
    ConnectionId later = ConnectionId.opened(T0.plusSeconds(1));
    ConnectionId together = ConnectionId.opened(T0);

    assertEquals(later, ConnectionId.openedLast(first, later));
    assertEquals(later, ConnectionId.openedLast(later, first));
    assertEquals(first, ConnectionId.openedLast(first, together), "opened together: the one known first stays");
    assertEquals(first, ConnectionId.openedLast(null, first));
    assertEquals(first, ConnectionId.openedLast(first, null));
  }

  @Test
  void givenTwoTimesReadOnTwoConnections_thenOneSurelyBeforeTheOtherByOneClockOrByMoreThanTheMarginByTwo() {
    ConnectionId here = ConnectionId.opened(T0);
    ConnectionId alsoHere = ConnectionId.opened(T0);
    ConnectionId elsewhere = new ConnectionId(T0, 1, 1);

    assertTrue(ConnectionId.surelyBefore(T0, here, T0.plusMillis(1), alsoHere));
    assertFalse(ConnectionId.surelyBefore(T0, here, T0, alsoHere));
    assertFalse(ConnectionId.surelyBefore(T0, here, T0.plus(ConnectionId.CLOCKS_APART), elsewhere));
    assertTrue(ConnectionId.surelyBefore(T0, elsewhere, T0.plus(ConnectionId.CLOCKS_APART).plusMillis(1), here));
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
