package org.wardwatch.parsing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResendFilterTest {

  private static final String FRAME = "Seq=1|Pulse=82";

  private final ResendFilter filter = new ResendFilter(100);

  @Test
  void givenFirstFrame_whenChecked_thenNotAResend() {
    assertFalse(filter.isResend("mon-1", 1, FRAME));
  }

  @Test
  void givenSameDeviceSeqAndText_whenCheckedAgain_thenResend() {
    filter.isResend("mon-1", 1, FRAME);

    assertTrue(filter.isResend("mon-1", 1, FRAME));
    assertTrue(filter.isResend("mon-1", 1, FRAME));
  }

  @Test
  void givenOtherDeviceWithSameSeqAndText_whenChecked_thenNotAResend() {
    filter.isResend("mon-1", 1, FRAME);

    assertFalse(filter.isResend("mon-2", 1, FRAME));
  }

  @Test
  void givenSameSeqWithOtherText_whenChecked_thenNotAResend() {
    filter.isResend("mon-1", 1, FRAME);

    assertFalse(filter.isResend("mon-1", 1, "Seq=1|Pulse=83"));
  }

  @Test
  void givenDeviceRestartedNumbering_whenAnOldFrameIsRepeated_thenHistoryWasForgotten() {
    filter.isResend("mon-1", 1, "Seq=1|Pulse=80");
    filter.isResend("mon-1", 2, "Seq=2|Pulse=81");
    filter.isResend("mon-1", 3, "Seq=3|Pulse=82");

    assertFalse(filter.isResend("mon-1", 1, "Seq=1|Pulse=90"));
    assertFalse(filter.isResend("mon-1", 2, "Seq=2|Pulse=81"));
    assertFalse(filter.isResend("mon-1", 3, "Seq=3|Pulse=82"));
  }

  @Test
  void givenDeviceRestartedNumbering_whenItsNewFrameIsResent_thenRecognised() {
    filter.isResend("mon-1", 1, "Seq=1|Pulse=80");
    filter.isResend("mon-1", 1, "Seq=1|Pulse=90");

    assertTrue(filter.isResend("mon-1", 1, "Seq=1|Pulse=90"));
  }

  @Test
  void givenOtherDeviceRestarted_whenFirstDeviceResends_thenStillRecognised() {
    filter.isResend("mon-1", 1, FRAME);
    filter.isResend("mon-2", 1, FRAME);
    filter.isResend("mon-2", 1, "Seq=1|Pulse=99");

    assertTrue(filter.isResend("mon-1", 1, FRAME));
  }

  @Test
  void givenLast128Frames_whenTheOldestOfThemIsResent_thenRecognised() {
    recordFrames("mon-1", 1, 128);

    assertTrue(filter.isResend("mon-1", 1, frame(1)));
    assertTrue(filter.isResend("mon-1", 128, frame(128)));
  }

  @Test
  void givenFrameOlderThan128Frames_whenResent_thenNoLongerRecognised() {
    recordFrames("mon-1", 1, 129);

    assertFalse(filter.isResend("mon-1", 1, frame(1)));
    assertTrue(filter.isResend("mon-1", 2, frame(2)));
  }

  @Test
  void givenSeqNumbersBeyondTheWindowSize_whenResent_thenRecognised() {
    recordFrames("mon-1", 1_000_000, 1_000_010);

    assertTrue(filter.isResend("mon-1", 1_000_005, frame(1_000_005)));
    assertFalse(filter.isResend("mon-1", 1_000_005 - ResendFilter.WINDOW, frame(1_000_005 - ResendFilter.WINDOW)));
  }

  @Test
  void givenMoreThanMaxDevices_whenLeastRecentlyHeardDeviceResends_thenItWasForgotten() {
    ResendFilter small = new ResendFilter(2);
    small.isResend("mon-1", 1, FRAME);
    small.isResend("mon-2", 1, FRAME);
    small.isResend("mon-3", 1, FRAME);

    assertTrue(small.isResend("mon-3", 1, FRAME));
    assertTrue(small.isResend("mon-2", 1, FRAME));
    assertFalse(small.isResend("mon-1", 1, FRAME));
  }

  @Test
  void givenMoreThanMaxDevices_whenADeviceWasHeardRecently_thenItIsKeptAndTheLeastRecentForgotten() {
    ResendFilter small = new ResendFilter(2);
    small.isResend("mon-1", 1, FRAME);
    small.isResend("mon-2", 1, FRAME);
    small.isResend("mon-1", 2, "Seq=2|Pulse=82");
    small.isResend("mon-3", 1, FRAME);

    assertTrue(small.isResend("mon-1", 1, FRAME));
    assertFalse(small.isResend("mon-2", 1, FRAME));
  }

  private void recordFrames(String device, long first, long last) {
    for (long seq = first; seq <= last; seq++) {
      assertFalse(filter.isResend(device, seq, frame(seq)), "fresh frame " + seq);
    }
  }

  private static String frame(long seq) {
    return "Seq=" + seq + "|Pulse=" + (60 + seq % 50);
  }
}
