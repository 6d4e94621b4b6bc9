package org.wardwatch.device;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.parsing.FrameVerdict;

/**
 * The refusals of one batch's frames that a {@link DeviceSession} announces once the batch is answered, for the
 * invalid-signal alarm, which stands while a device's latest frame for a patient was refused: the last refusal of each
 * device and patient, unless a later frame of the batch about them was accepted. Announced one by one as they came, a
 * refusal followed by an accepted frame in the same read raised the alarm after that frame had been applied.
 *
 * <p>Made for a batch's first refusal only; not thread-safe, used on the session's event loop.
 */
final class BatchRefusals {

  /** By device and patient key, in the order first refused. */
  private final Map<List<String>, DeviceEvent> latest = new LinkedHashMap<>();

  /**
   * The refusal of {@code verdict}'s frame, received at {@code readAt}: about whom it was read to be about, else
   * blamed on the connection's identity at that frame, {@code current}, which admits its patient only while the
   * connection has spoken for its {@code HELLO}'s patient or bed alone (a bedside monitor sending only frames the
   * gateway cannot read), not once it has {@code relayed} frames of others: its unreadable frame may have been any
   * of their patients'.
   */
  static DeviceEvent refusal(FrameVerdict verdict, DeviceIdentity current, boolean relayed, Instant readAt) {
    if (verdict.about() != null) {
      return DeviceEvent.rejected(verdict.about(), verdict.detail(), readAt);
    }
    boolean placedByHello = current.patient() != null || current.bed() != null;
    return placedByHello && !relayed ? DeviceEvent.rejected(current, verdict.detail(), readAt)
        : DeviceEvent.rejectedOnConnection(current, verdict.detail(), readAt);
  }

  /** {@code refusals} with {@code refusal} as the latest of its device and patient; made when {@code null}. */
  static BatchRefusals with(BatchRefusals refusals, DeviceEvent refusal) {
    BatchRefusals batch = refusals != null ? refusals : new BatchRefusals();
    batch.latest.put(key(refusal.source()), refusal);
    return batch;
  }

  /** A later frame of values about {@code about} was accepted: its device and patient's refusal is not announced. */
  void accepted(DeviceIdentity about) {
    latest.remove(key(about));
  }

  /** The refusals to announce, in order. */
  Collection<DeviceEvent> toAnnounce() {
    return latest.values();
  }

  private static List<String> key(DeviceIdentity source) {
    return Arrays.asList(source.device(), source.patientKey());
  }
}
