package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wardwatch.clinical.WardStateFixtures.BED_1;
import static org.wardwatch.clinical.WardStateFixtures.THRESHOLDS;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.frame;
import static org.wardwatch.clinical.WardStateFixtures.only;
import static org.wardwatch.clinical.WardStateFixtures.partly;
import static org.wardwatch.clinical.WardStateFixtures.raisedId;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.hl7.Pcd01Decoder;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;

/**
 * A frame (or HL7 message) some of whose values were refused: its report carries why ({@link FrameReport#refused}),
 * so its good values are judged and its device's invalid-signal alarm is raised in the same step, and the next such
 * frame keeps that alarm rather than clearing it and raising another (an acknowledgement lost every second); a frame
 * recorded whole ends it. It stands while its device sends such frames, though another device's frames come between
 * them (an oximeter, a nurse terminal), and names a device no longer once it has stopped; one delivered late raises
 * none; a message with many rows refused names three and counts the rest.
 */
class WardStatePartlyRecordedTest {

  private static final String FAHRENHEIT = "Temperature 104 Cel is implausible (accepted range 0–50)";
  private static final String CONDITION = "TECHNICAL:INVALID_SIGNAL";
  /** A separate oximeter of the same patient, naming no bed or ward (it leaves the patient where they are). */
  private static final DeviceIdentity OX_7 = new DeviceIdentity("ox-7", "P1", null, null);
  /** A nurse terminal charting the patient's ACVPU and oxygen. */
  private static final DeviceIdentity NURSE = new DeviceIdentity("nurse-1", "P1", null, null);

  private final WardState engine = new WardState(WardStateFixtures.thresholdRules(THRESHOLDS));

  @Test
  void aPartlyRecordedFrameRaisesItsValuesAlarmsAndItsDevicesInvalidSignalTogether() {
    List<AlarmTransition> transitions = engine.apply(partly(frame(BED_1, at(1), "SPO2=85"), FAHRENHEIT), at(1))
        .transitions();

    assertEquals(List.of("THRESHOLD:SPO2", "TECHNICAL:INVALID_SIGNAL"), transitions.stream()
        .map(transition -> transition.snapshot().getString("condition")).toList());
    assertEquals("Invalid data from mon-1: " + FAHRENHEIT, transitions.get(1).snapshot().getString("message"));
  }

  @Test
  void aSecondPartlyRecordedFrameKeepsTheAlarmAndAFrameRecordedWholeEndsIt() {
    String raised = only(engine.apply(partly(frame(BED_1, at(1), "SPO2=95"), FAHRENHEIT), at(1)).transitions())
        .alarmId();

    assertEquals(List.of(), engine.apply(partly(frame(BED_1, at(2), "SPO2=96"), FAHRENHEIT), at(2)).transitions(),
        "the device's data is still refused: the same alarm stands");

    AlarmTransition ended = only(engine.apply(frame(BED_1, at(3), "SPO2=96", "TEMPERATURE=37.1"), at(3))
        .transitions());
    assertEquals(List.of(raised, TransitionType.CLEARED), List.of(ended.alarmId(), ended.type()));
  }

  @Test
  void manyRefusedValuesAreNamedThreeAndCounted() {
    AlarmTransition raised = only(engine.apply(partly(frame(BED_1, at(1), "SPO2=95"),
        FrameReport.refusalsNamed(List.of("a", "b", "c", "d", "e")).toArray(String[]::new)), at(1)).transitions());

    assertEquals("Invalid data from mon-1: a; b; c; and 2 more", raised.snapshot().getString("message"));
  }

  /**
   * A monitor whose thermometer reads Fahrenheit sends its pulse with the refused temperature every second; an
   * oximeter reports the pulse too. The oximeter's frames, after which the monitor sends none of the latest values, do
   * not end the monitor's alarm while its frames come: no new alarm (and id) every second, its acknowledgement lost.
   */
  @Test
  void aMonitorSendingRefusedValuesKeepsOneAlarmWhileAnOximeterAlsoReportsThePulse() {
    String raised = raisedId(engine.apply(partly(frame(BED_1, at(1), "PULSE=80"), FAHRENHEIT), at(1)));

    List<AlarmTransition> oximeter = invalidSignal(engine.apply(frame(OX_7, at(2), "PULSE=81", "SPO2=97"), at(2))
        .transitions());
    List<AlarmTransition> monitorAgain = invalidSignal(engine.apply(
        partly(frame(BED_1, at(3), "PULSE=80"), FAHRENHEIT), at(3)).transitions());

    List<AlarmTransition> both = new ArrayList<>(oximeter);
    both.addAll(monitorAgain);
    assertEquals(List.of(), describe(both), "the monitor still sends a refused temperature every frame: the same alarm "
        + raised + " stands, not cleared by the oximeter and raised anew by the monitor");
  }

  /**
   * A nurse terminal charts ACVPU with an oxygen flow it mistyped: the O2 is refused alone, the ACVPU recorded, and
   * the terminal's invalid-signal alarm raised. The monitor's next frame, a second later, does not end it: the monitor
   * reports nothing the terminal did.
   */
  @Test
  void aNurseTerminalsRefusedOxygenIsNotEndedByTheMonitorsNextFrame() {
    engine.apply(frame(BED_1, at(1), "PULSE=80"), at(1));
    raisedId(engine.apply(partly(frame(NURSE, at(2), Consciousness.A, null),
        "O2 '2L' must be 'air' or a flow in L/min from 0 to 80"), at(2)));

    List<AlarmTransition> monitor = invalidSignal(engine.apply(frame(BED_1, at(3), "PULSE=81"), at(3))
        .transitions());

    assertEquals(List.of(), describe(monitor), "the monitor charts no oxygen: the terminal's refusal stands");
  }

