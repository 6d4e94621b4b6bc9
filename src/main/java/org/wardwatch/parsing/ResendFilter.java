package org.wardwatch.parsing;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recognises a frame a device sends again because it never saw the ACK (typically after a reconnect), so it is
 * acknowledged again but not recorded twice.
 *
 * <p>A resend is the same device, the same {@code Seq} and the same frame text. The same {@code Seq} with different
 * text means the device restarted its numbering: its history is forgotten and the frame counts as new, so a rebooted
 * device never has real data dropped as a "duplicate". Each device's last {@value #WINDOW} frames are remembered, and
 * the least recently heard devices are forgotten beyond {@code maxDevices}.
 *
 * <p>Not thread-safe: owned by one verticle's event loop.
 */
public final class ResendFilter {

  static final int WINDOW = 128;

  private final Map<String, DeviceHistory> devices;

  public ResendFilter(int maxDevices) {
    this.devices = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, DeviceHistory> eldest) {
        return size() > maxDevices;
      }
    };
  }

  /**
   * Records the frame and tells whether it had been recorded before.
   *
   * @return true when this exact frame was already accepted from this device (a resend)
   */
  public boolean isResend(String device, long sequence, String frameText) {
    long digest = digest(frameText);
    DeviceHistory history = devices.computeIfAbsent(device, id -> new DeviceHistory());
    int slot = (int) Math.floorMod(sequence, (long) WINDOW);
    if (history.sequences[slot] == sequence && history.used[slot]) {
      if (history.digests[slot] == digest) {
        return true;
      }
      history.clear();
    }
    history.sequences[slot] = sequence;
    history.digests[slot] = digest;
    history.used[slot] = true;
    return false;
  }

  /** 64-bit FNV-1a over the frame's characters. */
  private static long digest(String text) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      hash ^= text.charAt(i);
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  private static final class DeviceHistory {
    final long[] sequences = new long[WINDOW];
    final long[] digests = new long[WINDOW];
    final boolean[] used = new boolean[WINDOW];

    void clear() {
      Arrays.fill(used, false);
    }
  }
}
