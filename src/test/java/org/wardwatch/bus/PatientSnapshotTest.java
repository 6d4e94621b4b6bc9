package org.wardwatch.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class PatientSnapshotTest {

  private static final JsonObject DOCUMENT = new JsonObject().put("patient", "P-é").put("ward", "icu")
      .put("bed", "Zimmer \"5\" \\ \u2028 \ud83d\ude91")
      .put("vitals", new JsonObject().put("PULSE", new JsonObject().put("value", 82).put("unit", "/min")));
  private static final PatientSnapshot SNAPSHOT =
      PatientSnapshot.of("P-é", "icu", json -> JacksonCodec.encodeJson(DOCUMENT, json));

  @Test
  void theDocumentIsEncodedOnceInAsciiAndReadsBackTheSame() {
    assertTrue(SNAPSHOT.json().chars().allMatch(c -> c >= ' ' && c < 0x7f), "ASCII only: " + SNAPSHOT.json());
    assertEquals(DOCUMENT, SNAPSHOT.toJson());
    assertEquals("P-é", SNAPSHOT.patient());
    assertEquals("icu", SNAPSHOT.ward());
  }

  @Test
  void itsBytesAreItsTextInAsciiWhereverTheTextCameFrom() {
    assertEquals(SNAPSHOT.json(), new String(SNAPSHOT.asciiJson(), StandardCharsets.US_ASCII));

    PatientSnapshot received = SnapshotFixtures.received("P-é", "icu", "{\"bed\":\"é \ud83d\ude91\"}");
    assertEquals("{\"bed\":\"\\u00e9 \\ud83d\\ude91\"}",
        new String(received.asciiJson(), StandardCharsets.US_ASCII));
    assertEquals(new JsonObject().put("bed", "é \ud83d\ude91"),
        new JsonObject(Buffer.buffer(received.asciiJson())));
  }

  @Test
  void theDocumentIsWrittenOnceAndOnlyWhenFirstAskedFor() {
    AtomicInteger writes = new AtomicInteger();
    PatientSnapshot snapshot = PatientSnapshot.of("P-1", "icu", json -> {
      writes.incrementAndGet();
      JacksonCodec.encodeJson(DOCUMENT, json);
    });
    assertEquals(0, writes.get(), "a snapshot no one reads is never encoded");

    assertEquals(snapshot.json(), snapshot.json());
    assertEquals(DOCUMENT, snapshot.toJson());
    assertEquals(1, writes.get());
  }

  @Test
  void localConsumersShareThePublishedInstance(Vertx vertx) throws Exception {
    BusCodecs.register(vertx);
    CompletableFuture<PatientSnapshot> body = new CompletableFuture<>();
    vertx.eventBus().<PatientSnapshot>consumer("snapshot.test", message -> body.complete(message.body()))
        .completion().onSuccess(registered -> vertx.eventBus().publish("snapshot.test", SNAPSHOT));
    assertSame(SNAPSHOT, body.get(5, TimeUnit.SECONDS));
  }

  @Test
  void anotherMemberGetsTheSameSnapshot() {
    RecordCodec<PatientSnapshot> codec =
        new RecordCodec<>(PatientSnapshot.class, PatientSnapshot::toWire, PatientSnapshot::fromWire);
    Buffer wire = Buffer.buffer().appendString("header");
    codec.encodeToWire(wire, SNAPSHOT);
    assertEquals(SNAPSHOT, codec.decodeFromWire("header".length(), wire));
    assertTrue(codec.decodeFromWire("header".length(), wire).supersedable());
  }

  @Test
  void anotherMemberGetsADischargeNoticeAsOneNotToSkip() {
    RecordCodec<PatientSnapshot> codec =
        new RecordCodec<>(PatientSnapshot.class, PatientSnapshot::toWire, PatientSnapshot::fromWire);
    PatientSnapshot notice = PatientSnapshot.ofNotice("P-1", "icu", json -> JacksonCodec.encodeJson(DOCUMENT, json));
    Buffer wire = Buffer.buffer();
    codec.encodeToWire(wire, notice);

    assertFalse(codec.decodeFromWire(0, wire).supersedable());
  }
}
