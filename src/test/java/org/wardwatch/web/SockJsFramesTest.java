package org.wardwatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.impl.JsonCodec;
import java.time.Instant;
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
    JsonObject message = new JsonObject().put("type", "rec").put("quote \"é\"", "back\\slash\n\u2028\ud83d\ude91 Station 5")
        .put("at", Instant.parse("2026-12-04T10:00:00Z")).put("nested", new JsonObject().put("n", 1.5).putNull("none"));

    String frame = SockJsFrames.messages(message);

    assertTrue(frame.chars().allMatch(c -> c >= ' ' && c < 0x7f), "ASCII only: " + frame);
    assertEquals(List.of(message.encode()),
        JsonCodec.decodeValues(frame.substring(1)).stream().map(text -> new JsonObject(text).encode()).toList());
  }

  @Test
  void framesJoinIntoOneThatCarriesTheirMessagesInOrder() {
    String[] messages = {"{\"a\":\"\u00e9\"}", "two", "\"three\""};

    assertEquals("a" + JsonCodec.encode(messages), SockJsFrames.joined(
        List.of(SockJsFrames.messages(messages[0]), SockJsFrames.messages(messages[1]), SockJsFrames.messages(messages[2]))));
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
