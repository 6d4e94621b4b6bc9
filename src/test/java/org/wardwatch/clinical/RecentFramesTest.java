package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.FrameStamp;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

class RecentFramesTest {

  private static final String FRAME = "Seq=1|Pulse=82";

  private final RecentFrames recent = new RecentFrames();

  @Test
  void givenFirstFrame_whenChecked_thenNotAResend() {
    assertFalse(recent.isResend(stamp("mon-1", 1, FRAME)));
  }

  @Test
  void givenSameDeviceSeqAndText_whenCheckedAgain_thenResend() {
    recent.record(stamp("mon-1", 1, FRAME));

    assertTrue(recent.isResend(stamp("mon-1", 1, FRAME)));
  }

  @Test
  void givenOtherDeviceOrOtherText_whenChecked_thenNotAResend() {
    recent.record(stamp("mon-1", 1, FRAME));

    assertFalse(recent.isResend(stamp("mon-2", 1, FRAME)));
    assertFalse(recent.isResend(stamp("mon-1", 1, "Seq=1|Pulse=83")));
  }

  @Test
  void givenDeviceRestartedNumbering_whenAnOldFrameIsRepeated_thenHistoryWasForgotten() {
    recent.record(stamp("mon-1", 1, "Seq=1|Pulse=80"));
    recent.record(stamp("mon-1", 2, "Seq=2|Pulse=81"));
    recent.record(stamp("mon-1", 1, "Seq=1|Pulse=90"));

    assertFalse(recent.isResend(stamp("mon-1", 2, "Seq=2|Pulse=81")));
    assertTrue(recent.isResend(stamp("mon-1", 1, "Seq=1|Pulse=90")));
  }

  @Test
  void givenTheLastWindowOfFrames_whenTheOldestIsResent_thenRecognisedAndOneOlderIsNot() {
    for (int seq = 0; seq <= RecentFrames.WINDOW; seq++) {
      recent.record(stamp("mon-1", seq, "Seq=" + seq));
    }

    assertTrue(recent.isResend(stamp("mon-1", 1, "Seq=1")));
    assertFalse(recent.isResend(stamp("mon-1", 0, "Seq=0")));
  }

  @Test
  void givenMoreDevicesThanKept_whenTheLeastRecentlyHeardResends_thenForgotten() {
    for (int device = 0; device <= RecentFrames.MAX_DEVICES; device++) {
      recent.record(stamp("mon-" + device, 1, FRAME));
    }

    assertFalse(recent.isResend(stamp("mon-0", 1, FRAME)));
    assertTrue(recent.isResend(stamp("mon-" + RecentFrames.MAX_DEVICES, 1, FRAME)));
  }

  @Test
  void givenState_whenRestored_thenTheSameFramesAreRecognised() {
    recent.record(stamp("mon-1", 7, FRAME));
    recent.record(stamp("mon-2", 8, FRAME));

    RecentFrames restored = RecentFrames.fromState(new JsonObject(recent.toState().encode()));

    assertTrue(restored.isResend(stamp("mon-1", 7, FRAME)));
    assertTrue(restored.isResend(stamp("mon-2", 8, FRAME)));
    assertFalse(restored.isResend(stamp("mon-1", 8, FRAME)));
    assertEquals(recent.toState(), restored.toState());
  }

  @Test
  void givenAFrameAppliedByOneOwner_whenTheNextOwnerGetsItAgainFromTheStoredState_thenItIsAResend() {
    Instant at = HandOver.T0;
    FrameReport report = pulse(82, at).withStamp(stamp(HandOver.MONITOR.device(), 5, "Seq=5|Pulse=82"));
    WardState first = engine();
    first.apply(report, at);

    WardState next = engine();
    next.adopt(new JsonObject(first.state(HandOver.PATIENT).orElseThrow().encode()));

    assertTrue(next.isResend(report));
    assertFalse(next.isResend(pulse(82, at).withStamp(stamp(HandOver.MONITOR.device(), 6, "Seq=6|Pulse=82"))));
    assertFalse(next.isResend(pulse(82, at)), "a frame without Seq is never a resend");
  }

  @Test
  void givenAStateWrittenBeforeFramesWereKept_whenAdopted_thenNothingIsAResend() {
    FrameReport report = pulse(82, HandOver.T0).withStamp(stamp(HandOver.MONITOR.device(), 5, "Seq=5|Pulse=82"));
    WardState first = engine();
    first.apply(report, HandOver.T0);
    JsonObject state = first.state(HandOver.PATIENT).orElseThrow();
    state.remove("recentFrames");

    WardState next = engine();
    next.adopt(state);

    assertFalse(next.isResend(report));
  }

  private static WardState engine() {
    return new WardState(ClinicalRules.fromJson(new JsonObject(HandOver.THRESHOLD_RULES)));
  }

  private static FrameReport pulse(int value, Instant at) {
    BigDecimal pulse = BigDecimal.valueOf(value);
    return WardStateFixtures.report(HandOver.MONITOR, at, List.of(new Observation(HandOver.MONITOR, Parameter.PULSE,
        Parameter.PULSE.mdcCode(), pulse, Parameter.PULSE.unit(), at, at, null, false)), null, null);
  }

  private static FrameStamp stamp(String device, long sequence, String text) {
    return FrameStamp.of(device, sequence, text);
  }
}
