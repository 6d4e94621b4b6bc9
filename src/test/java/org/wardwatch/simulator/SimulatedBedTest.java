package org.wardwatch.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wardwatch.simulator.SimulatedBed.Deterioration;
import org.wardwatch.simulator.SimulatedBed.Vitals;

class SimulatedBedTest {

  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final Pattern FRAME = Pattern.compile(
      "Seq=\\d+\\|Temperature=\\d{1,2}\\.\\d\\|Pulse=\\d+\\|BP=\\d+/\\d+\\|SpO2=\\d+\\|RR=\\d+"
          + "(\\|ABP=\\d+/\\d+/\\d+)?");

  @Test
  void sameSeedAndBedGiveTheSameReadings() {
    assertEquals(run(new SimulatedBed(3, 42L), 10_000), run(new SimulatedBed(3, 42L), 10_000));
  }

  @Test
  void otherSeedOrBedGiveOtherReadings() {
    List<Vitals> reference = run(new SimulatedBed(3, 42L), 100);
    assertNotEquals(reference, run(new SimulatedBed(3, 43L), 100));
    assertNotEquals(reference, run(new SimulatedBed(4, 42L), 100));
  }

  @Test
  void readingsStayWithinPhysiologicalLimits() {
    Duration[] steps = {Duration.ofMillis(50), SECOND, Duration.ofSeconds(10)};
    for (int bedNumber = 1; bedNumber <= 4; bedNumber++) {
      SimulatedBed bed = new SimulatedBed(bedNumber, 7L, 60);
      for (int step = 0; step < 100_000; step++) {
        assertPhysiological(bed.next(steps[step % steps.length]));
      }
    }
  }

  @Test
  void stableReadingsStayInsideAlarmLimits() {
    for (int bedNumber = 1; bedNumber <= 20; bedNumber++) {
      SimulatedBed bed = new SimulatedBed(bedNumber, 11L, 0);
      for (Vitals vitals : run(bed, 3_600)) {
        assertFalse(alarming(vitals), () -> "stable patient alarms: " + vitals);
      }
    }
  }

  @Test
  void deterioratesAboutOncePerTenMinutes() {
    SimulatedBed bed = new SimulatedBed(1, 5L);
    int episodes = 0;
    boolean wasDeteriorating = false;
    for (int second = 0; second < 10 * 3_600; second++) {
      bed.next(SECOND);
      boolean deteriorating = bed.deterioration() != null;
      if (deteriorating && !wasDeteriorating) {
        episodes++;
      }
      wasDeteriorating = deteriorating;
    }
    assertTrue(episodes >= 35 && episodes <= 90, "episodes in ten hours: " + episodes);
  }

  @ParameterizedTest
  @EnumSource(Deterioration.class)
  void forcedDeteriorationRampsCrossesItsLimitAndRecovers(Deterioration kind) {
    Predicate<Vitals> alarm = alarmOf(kind);
    SimulatedBed bed = new SimulatedBed(2, 99L, 0);
    run(bed, 60);
    bed.startDeterioration(kind, Duration.ofSeconds(60));
    assertFalse(alarm.test(bed.next(SECOND)), "jumps straight to the alarm instead of ramping in");
    List<Vitals> episode = run(bed, 59);
    assertTrue(episode.stream().anyMatch(alarm), () -> kind + " never crossed its limit: " + episode);
    assertNull(bed.deterioration());
    List<Vitals> after = run(bed, 120);
    assertTrue(after.stream().noneMatch(SimulatedBedTest::alarming), () -> kind + " did not recover: " + after);
  }

  @Test
  void frameHasTheWireFormat() {
    Locale previous = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    try {
      assertEquals("Seq=1|Temperature=37.5|Pulse=82|BP=120/80|SpO2=97|RR=16",
          new Vitals(37.5, 82, 120, 80, 97, 16, null).toFrame(1));
      assertEquals("Seq=1234|Temperature=39.0|Pulse=140|BP=80/48|SpO2=88|RR=30|ABP=86/46/59",
          new Vitals(39.0, 140, 80, 48, 88, 30, new SimulatedBed.ArterialPressure(86, 46)).toFrame(1234));
    } finally {
      Locale.setDefault(previous);
    }
  }

  @Test
  void generatedFramesAreWellFormed() {
    for (int bedNumber : new int[] {1, SimulatedBed.ARTERIAL_LINE_EVERY}) {
      SimulatedBed bed = new SimulatedBed(bedNumber, 3L, 60);
      for (int seq = 1; seq <= 5_000; seq++) {
        String frame = bed.next(SECOND).toFrame(seq);
        assertTrue(FRAME.matcher(frame).matches(), frame);
        assertTrue(frame.startsWith("Seq=" + seq + "|"), frame);
      }
    }
  }

  @Test
  void everyFourthBedHasAnArterialLineReadingNearTheCuffAndFallingWithIt() {
    for (int bedNumber = 1; bedNumber <= 12; bedNumber++) {
      boolean line = bedNumber % 4 == 0;
      assertTrue(run(new SimulatedBed(bedNumber, 13L, 0), 10).stream().allMatch(v -> (v.arterial() != null) == line),
          "bed " + bedNumber);
    }
    SimulatedBed bed = new SimulatedBed(8, 13L, 0);
    run(bed, 60);
    bed.startDeterioration(Deterioration.HYPOTENSION, Duration.ofSeconds(60));
    List<Vitals> episode = run(bed, 59);
    assertTrue(episode.stream().allMatch(v -> Math.abs(v.arterial().systolic() - v.systolic()) <= 15),
        episode::toString);
    assertTrue(episode.stream().anyMatch(v -> v.arterial().systolic() < 100), episode::toString);
  }

  private static List<Vitals> run(SimulatedBed bed, int seconds) {
    List<Vitals> readings = new ArrayList<>();
    for (int i = 0; i < seconds; i++) {
      readings.add(bed.next(SECOND));
    }
    return readings;
  }

  private static void assertPhysiological(Vitals v) {
    assertTrue(v.pulse() >= 15 && v.pulse() <= 300, v::toString);
    assertTrue(v.spo2() >= 0 && v.spo2() <= 100, v::toString);
    assertTrue(v.respRate() >= 0 && v.respRate() <= 200, v::toString);
    assertTrue(v.systolic() >= 25 && v.systolic() <= 300, v::toString);
    assertTrue(v.diastolic() >= 10 && v.diastolic() < v.systolic(), v::toString);
    assertTrue(v.temperature() >= 0 && v.temperature() <= 50, v::toString);
    assertTrue(v.arterial() == null || v.arterial().systolic() <= 300
        && v.arterial().diastolic() >= 10 && v.arterial().diastolic() < v.arterial().systolic(), v::toString);
  }

  private static boolean alarming(Vitals v) {
    return Arrays.stream(Deterioration.values()).anyMatch(kind -> alarmOf(kind).test(v))
        || v.arterial() != null && (v.arterial().systolic() < 90 || v.arterial().mean() < 60);
  }

  private static Predicate<Vitals> alarmOf(Deterioration kind) {
    return switch (kind) {
      case TACHYCARDIA -> v -> v.pulse() > 130;
      case BRADYCARDIA -> v -> v.pulse() < 40;
      case DESATURATION -> v -> v.spo2() < 90;
      case FEVER -> v -> v.temperature() > 38.5;
      case HYPOTENSION -> v -> v.systolic() < 90;
      case TACHYPNOEA -> v -> v.respRate() > 24;
    };
  }
}
