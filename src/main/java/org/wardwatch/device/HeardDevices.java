package org.wardwatch.device;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.wardwatch.model.DeviceIdentity;

/**
 * The devices and patients one connection delivered accepted frames for, besides the one its {@code HELLO} named: a
 * device that names itself or its patient in each frame (a gateway relaying a ward), or a connection whose
 * {@code HELLO} changed. Each of them is announced disconnected when the connection ends, not only the last
 * {@code HELLO}'s. At most {@value #MAX} are kept; those beyond still get the no-data alarm.
 *
 * <p>Holds nothing until the first such frame, and makes nothing for a device and patient it holds already. Not
 * thread-safe: owned by its {@link DeviceSession}, on its event loop.
 */
final class HeardDevices {

  static final int MAX = 1024;

  /** By device, then patient: the latest identity of each. */
  private Map<String, Map<String, DeviceIdentity>> heard;
  private int count;

  /** Notes that an accepted frame was about {@code about}. */
  void heard(DeviceIdentity about) {
    if (about.device() == null) {
      return;
    }
    heard = heard != null ? heard : new HashMap<>();
    Map<String, DeviceIdentity> patients = heard.get(about.device());
    if (patients != null && patients.containsKey(about.patientKey())) {
      patients.put(about.patientKey(), about);
    } else if (count < MAX) {
      heard.computeIfAbsent(about.device(), device -> new HashMap<>()).put(about.patientKey(), about);
      count++;
    }
  }

  /** True until a frame about another device or patient than the connection's {@code HELLO}'s was accepted. */
  boolean isEmpty() {
    return heard == null;
  }

  /** {@code session}, the connection's own identity, then each other device and patient heard. */
  List<DeviceIdentity> with(DeviceIdentity session) {
    return heard == null ? List.of(session) : Stream.concat(Stream.of(session), heard.values().stream()
        .flatMap(patients -> patients.values().stream())
        .filter(other -> !(other.device().equals(session.device())
            && other.patientKey().equals(session.patientKey()))))
        .toList();
  }
}
