package org.wardwatch.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class SharedJsonCodecTest {

  private static final JsonObject SNAPSHOT = new JsonObject().put("patient", "P-1").put("ward", "icu")
      .put("updated", Instant.parse("2026-12-04T06:00:00Z"))
      .put("vitals", new JsonObject().put("PULSE", new JsonObject().put("value", 82).put("unit", "/min")))
      .put("alarms", new JsonArray().add("A-1"));

  @Test
  void localConsumersShareThePublishedInstance(Vertx vertx) throws Exception {
    BusCodecs.register(vertx);
    assertSame(SNAPSHOT, received(vertx, BusCodecs.sharedJson()));
  }

  @Test
  void withoutItEveryLocalConsumerGetsACopy(Vertx vertx) throws Exception {
    BusCodecs.register(vertx);
    JsonObject body = received(vertx, new DeliveryOptions());
    assertNotSame(SNAPSHOT, body);
    assertEquals(SNAPSHOT, body);
  }

  @Test
  void anotherMemberGetsTheSameJson() {
    RecordCodec<JsonObject> codec = new RecordCodec<>(JsonObject.class, json -> json, json -> json);
    Buffer wire = Buffer.buffer().appendString("header");
    codec.encodeToWire(wire, SNAPSHOT);
    JsonObject decoded = codec.decodeFromWire("header".length(), wire);
    assertEquals(SNAPSHOT.encode(), decoded.encode());
  }

  private static JsonObject received(Vertx vertx, DeliveryOptions options) throws Exception {
    CompletableFuture<JsonObject> body = new CompletableFuture<>();
    vertx.eventBus().<JsonObject>consumer("shared.test", message -> body.complete(message.body()))
        .completion().onSuccess(registered -> vertx.eventBus().publish("shared.test", SNAPSHOT, options));
    return body.get(5, TimeUnit.SECONDS);
  }
}
