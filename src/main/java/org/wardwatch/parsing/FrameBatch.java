package org.wardwatch.parsing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.DeviceIdentity;

/**
 * The frames one device connection delivered since its last batch (one read, or those read while that batch was at
 * the parser), sent by the device server to the frame parser on {@link org.wardwatch.bus.Addresses#FRAMES}.
 *
 * @param session     the connection's identity before these frames
 * @param connection  the connection that delivered them; {@code null} when not known
 * @param receivedAt  gateway time of the read that brought the first of them (a frame's time when it has no {@code Ts})
 * @param frames      the frames, in arrival order, without line endings
 * @param certifiedDevices  the only devices the connection may speak for, those its certificate names; {@code null}
 *                    for any device (no certificate, or devices not bound to theirs)
 */
public record FrameBatch(DeviceIdentity session, ConnectionId connection, Instant receivedAt, List<String> frames,
    Set<String> certifiedDevices) {

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("session", session.toJson())
        .put("connection", ConnectionId.toJsonOrNull(connection))
        .put("receivedAt", receivedAt)
        .put("frames", new JsonArray(frames));
    return certifiedDevices == null ? json : json.put("certifiedDevices", new JsonArray(List.copyOf(certifiedDevices)));
  }

  public static FrameBatch fromJson(JsonObject json) {
    JsonArray certified = json.getJsonArray("certifiedDevices");
    return new FrameBatch(
        DeviceIdentity.fromJson(json.getJsonObject("session")),
        ConnectionId.optional(json, "connection"),
        json.getInstant("receivedAt"),
        json.getJsonArray("frames").stream().map(String.class::cast).toList(),
        certified == null ? null : certified.stream().map(String.class::cast).collect(Collectors.toUnmodifiableSet()));
  }
}
