package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wardwatch.clinical.WardStateFixtures.BED_1;
import static org.wardwatch.clinical.WardStateFixtures.THRESHOLDS;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.frame;
import static org.wardwatch.clinical.WardStateFixtures.only;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.FrameReport;

/**
 * A frame (or HL7 message) some of whose values were refused: its report carries why ({@link FrameReport#refused}),
 * so its good values are judged and its device's invalid-signal alarm is raised in the same step, and the next such
 * frame keeps that alarm rather than clearing it and raising another (an acknowledgement lost every second); a frame
 * recorded whole ends it.
 */
class WardStatePartlyRecordedTest {

  private static final String FAHRENHEIT = "Temperature 104 Cel is implausible (accepted range 0–50)";

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
    AlarmTransition raised = only(engine.apply(partly(frame(BED_1, at(1), "SPO2=95"), "a", "b", "c", "d", "e"), at(1))
        .transitions());

    assertEquals("Invalid data from mon-1: a; b; c; and 2 more", raised.snapshot().getString("message"));
  }

  private static FrameReport partly(FrameReport report, String... refused) {
    return new FrameReport(report.source(), report.time(), report.receivedAt(), report.observations(),
        report.consciousness(), report.oxygen(), report.sensorsOff(), report.stamp(), report.connection(),
        List.of(refused));
  }
}
