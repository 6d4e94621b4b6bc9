package org.wardwatch.model;

import io.vertx.core.json.JsonObject;

/**
 * Which frame of which device a report came from: the device, the frame's {@code Seq} and a digest of its text. The
 * patient's owner keeps the stamps of the frames it applied with the patient's state, so a frame a device sends again
 * (it never saw the ACK, typically after a reconnect, possibly to another node) is recognised and not applied twice.
 *
 * @param digest 64-bit FNV-1a over the frame's characters
 */
public record FrameStamp(String device, long sequence, long digest) {

  /** The stamp of {@code frameText}, sent by {@code device} with {@code Seq} {@code sequence}. */
  public static FrameStamp of(String device, long sequence, String frameText) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < frameText.length(); i++) {
      hash ^= frameText.charAt(i);
      hash *= 0x100000001b3L;
    }
    return new FrameStamp(device, sequence, hash);
  }

  /** {@code device/sequence}: names the frame in a reply, whatever its text. */
  public String key() {
    return device + "/" + sequence;
  }

  public JsonObject toJson() {
    return new JsonObject().put("device", device).put("seq", sequence).put("digest", digest);
  }

  public static FrameStamp fromJson(JsonObject json) {
    return new FrameStamp(json.getString("device"), json.getLong("seq"), json.getLong("digest"));
  }
}
