package org.wardwatch.parsing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.wardwatch.model.DeviceIdentity;

/**
 * The frame parser's reply to a {@link FrameBatch}: one verdict per frame in the same order, the connection's identity
 * after the batch (changed by a {@code HELLO}), and the other identities the connection used: those its accepted frames
 * named for themselves ({@code Device=}, {@code Patient=}) and those a {@code HELLO} replaced, each once. The session
 * announces them disconnected too when it ends.
 */
public record BatchVerdict(DeviceIdentity session, List<FrameVerdict> verdicts, List<DeviceIdentity> named) {

  /** A batch whose frames named no identity of their own. */
  public BatchVerdict(DeviceIdentity session, List<FrameVerdict> verdicts) {
    this(session, verdicts, List.of());
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("session", session.toJson())
        .put("verdicts", new JsonArray(verdicts.stream().map(FrameVerdict::toJson).toList()))
        .put("named", new JsonArray(named.stream().map(DeviceIdentity::toJson).toList()));
  }

  public static BatchVerdict fromJson(JsonObject json) {
    return new BatchVerdict(
        DeviceIdentity.fromJson(json.getJsonObject("session")),
        json.getJsonArray("verdicts").stream().map(JsonObject.class::cast).map(FrameVerdict::fromJson).toList(),
        json.getJsonArray("named").stream().map(JsonObject.class::cast).map(DeviceIdentity::fromJson).toList());
  }
}
