package org.wardwatch.clinical;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wardwatch.model.DeviceEvent;

/**
 * Device connections found closed while their patient was not held here (reset while the patient's first values were
 * still at the parser, or when those values' answer failed): remembered, so that the values, applied later, admit the
 * patient with those connections known ended, and their device alarmed disconnected rather than shown live
 * ({@link DeviceAlarms#heard}). At most {@value #MAX_PATIENTS} patients, the one noted least recently forgotten first,
 * and {@value #MAX_PER_PATIENT} connections each.
 *
 * <p>Owned by the {@link WardState}; not thread-safe.
 */
final class EndedConnections {

  static final int MAX_PATIENTS = 1024;
  static final int MAX_PER_PATIENT = 4;

  private final Map<String, List<DeviceEvent>> byPatient = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, List<DeviceEvent>> eldest) {
      return size() > MAX_PATIENTS;
    }
  };

  /** Remembers {@code event} when it is the disconnection of a connection known by its id, of a patient not held. */
  void notHeld(DeviceEvent event) {
    if (event.kind() == DeviceEvent.Kind.DISCONNECTED && event.connection() != null
        && event.source().device() != null) {
      List<DeviceEvent> ends = byPatient.computeIfAbsent(event.source().patientKey(), key -> new ArrayList<>(2));
      if (ends.size() == MAX_PER_PATIENT) {
        ends.remove(0);
      }
      ends.add(event);
    }
  }

  /** Hands the connections remembered for {@code patientKey} to its new record's {@code devices}, and forgets them. */
  void admitted(String patientKey, PatientDevices devices) {
    List<DeviceEvent> ends = byPatient.remove(patientKey);
    if (ends != null) {
      ends.forEach(end -> devices.connectionEnded(end.source().device(), end.connection()));
    }
  }
}
