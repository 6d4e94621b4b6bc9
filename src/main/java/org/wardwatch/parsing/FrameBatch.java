package org.wardwatch.parsing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.wardwatch.model.DeviceIdentity;

/**
 * The frames one device connection delivered since its last batch (one read, or those read while that batch was at
 * the parser), sent by the device server to the frame parser on {@link org.wardwatch.bus.Addresses#FRAMES}.
 *
 * @param session     the connection's identity before these frames
 * @param receivedAt  gateway time of the read that brought the first of them (a frame's time when it has no {@code Ts})
 * @param frames      the frames, in arrival order, without line endings
 */
public record FrameBatch(DeviceIdentity session, Instant receivedAt, List<String> frames) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("session", session.toJson())
        .put("receivedAt", receivedAt)
        .put("frames", new JsonArray(frames));
  }

  public static FrameBatch fromJson(JsonObject json) {
    return new FrameBatch(
        DeviceIdentity.fromJson(json.getJsonObject("session")),
        json.getInstant("receivedAt"),
        json.getJsonArray("frames").stream().map(String.class::cast).toList());
  }
}
