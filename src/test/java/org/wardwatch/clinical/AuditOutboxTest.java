package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A patient's audit entries are keyed in the order they are made and kept, with the patient's state, until they are
 * known to be recorded: what a member taking the patient over records again, under the same keys.
 */
class AuditOutboxTest {

  private final AuditOutbox outbox = new AuditOutbox();

  @Test
  void givenEntriesOfOneInstant_thenTheirKeysSortAsTheyWereMade() {
    List<String> keys = IntStream.range(0, 12).mapToObj(i -> outbox.add(entry("RAISED " + i), true).key()).toList();

    assertEquals(keys.stream().sorted().toList(), keys, "10 after 9: the count is written to a fixed width");
    assertTrue(keys.get(0).startsWith("P1/2026-12-06T08:00:00Z/0000000000000000001/"), keys.get(0));
  }

  @Test
  void givenAnyCount_thenItIsWrittenInNineteenDigits() {
    assertEquals("0000000000000000010", AuditOutbox.ordinal(10));
    assertEquals("9223372036854775807", AuditOutbox.ordinal(Long.MAX_VALUE));
  }

  @Test
  void givenARecordRecorded_thenOnlyTheOthersAreHeld() {
    AuditRecord raised = outbox.add(entry("RAISED"), true);
    AuditRecord assessed = outbox.add(entry("ASSESSMENT"), false);

    outbox.recorded(raised.key());

    assertEquals(List.of(assessed), outbox.pending());
  }

  @Test
  void givenAClinicianOrigin_thenTheHeldRecordCarriesItUnderTheSameKey() {
    AuditRecord acknowledged = outbox.add(entry("ACKNOWLEDGED"), true);

    outbox.replace(acknowledged.from("bridge 10.1.2.3"));

    AuditRecord held = outbox.pending().get(0);
    assertEquals(acknowledged.key(), held.key());
    assertEquals("bridge 10.1.2.3", held.audited().getString("origin"));
    assertEquals(null, held.entry().getString("origin"), "the entry as the ward sees it has none");
  }

  @Test
  void givenAStoredOutbox_whenReadBack_thenTheSameRecordsAndTheCountGoesOn() {
    outbox.add(new JsonObject().put("at", "2026-12-06T08:00:00Z").put("patient", "P1").put("type", "LIMIT_OVERRIDE")
        .put("hysteresis", new BigDecimal("2.50")), false);
    outbox.replace(outbox.add(entry("ACKNOWLEDGED"), true).from("api 10.0.0.9"));
    JsonObject state = new JsonObject(outbox.toState().encode());

    AuditOutbox readBack = AuditOutbox.fromState(state);

    assertEquals(outbox.pending(), readBack.pending());
    assertEquals(outbox.toState().encode(), readBack.toState().encode(), "stored again as it was");
    String next = readBack.add(entry("CLEARED"), true).key();
    assertTrue(next.contains("/0000000000000000003/"), next);
    assertEquals(next.substring(next.lastIndexOf('/')), outbox.pending().get(0).key()
        .substring(outbox.pending().get(0).key().lastIndexOf('/')), "the outbox's own part of the key is kept");
  }

  @Test
  void givenTwoPatientsStartedAfresh_thenTheirKeysDifferThoughCountAndTimeAreTheSame() {
    assertNotEquals(new AuditOutbox().add(entry("RAISED"), true).key(), outbox.add(entry("RAISED"), true).key());
  }

  @Test
  void givenMoreUnrecordedThanItHolds_thenTheOldestGo() {
    List<AuditRecord> made = IntStream.range(0, AuditOutbox.MAX_PENDING + 2)
        .mapToObj(i -> outbox.add(entry("RAISED " + i), true)).toList();

    assertEquals(made.subList(2, made.size()), outbox.pending());
  }

  @Test
  void givenAStateStoredBeforeOutboxes_thenNothingIsHeld() {
    assertEquals(List.of(), AuditOutbox.fromState(null).pending());
  }

  private static JsonObject entry(String detail) {
    return new JsonObject().put("at", "2026-12-06T08:00:00Z").put("patient", "P1").put("type", "TEST")
        .put("detail", detail);
  }
}
