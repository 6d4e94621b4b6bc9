package org.wardwatch.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * Event-bus codec for an immutable message type: a node-local delivery hands the same object over (no encoding, no
 * copy), a delivery to another member carries its JSON form. Registered by {@link BusCodecs}; for {@link JsonObject}
 * itself it is the codec of published JSON that nobody changes afterwards ({@link BusCodecs#sharedJson()}).
 *
 * @param <T> the message type; must be immutable (or treated as read-only), as every local consumer shares the one
 *            instance
 */
final class RecordCodec<T> implements MessageCodec<T, T> {

  private final Class<T> type;
  private final Function<T, JsonObject> toJson;
  private final Function<JsonObject, T> fromJson;

  RecordCodec(Class<T> type, Function<T, JsonObject> toJson, Function<JsonObject, T> fromJson) {
    this.type = type;
    this.toJson = toJson;
    this.fromJson = fromJson;
  }

  @Override
  public void encodeToWire(Buffer buffer, T message) {
    Buffer json = toJson.apply(message).toBuffer();
    buffer.appendInt(json.length()).appendBuffer(json);
  }

  @Override
  public T decodeFromWire(int position, Buffer buffer) {
    int length = buffer.getInt(position);
    return fromJson.apply(new JsonObject(buffer.getBuffer(position + 4, position + 4 + length)));
  }

  @Override
  public T transform(T message) {
    return message;
  }

  @Override
  public String name() {
    return "wardwatch." + type.getSimpleName();
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
