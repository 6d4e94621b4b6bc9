package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.WardStateFixtures.T0;
import static org.wardwatch.clinical.WardStateFixtures.at;
import static org.wardwatch.clinical.WardStateFixtures.observation;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

/**
 * Which devices a patient on a monitor and a separate oximeter is monitored through as the oximeter's value goes
 * silent, or its sensor is reported off, and which of them sent the patient's latest values and frame.
 */
class MonitoringDevicesTest {

  private static final DeviceIdentity MONITOR = WardStateFixtures.BED_1;
  private static final DeviceIdentity OXIMETER = new DeviceIdentity("ox-7", "P1", "1", "surgery");

  /** No data after 30 s, also for a parameter's first value. */
  private static final MonitoringDevices MONITORING = new MonitoringDevices(ClinicalRules.fromJson(
      new JsonObject("{\"technical\": {\"noDataSeconds\": 30, \"firstReportSeconds\": 0}, \"thresholds\": []}")));

  private final PatientRecord patient = new PatientRecord("P1", MONITOR);
  private final Observation spo2 = observation(OXIMETER, "SPO2=97", null, T0);

  @Test
  void givenTheOximetersValue_thenThePatientIsMonitoredThroughItUntilTheValueFallsSilent() {
    patient.measurements().record(spo2);

    assertTrue(MONITORING.monitoredThrough(patient, "ox-7", at(30)), "silent only past the no-data time");
    assertFalse(MONITORING.monitoredThrough(patient, "ox-7", at(30).plusMillis(1)));
    assertTrue(MONITORING.monitoredThrough(patient, "mon-1", at(600)), "the device that sent the latest frame");
    assertFalse(MONITORING.monitoredThrough(patient, "ox-9", at(1)), "a device that sent nothing of the patient's");
  }

  @Test
  void givenTheOximetersSensorReportedOff_thenItsValueIsNotSilentAndThePatientStaysMonitoredThroughIt() {
    patient.measurements().record(spo2);
    patient.measurements().reportedOff(report(OXIMETER, 5, Set.of(Parameter.SPO2)));

    assertTrue(MONITORING.monitoredThrough(patient, "ox-7", at(600)));
  }

  @Test
  void givenTheOximetersValue_thenBothDevicesSendThePatientsLatestValuesOrFrame() {
    patient.measurements().record(spo2);

    assertTrue(MonitoringDevices.sends(patient, "ox-7"));
    assertTrue(MonitoringDevices.sends(patient, "mon-1"), "the device that sent the latest frame");
    assertFalse(MonitoringDevices.sends(patient, "ox-9"));
  }

  @Test
  void givenTheOximetersValue_thenItWasSentLaterThanAFrameReceivedBeforeItOnly() {
    patient.measurements().record(spo2);

    assertTrue(MonitoringDevices.sentLater(patient, "ox-7", at(-1)));
    assertFalse(MonitoringDevices.sentLater(patient, "ox-7", T0), "received together");
    assertFalse(MonitoringDevices.sentLater(patient, "ox-7", null), "when the refused frame was received not known");
    assertFalse(MonitoringDevices.sentLater(patient, "mon-1", at(-1)), "a device that sent none of the values");
  }

  @Test
  void givenTheMonitorDisconnected_thenEveryDeviceIsDisconnectedOnlyOnceTheOximeterHasToo_orItsValueIsSilent() {
    patient.measurements().record(spo2);
    assertFalse(MONITORING.allDisconnected(patient, at(1)), "none disconnected");

    patient.devices().disconnected("mon-1");

    assertFalse(MONITORING.allDisconnected(patient, at(1)), "the oximeter still monitors the patient");
    assertTrue(MONITORING.allDisconnected(patient, at(31)), "its value silent");
    patient.devices().disconnected("ox-7");
    assertTrue(MONITORING.allDisconnected(patient, at(1)));
  }

  @Test
  void givenOnlyTheOximeterDisconnected_thenNotEveryDeviceIs_andItsValueWasSentByADisconnectedDevice() {
    patient.measurements().record(spo2);
    patient.devices().disconnected("ox-7");

    assertFalse(MONITORING.allDisconnected(patient, at(1)), "the monitor sent the latest frame");
    assertTrue(MonitoringDevices.senderDisconnected(patient, spo2));
    assertFalse(MonitoringDevices.senderDisconnected(patient, observation(MONITOR, "PULSE=80", null, T0)));
  }

  /** A frame of {@code source}'s received {@code seconds} after {@link WardStateFixtures#T0}, with no values. */
  private static FrameReport report(DeviceIdentity source, long seconds, Set<Parameter> off) {
    return WardStateFixtures.report(source, at(seconds), List.of(), null, null, off);
  }
}
