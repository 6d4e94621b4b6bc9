package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wardwatch.model.FrameStamp;

/**
 * The frames one patient's owner has applied, by device, to recognise a frame sent again because the device never saw
 * the ACK (typically after a reconnect, possibly through another node), so it is acknowledged again but not applied
 * twice. Part of the patient's state, so it is stored with it and survives a failover; a frame whose vitals were lost
 * with a node (stored at most about a second later) was lost with its stamp, and is applied when it comes again.
 *
 * <p>A resend is the same device, the same {@code Seq} and the same frame text. The same {@code Seq} with different
 * text means the device restarted its numbering: its history is forgotten and the frame counts as new, so a rebooted
 * device never has real data dropped as a "duplicate". Each device's last {@value #WINDOW} frames are kept (a device
 * resends the frames in flight when its connection broke), and the {@value #MAX_DEVICES} most recently heard devices.
 *
 * <p>Not thread-safe: part of a {@link PatientRecord}.
 */
final class RecentFrames {

  static final int WINDOW = 16;
  static final int MAX_DEVICES = 4;

  private final Map<String, DeviceFrames> devices = new LinkedHashMap<>(8, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, DeviceFrames> eldest) {
      return size() > MAX_DEVICES;
    }
  };

  /** True when this exact frame was applied already. */
  boolean isResend(FrameStamp stamp) {
    DeviceFrames frames = devices.get(stamp.device());
    return frames != null && frames.holds(stamp.sequence(), stamp.digest());
  }

  /** Remembers a frame applied now. */
  void record(FrameStamp stamp) {
    devices.computeIfAbsent(stamp.device(), device -> new DeviceFrames()).record(stamp.sequence(), stamp.digest());
  }

  /** {@code {"<device>": [[seq, digest], ...], ...}}, least recently heard device first. */
  JsonObject toState() {
    JsonObject state = new JsonObject();
    devices.forEach((device, frames) -> state.put(device, frames.toState()));
    return state;
  }

  /** The frames {@link #toState()} wrote; none for {@code null} (a state written before frames were kept). */
  static RecentFrames fromState(JsonObject state) {
    RecentFrames recent = new RecentFrames();
    if (state != null) {
      state.forEach(device -> ((JsonArray) device.getValue()).forEach(frame -> recent.record(new FrameStamp(
          device.getKey(), ((JsonArray) frame).getLong(0), ((JsonArray) frame).getLong(1)))));
    }
    return recent;
  }

  /** One device's last {@value #WINDOW} frames, in slots by {@code Seq}. */
  private static final class DeviceFrames {
    private final long[] sequences = new long[WINDOW];
    private final long[] digests = new long[WINDOW];
    private final boolean[] used = new boolean[WINDOW];

    boolean holds(long sequence, long digest) {
      int slot = slot(sequence);
      return used[slot] && sequences[slot] == sequence && digests[slot] == digest;
    }

    void record(long sequence, long digest) {
      int slot = slot(sequence);
      if (used[slot] && sequences[slot] == sequence && digests[slot] != digest) {
        Arrays.fill(used, false); // the device restarted its numbering
      }
      sequences[slot] = sequence;
      digests[slot] = digest;
      used[slot] = true;
    }

    JsonArray toState() {
      JsonArray frames = new JsonArray();
      for (int slot = 0; slot < WINDOW; slot++) {
        if (used[slot]) {
          frames.add(new JsonArray().add(sequences[slot]).add(digests[slot]));
        }
      }
      return frames;
    }

    private static int slot(long sequence) {
      return (int) Math.floorMod(sequence, (long) WINDOW);
    }
  }
}
