package org.wardwatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.bus.SnapshotFixtures.received;

import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;
import io.vertx.ext.web.handler.sockjs.impl.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.bus.PatientSnapshot;

class SockJsFramesTest {

  private static final String ADDRESS = "wardwatch.ward.icu.vitals";

  @Test
  void messagesAreEscapedAsVertxsSockJsCodecEscapesThem() {
    StringBuilder everyKind = new StringBuilder("{\"quote\":\"\\\"\",\"slash\":\"/\\\\\"}");
    for (char c = 0; c < 0x300; c++) {
      everyKind.append(c);
    }
    everyKind.append("\u2028\ufeff\ud83d\ude91 Station 5 \u00e9");

    assertEquals("a" + JsonCodec.encode(new String[] {everyKind.toString()}),
        SockJsFrames.messages(everyKind.toString()));
  }

  @Test
  void jsonIsEncodedAndEscapedInOnePassToTheSameMessage() {
    JsonObject body = new JsonObject()
        .put("quote \"é\"", "back\\slash\n\u2028\ud83d\ude91 Station 5")
        .put("at", Instant.parse("2026-12-04T10:00:00Z")).put("nested", new JsonObject().put("n", 1.5).putNull("none"));

    assertAsciiFrameCarries(body, body);
    assertEquals(rec(body), SockJsFrames.recMessage(ADDRESS, body).toJsonObject());
  }

  @Test
  void aSnapshotGoesInAsTheEngineEncodedIt() {
    JsonObject body = new JsonObject().put("patient", "P-é").put("note", "\"quoted\" \\ \u2028\ud83d\ude91")
        .put("vitals", new JsonObject().put("PULSE", new JsonObject().put("value", 72)));
    PatientSnapshot snapshot = PatientSnapshot.of("P-é", "icu", json -> JacksonCodec.encodeJson(body, json));

    assertAsciiFrameCarries(body, snapshot);
    assertEquals(rec(body), SockJsFrames.recMessage(ADDRESS, snapshot).toJsonObject());
  }

  @Test
  void aFrameStaysAsciiWhateverJsonASnapshotCarries() {
    JsonObject body = new JsonObject().put("patient", "P-é").put("note", "line\none \ud83d\ude91");
    PatientSnapshot unescaped = received("P-é", "icu", body.encodePrettily());

    assertAsciiFrameCarries(body, unescaped);
  }

  @Test
  void aLargeMessageAndTheSmallOneAfterItAreEachFramedWhole() {
    JsonObject large = new JsonObject().put("text", "\"x\\".repeat(200_000));
    JsonObject small = new JsonObject().put("text", "y");

    for (JsonObject body : List.of(large, small)) {
      String frame = new String(SockJsFrames.recFrame(ADDRESS, body), StandardCharsets.US_ASCII);
      assertEquals(List.of(rec(body).encode()), messagesOf(frame));
    }
  }

  @Test
  void framesJoinIntoOneThatCarriesTheirMessagesInOrder() {
    String[] messages = {"{\"a\":\"\u00e9\"}", "two", "\"three\""};

    List<byte[]> frames = Arrays.stream(messages)
        .map(message -> SockJsFrames.messages(message).getBytes(StandardCharsets.US_ASCII)).toList();

    assertEquals("a" + JsonCodec.encode(messages), new String(SockJsFrames.joined(frames), StandardCharsets.US_ASCII));
  }

  @Test
  void closeFrameCarriesCodeAndReason() {
    assertEquals("c[3000,\"Go away!\"]", SockJsFrames.close(3000, "Go away!"));
  }

  /** {@link SockJsFrames#recFrame} of {@code published}: ASCII, with the rec message of {@code body}. */
  private static void assertAsciiFrameCarries(JsonObject body, Object published) {
    String frame = new String(SockJsFrames.recFrame(ADDRESS, published), StandardCharsets.US_ASCII);
    assertTrue(frame.chars().allMatch(c -> c >= ' ' && c < 0x7f), "ASCII only: " + frame);
    assertEquals(List.of(rec(body).encode()), messagesOf(frame));
  }

  /** The bridge's message of {@code body}, as Vert.x's bridge builds it. */
  private static JsonObject rec(JsonObject body) {
    return new JsonObject().put("type", "rec").put("address", ADDRESS).put("body", body);
  }

  /** The messages of a SockJS messages frame, each re-encoded by Vert.x, as Vert.x's SockJS codec decodes them. */
  private static List<String> messagesOf(String frame) {
    return JsonCodec.decodeValues(frame.substring(1)).stream().map(text -> new JsonObject(text).encode()).toList();
  }
}
