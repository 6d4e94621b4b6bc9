package org.wardwatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.impl.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SockJsFramesTest {

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
    JsonObject message = new JsonObject().put("type", "rec")
        .put("quote \"é\"", "back\\slash\n\u2028\ud83d\ude91 Station 5")
        .put("at", Instant.parse("2026-12-04T10:00:00Z")).put("nested", new JsonObject().put("n", 1.5).putNull("none"));

    String frame = new String(SockJsFrames.asciiFrame(message), StandardCharsets.US_ASCII);

    assertTrue(frame.chars().allMatch(c -> c >= ' ' && c < 0x7f), "ASCII only: " + frame);
    assertEquals(List.of(message.encode()),
        JsonCodec.decodeValues(frame.substring(1)).stream().map(text -> new JsonObject(text).encode()).toList());
  }

  @Test
  void aLargeMessageAndTheSmallOneAfterItAreEachFramedWhole() {
    JsonObject large = new JsonObject().put("text", "\"x\\".repeat(200_000));
    JsonObject small = new JsonObject().put("text", "y");

    for (JsonObject message : List.of(large, small)) {
      String frame = new String(SockJsFrames.asciiFrame(message), StandardCharsets.US_ASCII);
      assertEquals(List.of(message.encode()), JsonCodec.decodeValues(frame.substring(1)));
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

  @Test
  void aBrowserSendsAnArrayOfStringsOrOneString() {
    assertEquals(List.of("one", "two \"2\""), SockJsFrames.received("[\"one\",\"two \\\"2\\\"\"]"));
    assertEquals(List.of("alone"), SockJsFrames.received("\"alone\""));
    assertEquals(List.of(), SockJsFrames.received(""));
    assertEquals(List.of(), SockJsFrames.received("[]"));
  }

  @Test
  void anythingElseIsNotSockJs() {
    assertNull(SockJsFrames.received("{\"type\":\"ping\"}"));
    assertNull(SockJsFrames.received("[1,2]"));
    assertNull(SockJsFrames.received("\""));
  }
}
