package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.frame;
import static org.wardwatch.clinical.WardStateFixtures.onlyOf;
import static org.wardwatch.clinical.WardStateFixtures.raisedId;
import static org.wardwatch.clinical.WardStateFixtures.snapshot;
import static org.wardwatch.clinical.WardStateFixtures.thresholdRules;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmState;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.alarm.TransitionType;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.parsing.DecodedFrame;
import org.wardwatch.parsing.LineFrameDecoder;
import org.wardwatch.parsing.MalformedFrameException;

/**
 * "A new condition alarms again" (IEC 60601-1-8), also where one condition key covers several conditions: a pulse
 * falling below its low limit while its "above" alarm is acknowledged, or a second sensor off while the first one's
 * alarm is. The alarm standing for the old condition ends and a new one is raised, unacknowledged.
 */
class WardStateNewConditionTest {

  private static final DeviceIdentity MONITOR = new DeviceIdentity("mon-1", "P1", "1", "surgery");
  private static final String NURSE = "nurse.kim";

  private final WardState engine = new WardState(thresholdRules("""
      "thresholds": [
        {"parameter": "PULSE", "above": 150, "priority": "HIGH", "hysteresis": 5},
        {"parameter": "PULSE", "below": 40, "priority": "HIGH", "hysteresis": 5}
      ]"""));

  @Test
  void givenAcknowledgedHighPulse_whenThePulseFallsBelowItsLowLimit_thenTheOldAlarmEndsAndANewOneAlarms() {
    String high = raisedId(engine.apply(frame(MONITOR, T0, "PULSE=190"), T0));
    engine.act(high, alarm -> alarm.acknowledge(NURSE, at(5)), at(5));

    WardUpdate low = engine.apply(frame(MONITOR, at(10), "PULSE=35"), at(10));

    List<AlarmTransition> transitions = low.transitions();
    assertEquals(2, transitions.size(), transitions::toString);
    assertEquals(high, transitions.get(0).alarmId());
    assertEquals(TransitionType.CLEARED, transitions.get(0).type());
    assertEquals("condition changed; a new alarm follows", transitions.get(0).detail());
    AlarmTransition raised = transitions.get(1);
    assertEquals(TransitionType.RAISED, raised.type());
    assertNotEquals(high, raised.alarmId());
    assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, raised.toState());
    assertEquals("Pulse 35 /min below 40", onlyOf(snapshot(low), "alarms").getString("message"));
  }

  @Test
  void givenUnansweredHighPulse_whenThePulseFallsBelowItsLowLimit_thenTheNewAlarmEscalatesWhenTheOldOneWould() {
    String high = raisedId(engine.apply(frame(MONITOR, T0, "PULSE=190"), T0));

    List<AlarmTransition> low = engine.apply(frame(MONITOR, at(5), "PULSE=35"), at(5)).transitions();

    assertEquals(List.of(TransitionType.CONDITION_ENDED, TransitionType.RAISED),
        low.stream().map(AlarmTransition::type).toList(), "the old one latched: HIGH, and nobody saw it");
    assertEquals(high, low.get(0).alarmId());
    String bradycardia = low.get(1).alarmId();
    assertEquals(List.of(), engine.tick(at(9)).transitions());
    assertTrue(engine.tick(at(10)).transitions().stream()
            .anyMatch(t -> t.type() == TransitionType.ESCALATED && t.alarmId().equals(bradycardia)),
        "escalated at 10 s, the old alarm's time, not 10 s after the change: a change cannot put escalation off");
  }

  @Test
  void givenAlarmAboveItsLimit_whenTheValueRisesFurther_thenTheSameAlarmGoesOn() {
    String high = raisedId(engine.apply(frame(MONITOR, T0, "PULSE=190"), T0));
    engine.act(high, alarm -> alarm.acknowledge(NURSE, at(5)), at(5));

    WardUpdate higher = engine.apply(frame(MONITOR, at(10), "PULSE=210"), at(10));

    assertEquals(List.of(), higher.transitions());
    JsonObject alarm = onlyOf(snapshot(higher), "alarms");
    assertEquals(high, alarm.getString("id"));
    assertEquals("ACTIVE_ACKNOWLEDGED", alarm.getString("state"));
  }

  @Test
  void givenAcknowledgedSensorOff_whenASecondSensorGoesOff_thenANewAlarmNamesBoth() throws Exception {
    String first = acknowledgedSensorAlarm("Temperature=OFF|Pulse=80");

    WardUpdate second = engine.apply(decoded("Temperature=OFF|SpO2=OFF|Pulse=80", at(10)), at(10));

    assertEquals(List.of(TransitionType.CLEARED, TransitionType.RAISED), types(second));
    JsonObject alarm = onlyOf(snapshot(second), "technicalAlarms");
    assertNotEquals(first, alarm.getString("id"));
    assertEquals("ACTIVE_UNACKNOWLEDGED", alarm.getString("state"));
    assertEquals("Sensor off: SpO2, Temperature", alarm.getString("message"));
  }

  @Test
  void givenAcknowledgedAlarmForTwoSensors_whenOneComesBackAndGoesOffAgain_thenThatIsANewCondition() throws Exception {
    String both = acknowledgedSensorAlarm("Temperature=OFF|SpO2=OFF|Pulse=80");
    assertEquals(List.of(), engine.apply(decoded("Temperature=OFF|SpO2=97|Pulse=80", at(10)), at(10)).transitions());

    WardUpdate again = engine.apply(decoded("Temperature=OFF|SpO2=OFF|Pulse=80", at(20)), at(20));

    assertEquals(List.of(TransitionType.CLEARED, TransitionType.RAISED), types(again));
    assertEquals("Sensor off: SpO2, Temperature", onlyOf(snapshot(again), "technicalAlarms").getString("message"));
  }

  @Test
  void givenTwoSensorsOff_whenOneComesBack_thenTheAlarmGoesOnForTheOther() throws Exception {
    String both = acknowledgedSensorAlarm("Temperature=OFF|SpO2=OFF|Pulse=80");

    WardUpdate back = engine.apply(decoded("Temperature=OFF|SpO2=97|Pulse=80", at(10)), at(10));

    assertEquals(List.of(), back.transitions());
    JsonObject alarm = onlyOf(snapshot(back), "technicalAlarms");
    assertEquals(both, alarm.getString("id"));
    assertEquals("Sensor off: Temperature", alarm.getString("message"));
  }

  /** The id of the sensor-off alarm a frame {@code text} at T0 raised, acknowledged at 5 s. */
  private String acknowledgedSensorAlarm(String text) throws MalformedFrameException {
    engine.apply(decoded(text, T0), T0);
    String id = onlyOf(engine.view().snapshot("P1").orElseThrow().toJson(), "technicalAlarms").getString("id");
    engine.act(id, alarm -> alarm.acknowledge(NURSE, at(5)), at(5));
    return id;
  }

  private static List<TransitionType> types(WardUpdate update) {
    return update.transitions().stream().map(AlarmTransition::type).toList();
  }

  private static FrameReport decoded(String text, Instant at) throws MalformedFrameException {
    return ((DecodedFrame.Measurements) new LineFrameDecoder().decode(text, MONITOR, null, at)).report();
  }
}
