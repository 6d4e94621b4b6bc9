package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.only;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A clinician's assessment as a JSON action applied to the clinical engine: its parts in the snapshot and the NEWS2
 * score, its audit entry carried by the update, a stop of NEWS2 with its reason, and every part or flag out of place
 * refused naming it.
 */
class AlarmActionsAssessTest extends AlarmActionsFixture {

  @Test
  void givenKnownPatient_whenAssessAction_thenAssessmentInTheSnapshotAndScore() {
    WardUpdate update = apply(new JsonObject().put("action", "assess").put("patient", "P1").put("user", NURSE)
        .put("consciousness", "v").put("oxygen", "2").put("spo2Scale2", true), at(5));

    JsonObject snapshot = only(update.snapshots()).toJson();
    assertEquals("V", snapshot.getJsonObject("consciousness").getString("value"));
    assertEquals(at(5), snapshot.getJsonObject("consciousness").getInstant("time"));
    assertTrue(snapshot.getJsonObject("oxygen").getBoolean("onOxygen"));
    assertEquals(0, new BigDecimal("2").compareTo(
        new BigDecimal(snapshot.getJsonObject("oxygen").getValue("flow").toString())));
    assertTrue(snapshot.getBoolean("spo2Scale2"));
    JsonObject news2 = snapshot.getJsonObject("news2");
    assertEquals(2, news2.getInteger("scale"));
    assertEquals(3, news2.getJsonObject("components").getInteger("CONSCIOUSNESS"));
    assertEquals(2, news2.getJsonObject("components").getInteger("AIR_OR_OXYGEN"));
  }

  @Test
  void givenAssessAction_whenApplied_thenTheUpdateCarriesItsAuditEntryToBeStoredBeforeItIsAcknowledged() {
    WardUpdate update = apply(new JsonObject().put("action", "assess").put("patient", "P1").put("user", " " + NURSE)
        .put("consciousness", "c").put("oxygen", "2.5").put("spo2Scale2", false), at(5));

    JsonObject entry = only(AuditEntries.of(update));
    assertEquals("ASSESSMENT", entry.getString("type"));
    assertEquals("P1", entry.getString("patient"));
    assertEquals(NURSE, entry.getString("actor"), "the name, not as typed");
    assertEquals(at(5), entry.getInstant("at"));
    assertEquals("New confusion; oxygen 2.5 L/min; SpO2 scale 1", entry.getString("detail"));
    assertEquals(new JsonObject().put("consciousness", "C").put("oxygen", "2.5").put("spo2Scale2", false),
        entry.getJsonObject("assessment"));
    WardUpdate onAir = apply(new JsonObject().put("action", "assess").put("patient", "P1").put("user", NURSE)
        .put("oxygen", "air"), at(6));
    assertEquals("air", only(AuditEntries.of(onAir)).getString("detail"));
  }

  @Test
  void givenKnownPatient_whenAssessActionWithAirOnly_thenOtherPartsUnchanged() {
    WardUpdate update = apply(new JsonObject().put("action", "assess").put("patient", "P1").put("user", NURSE)
        .put("oxygen", "AIR"), at(5));

    JsonObject snapshot = only(update.snapshots()).toJson();
    assertFalse(snapshot.getJsonObject("oxygen").getBoolean("onOxygen"));
    assertNull(snapshot.getValue("consciousness"));
    assertFalse(snapshot.getBoolean("spo2Scale2"));
  }

  @Test
  void givenUnknownPatient_whenAssessAction_thenUnknownTarget() {
    assertThrows(ActionRefused.UnknownTarget.class, () -> apply(new JsonObject().put("action", "assess")
        .put("patient", "P9").put("user", NURSE).put("consciousness", "A"), at(5)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"spo2Scale2", "news2Applies"})
  void givenNonBooleanFlag_whenAssessAction_thenIllegalArgumentNamingTheField(String flag) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> apply(new JsonObject()
        .put("action", "assess").put("patient", "P1").put("user", NURSE).put(flag, "yes"), at(5)));

    assertTrue(error.getMessage().contains(flag), error::getMessage);
  }

  @Test
  void givenKnownPatient_whenAssessActionStopsNews2_thenNotScoredAndAudited() {
    WardUpdate update = apply(new JsonObject().put("action", "assess").put("patient", "P1").put("user", NURSE)
        .put("news2Applies", false).put("news2Reason", "under 16"), at(5));

    JsonObject snapshot = only(update.snapshots()).toJson();
    assertFalse(snapshot.getBoolean("news2Applies"));
    assertNull(snapshot.getValue("news2"));
    JsonObject audited = only(AuditEntries.of(update));
    assertEquals("NEWS2 not used: under 16", audited.getString("detail"));
    assertEquals(new JsonObject().put("news2Applies", false).put("news2Reason", "under 16"),
        audited.getJsonObject("assessment"));
  }

  @Test
  void givenNews2StoppedWithoutAReason_whenAssessAction_thenIllegalArgumentAskingForIt() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> apply(new JsonObject()
        .put("action", "assess").put("patient", "P1").put("user", NURSE).put("news2Applies", false), at(5)));

    assertTrue(error.getMessage().contains("'news2Reason'"), error::getMessage);
  }

  @ParameterizedTest
  @MethodSource("reasonsOutOfPlace")
  void givenAReasonWithoutAStopOfNews2_whenAssessAction_thenIllegalArgument(JsonObject assess) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> apply(assess.put("action", "assess").put("patient", "P1").put("user", NURSE), at(5)));

    assertTrue(error.getMessage().contains("'news2Reason'"), error::getMessage);
  }

  static Stream<JsonObject> reasonsOutOfPlace() {
    return Stream.of(new JsonObject().put("news2Reason", "pregnant"),
        new JsonObject().put("news2Applies", true).put("news2Reason", "pregnant"),
        new JsonObject().put("news2Applies", false).put("news2Reason", "line\nbreak"),
        new JsonObject().put("news2Applies", false).put("news2Reason", 16));
  }

  @Test
  void givenImplausibleOxygenFlow_whenAssessAction_thenIllegalArgumentNamingTheField() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> apply(new JsonObject()
        .put("action", "assess").put("patient", "P1").put("user", NURSE).put("oxygen", "500"), at(5)));

    assertTrue(error.getMessage().toLowerCase(Locale.ROOT).contains("oxygen"), error::getMessage);
  }
}