  /**
   * The patient is moved from monitor mon-1 to mon-2 with the same thermometer (set to Fahrenheit): both monitors'
   * frames are partly recorded. mon-2 reports everything mon-1 did; once mon-1 has sent no such frame for three of its
   * intervals (at least the no-data time, an hour in these rules), the alarm names mon-2 alone.
   */
  @Test
  void aMonitorReplacedByOneWhoseFramesArePartlyRecordedIsNoLongerNamedOnceItStopped() {
    DeviceIdentity mon2 = new DeviceIdentity("mon-2", "P1", "1", "surgery");
    engine.apply(partly(frame(BED_1, at(1), "PULSE=80"), FAHRENHEIT), at(1));
    engine.apply(partly(frame(mon2, at(2), "PULSE=81"), FAHRENHEIT), at(2));
    assertEquals("Invalid data from mon-1: " + FAHRENHEIT + "; mon-2: " + FAHRENHEIT, invalidSignalMessage(),
        "mon-1 sent such a frame a second ago");

    engine.apply(partly(frame(mon2, at(3700), "PULSE=82"), FAHRENHEIT), at(3700));

    assertEquals("Invalid data from mon-2: " + FAHRENHEIT, invalidSignalMessage());
  }

  /**
   * A partly recorded frame delivered after a later frame of the same device was applied (a retried delivery; an HL7
   * message whose parse outlasted the sender's timeout and a later message) raises no alarm, as a frame refused whole
   * and delivered late does not: the device's latest frame does not call for one.
   */
  @Test
  void aPartlyRecordedFrameDeliveredAfterALaterFrameOfItsDeviceRaisesNoAlarm() {
    engine.apply(frame(BED_1, at(2), "PULSE=80"), at(2));

    List<AlarmTransition> late = engine.apply(partly(frame(BED_1, at(1), "PULSE=79"), FAHRENHEIT), at(3))
        .transitions();
    List<AlarmTransition> refusedWholeLate = engine.deviceEvent(DeviceEvent.rejected(BED_1, FAHRENHEIT, at(1)), at(3))
        .transitions();

    assertEquals(List.of(), describe(refusedWholeLate), "as a frame refused whole and delivered late");
    assertEquals(List.of(), describe(invalidSignal(late)), "received at 1, after the device's frame received at 2");
  }

  /**
   * And the other way round: a frame recorded whole delivered after a later frame of its device whose values were
   * refused, in part or whole, does not end the alarm that later frame raised.
   */
  @Test
  void aFrameRecordedWholeDeliveredAfterALaterRefusedFrameOfItsDeviceEndsNoAlarm() {
    engine.apply(partly(frame(BED_1, at(2), "PULSE=80"), FAHRENHEIT), at(2));
    WardState refusedWhole = new WardState(WardStateFixtures.thresholdRules(THRESHOLDS));
    refusedWhole.deviceEvent(DeviceEvent.rejected(BED_1, FAHRENHEIT, at(2)), at(2));

    for (WardState alarmed : List.of(engine, refusedWhole)) {
      List<AlarmTransition> late = alarmed.apply(frame(BED_1, at(1), "PULSE=79", "TEMPERATURE=37.1"), at(3))
          .transitions();
      assertEquals(List.of(), describe(invalidSignal(late)), "received before the refused frame");
    }
  }

  /**
   * An HL7 message with 30 rows refused beside a good one: the alarm names the first three rows refused and counts the
   * rest, 27 (not the acknowledgement's summary of 20 and a line).
   */
  @Test
  void anHl7MessageWithThirtyRowsRefusedCountsTheRestRight() throws Exception {
    List<String> segments = new ArrayList<>(List.of(
        "MSH|^~\\&|Mon1|ICU|||20261122101500+0000||ORU^R01^ORU_R01|C1|P|2.6", "PID|||P1", "PV1||I|surgery^^1",
        "OBR|1|||x|||20261122101400+0000",
        "OBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.1|97|262688^MDC_DIM_PERCENT^MDC|||||R"));
    for (int row = 2; row <= 31; row++) {
      segments.add("OBX|" + row + "|NM|150364^MDC_TEMP_BODY^MDC|1.5.1.1|310.2|K^K^UCUM|||||R");
    }
    Instant received = Instant.parse("2026-11-23T00:00:00Z");
    List<FrameReport> reports = new Pcd01Decoder(ZoneOffset.UTC).decode(String.join("\r", segments), received)
        .reports();

    String message = null;
    for (FrameReport report : reports) {
      for (AlarmTransition transition : invalidSignal(engine.apply(report, received).transitions())) {
        message = transition.snapshot().getString("message");
      }
    }

    assertEquals(" and 27 more", message == null ? null : message.substring(message.lastIndexOf(';') + 1));
  }

  private String invalidSignalMessage() {
    return engine.view().snapshot("P1").orElseThrow().toJson().getJsonArray("technicalAlarms").stream()
        .map(io.vertx.core.json.JsonObject.class::cast).filter(alarm -> CONDITION.equals(alarm.getString("condition")))
        .findFirst().orElseThrow().getString("message");
  }

  private static List<AlarmTransition> invalidSignal(List<AlarmTransition> transitions) {
    return transitions.stream().filter(t -> CONDITION.equals(t.snapshot().getString("condition"))).toList();
  }

  private static List<String> describe(List<AlarmTransition> transitions) {
    return transitions.stream().map(t -> t.type() + " " + t.alarmId()).toList();
  }
}
