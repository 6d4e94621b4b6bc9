package org.wardwatch.parsing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.wardwatch.model.DeviceIdentity;

/**
 * The frame parser's reply to a {@link FrameBatch}: one verdict per frame in the same order, and the connection's
 * identity after the batch (changed by a {@code HELLO}).
 */
public record BatchVerdict(DeviceIdentity session, List<FrameVerdict> verdicts) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("session", session.toJson())
        .put("verdicts", new JsonArray(verdicts.stream().map(FrameVerdict::toJson).toList()));
  }

  public static BatchVerdict fromJson(JsonObject json) {
    return new BatchVerdict(
        DeviceIdentity.fromJson(json.getJsonObject("session")),
        json.getJsonArray("verdicts").stream().map(JsonObject.class::cast).map(FrameVerdict::fromJson).toList());
  }
}
