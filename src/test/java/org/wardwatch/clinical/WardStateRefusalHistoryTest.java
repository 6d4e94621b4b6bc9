package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.frame;
import static org.wardwatch.clinical.WardStateFixtures.partly;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;

/**
 * What a device's refused frames so far count for when its next come: nothing once a frame of it was recorded whole
 * (an artefact twenty minutes before its last frame does not make twenty minutes its interval), nor once longer ago
 * than a window lasts, also on the member that takes the patient over.
 */
class WardStateRefusalHistoryTest {

  private static final DeviceIdentity MONITOR = WardStateFixtures.BED_1;
  private static final DeviceIdentity OXIMETER = new DeviceIdentity("ox-7", "P1", null, null);
  private static final DeviceIdentity THERMOMETER = new DeviceIdentity("temp-3", "P1", "1", "surgery");
  private static final String PULSE_ZERO = "Pulse 0 /min is implausible (accepted range 15–300)";
  private static final String FAHRENHEIT = "Temperature 104 Cel is implausible (accepted range 0–50)";
  /** No data after 30 s, a first report's interval taken as a minute, no window over an hour: the shipped times. */
  private static final ClinicalRules RULES = WardStateFixtures.deviceRules(60);

  /**
   * The monitor streams every 5 s; one frame at 100 and its last at 1300 each had a value refused, and it was unplugged
   * at 1301: five minutes later the patient may be discharged, as without the artefact at 100.
   */
  @Test
  void anUnpluggedMonitorWhoseLastFrameHadAValueRefusedLetsThePatientGoAfterItsWindow() {
    WardState engine = new WardState(RULES);
    for (long s = 0; s <= 1300; s += 5) {
      FrameReport frame = frame(MONITOR, at(s), "SPO2=97");
      engine.apply(s == 100 || s == 1300 ? partly(frame, PULSE_ZERO) : frame, at(s));
    }
    engine.deviceEvent(DeviceEvent.disconnected(MONITOR, null, at(1301)), at(1301));

    assertEquals(Set.of("P1"), engine.discharge("P1", "nurse.kim", at(1600)).discharged());
  }

  /**
   * An oximeter beside a monitor that measures the SpO2 too: its frames every 5 s, two of them (at 100 and its last, at
   * 1300, as it is taken off) with a value refused. Its alarm ends by its first window after its last frame, not an
   * hour later.
   */
  @Test
  void anOximeterTakenOffAfterAFrameWithAValueRefusedIsNoLongerNamedAfterItsWindow() {
    WardState engine = new WardState(RULES);
    for (long s = 0; s <= 1300; s += 5) {
      engine.apply(frame(MONITOR, at(s), "SPO2=97"), at(s));
      FrameReport oximeter = frame(OXIMETER, at(s).plusMillis(500), "SPO2=96");
      engine.apply(s == 100 || s == 1300 ? partly(oximeter, PULSE_ZERO) : oximeter, at(s).plusMillis(500));
    }
    List<AlarmTransition> ended = new ArrayList<>();
    for (long s = 1305; s <= 1485; s += 5) { // the monitor carries on; the oximeter sends nothing more
      ended.addAll(invalidSignal(engine.apply(frame(MONITOR, at(s), "SPO2=97"), at(s)).transitions()));
    }

    assertEquals(1, ended.size(), "three of the first report's minute after its last frame");
  }

  /**
   * The thermometer's refusals at 1 and 3 ended by its window; the patient's state stored with them. Two hours later
   * another member takes the patient over for one more refusal: a first delivery, its alarm ended three minutes on.
   */
  @Test
  void aRefusalLongAfterTheLastIsAFirstOnTheMemberThatTakesThePatientOver() {
    WardState owner = new WardState(RULES);
    owner.apply(frame(MONITOR, T0, "PULSE=80"), T0);
    owner.deviceEvent(DeviceEvent.rejected(THERMOMETER, FAHRENHEIT, at(1)), at(1));
    owner.deviceEvent(DeviceEvent.rejected(THERMOMETER, FAHRENHEIT, at(3)), at(3));
    owner.tick(at(184));
    owner.deviceEvent(DeviceEvent.disconnected(MONITOR, null, at(185)), at(185));
    WardState takeover = new WardState(RULES);
    takeover.adopt(new JsonObject(owner.state("P1").orElseThrow().encode()));

    takeover.deviceEvent(DeviceEvent.rejected(THERMOMETER, FAHRENHEIT, at(7200)), at(7200));

    assertEquals(1, invalidSignal(takeover.tick(at(7200 + 181)).transitions()).size());
  }

  private static List<AlarmTransition> invalidSignal(List<AlarmTransition> transitions) {
    return transitions.stream()
        .filter(t -> "TECHNICAL:INVALID_SIGNAL".equals(t.snapshot().getString("condition"))).toList();
  }
}
