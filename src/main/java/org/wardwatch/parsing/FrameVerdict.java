package org.wardwatch.parsing;

import io.vertx.core.json.JsonObject;

/**
 * The answer to one frame.
 *
 * @param sequence  the frame's {@code Seq} as sent, or {@code null}
 * @param accepted  true for ACK, false for NAK
 * @param detail    for a NAK the reason; for an ACK an optional note (ignored keys, resend); else {@code null}
 */
public record FrameVerdict(String sequence, boolean accepted, String detail) {

  public static FrameVerdict accepted(String sequence, String note) {
    return new FrameVerdict(sequence, true, note);
  }

  public static FrameVerdict rejected(String sequence, String reason) {
    return new FrameVerdict(sequence, false, reason);
  }

  public JsonObject toJson() {
    return new JsonObject().put("seq", sequence).put("ok", accepted).put("detail", detail);
  }

  public static FrameVerdict fromJson(JsonObject json) {
    return new FrameVerdict(json.getString("seq"), json.getBoolean("ok"), json.getString("detail"));
  }
}
