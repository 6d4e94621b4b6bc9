package org.wardwatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class FrameStampTest {

  private static final String MESSAGE = "MSH|^~\\&|MON|ICU|||20261204||ORU^R01|CTRL-1|P|2.6\r";

  @Test
  void aRetransmittedMessageStampsItsReportsAlike() {
    assertEquals(FrameStamp.ofMessage("MON|ICU", "CTRL-1", 0, MESSAGE),
        FrameStamp.ofMessage("MON|ICU", "CTRL-1", 0, MESSAGE));
  }

  @Test
  void eachReportOfAMessageHasASequenceOfItsOwn() {
    assertNotEquals(FrameStamp.ofMessage("MON|ICU", "CTRL-1", 0, MESSAGE).sequence(),
        FrameStamp.ofMessage("MON|ICU", "CTRL-1", 1, MESSAGE).sequence());
  }

  @Test
  void theSameControlIdWithOtherContentHasTheSameSequenceAndAnotherDigest() {
    FrameStamp first = FrameStamp.ofMessage("MON|ICU", "CTRL-1", 0, MESSAGE);
    FrameStamp other = FrameStamp.ofMessage("MON|ICU", "CTRL-1", 0, MESSAGE + "OBX|1\r");

    assertEquals(first.sequence(), other.sequence());
    assertNotEquals(first.digest(), other.digest());
  }

  @Test
  void jsonRoundTripKeepsTheStamp() {
    FrameStamp stamp = FrameStamp.of("mon-1", 42, "Seq=42|Pulse=80");

    assertEquals(stamp, FrameStamp.fromJson(stamp.toJson()));
    assertEquals("mon-1/42/" + stamp.digest(), stamp.key());
  }
}
