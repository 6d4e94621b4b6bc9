package org.wardwatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** A frame's identity fields over the session's: what each frame's report carries. */
class DeviceIdentityTest {

  private static final DeviceIdentity SESSION = new DeviceIdentity("MON-1", "P1", "7", "icu");

  @Test
  void givenFrameNamingNothingNew_thenTheSessionsOwnIdentity() {
    assertSame(SESSION, SESSION.overriddenBy(new DeviceIdentity(null, null, null, null)));
    assertSame(SESSION, SESSION.overriddenBy(new DeviceIdentity("MON-1", "P1", null, "icu")));
  }

  @Test
  void givenFrameNamingAnotherBed_thenThatBedWithTheRestKept() {
    assertEquals(new DeviceIdentity("MON-1", "P1", "8", "icu"),
        SESSION.overriddenBy(new DeviceIdentity(null, null, "8", null)));
  }

  @Test
  void givenFrameNamingAnotherDevice_thenNothingOfTheSessionBorrowed() {
    DeviceIdentity other = new DeviceIdentity("MON-2", null, null, null);

    assertSame(other, SESSION.overriddenBy(other));
  }
}
