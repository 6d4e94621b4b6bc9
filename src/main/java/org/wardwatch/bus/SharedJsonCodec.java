package org.wardwatch.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;

/**
 * Event-bus codec for a published {@link JsonObject} that nobody changes after publishing (patient snapshots, alarm
 * transitions): every node-local consumer gets the same instance instead of Vert.x's deep copy per consumer; another
 * member gets its JSON bytes, as with Vert.x's own codec. Publishers name it with {@link BusCodecs#sharedJson()}; their
 * consumers must treat the body as read-only. Registered by {@link BusCodecs}.
 */
final class SharedJsonCodec implements MessageCodec<JsonObject, JsonObject> {

  static final String NAME = "wardwatch.SharedJson";

  @Override
  public void encodeToWire(Buffer buffer, JsonObject message) {
    Buffer json = message.toBuffer();
    buffer.appendInt(json.length()).appendBuffer(json);
  }

  @Override
  public JsonObject decodeFromWire(int position, Buffer buffer) {
    int length = buffer.getInt(position);
    return new JsonObject(buffer.getBuffer(position + 4, position + 4 + length));
  }

  @Override
  public JsonObject transform(JsonObject message) {
    return message;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
