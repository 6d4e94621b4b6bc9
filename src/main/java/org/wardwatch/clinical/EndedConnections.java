package org.wardwatch.clinical;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.DeviceEvent;

/**
 * Device connections known ended while their patient is not held here: found closed before the patient was (reset while
 * the patient's first values were still at the parser, or when those values' answer failed), or known ended when the
 * patient was discharged (the one that disconnected each of its devices kept longest). Remembered, so that values still
 * in flight on them, applied later, admit the patient with those connections known ended, and their device alarmed
 * disconnected rather than shown live ({@link DeviceAlarms#heard}). At most {@value #MAX_PATIENTS} patients, the one
 * noted least recently forgotten first, and {@value #MAX_PER_PATIENT} connections each.
 *
 * <p>Owned by the {@link WardState}; not thread-safe.
 */
final class EndedConnections {

  static final int MAX_PATIENTS = 1024;
  static final int MAX_PER_PATIENT = 16;

  /** {@code device}'s {@code connection}, which ended. */
  private record Ended(String device, ConnectionId connection) {
  }

  private final Map<String, List<Ended>> byPatient = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, List<Ended>> eldest) {
      return size() > MAX_PATIENTS;
    }
  };

  /** Remembers {@code event} when it is the disconnection of a connection known by its id, of a patient not held. */
  void notHeld(DeviceEvent event) {
    if (event.kind() == DeviceEvent.Kind.DISCONNECTED && event.connection() != null
        && event.source().device() != null) {
      remember(event.source().patientKey(), event.source().device(), event.connection());
    }
  }

  /**
   * {@code patient} was discharged: remembers its devices' connections known ended, then again the one whose end
   * disconnected each, so that those are the ones kept past {@value #MAX_PER_PATIENT}.
   */
  void discharged(PatientRecord patient) {
    patient.devices().forEachEnded((device, connection) -> remember(patient.key(), device, connection));
    patient.devices().forEachDisconnectedBy((device, connection) -> remember(patient.key(), device, connection));
  }

  /** Hands the connections remembered for {@code patientKey} to its new record's {@code devices}, and forgets them. */
  void admitted(String patientKey, PatientDevices devices) {
    List<Ended> ends = byPatient.remove(patientKey);
    if (ends != null) {
      ends.forEach(end -> devices.connectionEnded(end.device(), end.connection()));
    }
  }

  /** Remembers {@code device}'s {@code connection} as the patient's latest ended one; past the most, the first goes. */
  private void remember(String patientKey, String device, ConnectionId connection) {
    List<Ended> ends = byPatient.computeIfAbsent(patientKey, key -> new ArrayList<>(2));
    Ended end = new Ended(device, connection);
    ends.remove(end);
    if (ends.size() == MAX_PER_PATIENT) {
      ends.remove(0);
    }
    ends.add(end);
  }
}
