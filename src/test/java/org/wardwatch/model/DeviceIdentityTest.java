package org.wardwatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

  @Test
  void givenPatientId_thenPatientsKeyIsItWhateverTheDeviceAndBed() {
    assertEquals("P1", SESSION.patientKey());
    assertEquals("P1", new DeviceIdentity("MON-2", "P1", null, null).patientKey());
  }

  @Test
  void givenNoPatientIdButABed_thenTheBedOnItsDeviceIsThePatient() {
    DeviceIdentity bed3001 = new DeviceIdentity("HL7:080019FFFF4F6AC0", null, "3001-1", "ICU");
    DeviceIdentity bed3002 = new DeviceIdentity("HL7:080019FFFF4F6AC0", null, "3002-1", "ICU");

    assertEquals("HL7:080019FFFF4F6AC0@ICU:3001-1", bed3001.patientKey());
    assertNotEquals(bed3001.patientKey(), bed3002.patientKey(), "one gateway, two beds: two patients");
    assertEquals("GW@:7", new DeviceIdentity("GW", null, "7", null).patientKey(), "no ward named: left empty");
  }

  @Test
  void givenNoPatientIdNorBed_thenTheDeviceIsThePatientWhateverTheWardNeverAPatientOfItsId() {
    assertEquals("MON-1@", new DeviceIdentity("MON-1", null, null, "icu").patientKey());
    assertEquals("MON-1@", new DeviceIdentity("MON-1", null, null, null).patientKey());
    assertNotEquals(new DeviceIdentity("MON-1", null, null, null).patientKey(),
        new DeviceIdentity("ANY", "MON-1", null, null).patientKey(), "a device 1234 and a patient 1234: two people");
  }

  @Test
  void givenABedNamedLikeAnotherWardsBed_thenTheirKeysStayApart() {
    assertNotEquals(new DeviceIdentity("GW", null, "icu:7", null).patientKey(),
        new DeviceIdentity("GW", null, "7", "icu").patientKey());
  }
}
