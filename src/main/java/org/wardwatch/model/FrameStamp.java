package org.wardwatch.model;

import io.vertx.core.json.JsonObject;

/**
 * Which frame of which device a report came from: the device, the frame's {@code Seq} and a digest of its text (for an
 * HL7 message: the sender, a digest of control id and part, and a digest of the message). The
 * patient's owner keeps the stamps of the frames it applied with the patient's state, so a frame a device sends again
 * (it never saw the ACK, typically after a reconnect, possibly to another node) is recognised and not applied twice.
 *
 * @param digest 64-bit FNV-1a over the frame's characters
 */
public record FrameStamp(String device, long sequence, long digest) {

  /** The stamp of {@code frameText}, sent by {@code device} with {@code Seq} {@code sequence}. */
  public static FrameStamp of(String device, long sequence, String frameText) {
    return new FrameStamp(device, sequence, fnv1a(frameText));
  }

  /**
   * The stamp of report {@code part} of HL7 message {@code messageText} with control id (MSH-10) {@code controlId} from
   * {@code sender}: its sequence is a digest of control id and part, as a message carries several reports.
   */
  public static FrameStamp ofMessage(String sender, String controlId, int part, String messageText) {
    return new FrameStamp(sender, fnv1a(controlId + '#' + part), fnv1a(messageText));
  }

  /** 64-bit FNV-1a over the text's characters. */
  private static long fnv1a(String text) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      hash ^= text.charAt(i);
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  /** {@code device/sequence/digest}: names exactly this frame in a reply. */
  public String key() {
    return device + "/" + sequence + "/" + digest;
  }

  public JsonObject toJson() {
    return new JsonObject().put("device", device).put("seq", sequence).put("digest", digest);
  }

  public static FrameStamp fromJson(JsonObject json) {
    return new FrameStamp(json.getString("device"), json.getLong("seq"), json.getLong("digest"));
  }
}
