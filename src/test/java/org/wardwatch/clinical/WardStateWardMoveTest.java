package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.WardStateFixtures.BED_1;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.THRESHOLDS;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.frame;
import static org.wardwatch.clinical.WardStateFixtures.only;
import static org.wardwatch.clinical.WardStateFixtures.onlyOf;
import static org.wardwatch.clinical.WardStateFixtures.snapshot;
import static org.wardwatch.clinical.WardStateFixtures.thresholdRules;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.bus.PatientSnapshot;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.DeviceIdentity;

/**
 * A patient whose device names another ward or bed: the ward left is told and the alarms go with the patient, each move
 * of a batch is shown at its frame, and a second device naming no ward or bed leaves the patient where they are.
 */
class WardStateWardMoveTest {

  private final WardState engine = new WardState(thresholdRules(THRESHOLDS));

  @Test
  void givenAPatientWithAnAlarmMovedToAnotherWard_thenTheOldWardIsToldAndTheAlarmGoesWithThem() {
    String alarmId = only(engine.apply(frame(BED_1, T0, "PULSE=190"), T0).transitions()).alarmId();

    WardUpdate move = engine.apply(frame(new DeviceIdentity("mon-1", "P1", "5", "icu"), at(1), "PULSE=190"), at(1));

    assertEquals(2, move.snapshots().size(), () -> "the old ward's notice, then the patient: " + move.snapshots());
    JsonObject notice = move.snapshots().get(0).toJson();
    assertEquals("surgery", move.snapshots().get(0).ward(), "published to the screens the patient left");
    assertEquals(new JsonObject().put("ward", "icu").put("bed", "5"), notice.getJsonObject("movedTo"));
    assertEquals("1", notice.getString("bed"));
    assertFalse(move.snapshots().get(0).supersedable(), "a slow screen may skip no notice");
    JsonObject alarm = onlyOf(move.snapshots().get(1).toJson(), "alarms");
    assertEquals(alarmId, alarm.getString("id"), "the same alarm, not ended and raised again");
    assertEquals("icu", alarm.getString("ward"));
    assertEquals("5", alarm.getString("bed"));
    assertTrue(move.audit().stream().anyMatch(record -> "MOVED".equals(record.entry().getString("type"))
        && record.entry().getString("detail").startsWith("moved from ward surgery bed 1 to ward icu bed 5")));
    AlarmTransition escalated = only(engine.tick(at(61)).transitions());
    assertEquals(TransitionType.ESCALATED, escalated.type());
    assertEquals("icu", escalated.snapshot().getString("ward"), "paged to the team now caring for the patient");
    assertEquals(List.of(), engine.apply(frame(new DeviceIdentity("mon-1", "P1", "6", "icu"), at(62), "PULSE=190"),
        at(62)).snapshots().stream().filter(snapshot -> !snapshot.supersedable()).toList(), "a bed within the ward");
  }

  @Test
  void givenABatchMovingThePatientOnAndBack_thenEachMoveIsShownAtItsFrameWithTheAlarmsItMade() {
    engine.apply(frame(BED_1, T0, "PULSE=80"), T0);
    DeviceIdentity icu = new DeviceIdentity("mon-1", "P1", "5", "icu");

    WardUpdate there = engine.applyUnshown(frame(icu, at(1), "PULSE=190"), at(1));
    WardUpdate back = engine.applyUnshown(frame(BED_1, at(1), "PULSE=190"), at(1));

    assertEquals(List.of("surgery", "icu"), there.snapshots().stream().map(PatientSnapshot::ward).toList(),
        "the notice to surgery, and icu's snapshot, though the batch shows its patients at its end");
    assertEquals("icu", only(there.transitions()).snapshot().getString("ward"), "its alarm, where it was shown");
    assertEquals(there.snapshots().get(1).toJson().getLong("seq"), there.snapshots().get(0).toJson().getLong("seq"),
        "the notice says the change it was made at, though written after the patient changed again");
    assertEquals(List.of("icu", "surgery"), back.snapshots().stream().map(PatientSnapshot::ward).toList(),
        "icu is told the patient left it, with the alarm");
    assertEquals(WardUpdate.NOTHING, engine.show("P1"), "nothing more to show at the batch's end");
  }

  /** The patient's snapshot of an update that may also hold the notice to the ward the patient left. */
  private static JsonObject shownAfterMove(WardUpdate update) {
    return update.snapshots().get(update.snapshots().size() - 1).toJson();
  }

  @Test
  void givenASecondDeviceNamingNoWardOrBed_whenItsFrameArrives_thenThePatientStaysWhereTheyAre() {
    engine.apply(frame(BED_1, T0, "PULSE=190"), T0);
    DeviceIdentity cuff = new DeviceIdentity("cuff-2", "P1", null, null);

    JsonObject shown = snapshot(engine.apply(frame(cuff, at(1), "BP_SYSTOLIC=120"), at(1)));

    assertEquals("surgery", shown.getString("ward"), "not moved to the unassigned ward, alarms and all");
    assertEquals("1", shown.getString("bed"));
    assertEquals("cuff-2", shown.getString("device"));
    assertEquals(1, shown.getJsonArray("alarms").size());
    JsonObject moved = shownAfterMove(engine.apply(frame(new DeviceIdentity("cuff-2", "P1", "9", "icu"), at(2),
        "BP_SYSTOLIC=121"), at(2)));
    assertEquals("icu", moved.getString("ward"), "a device that names a ward moves the patient");
    assertEquals("9", moved.getString("bed"));
    JsonObject noBed = shownAfterMove(engine.apply(frame(new DeviceIdentity("cuff-2", "P1", null, "surgery"), at(3),
        "BP_SYSTOLIC=122"), at(3)));
    assertEquals("surgery", noBed.getString("ward"));
    assertNull(noBed.getString("bed"), "not the icu's bed 9 in surgery");
  }
}
