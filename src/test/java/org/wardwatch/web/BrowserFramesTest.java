package org.wardwatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a browser sends over SockJS, read. */
class BrowserFramesTest {

  @Test
  void aBrowserSendsAnArrayOfStringsOrOneString() {
    assertEquals(List.of("one", "two \"2\""), BrowserFrames.received("[\"one\",\"two \\\"2\\\"\"]"));
    assertEquals(List.of("alone"), BrowserFrames.received("\"alone\""));
    assertEquals(List.of(), BrowserFrames.received(""));
    assertEquals(List.of(), BrowserFrames.received("[]"));
  }

  @Test
  void anythingElseIsNotSockJs() {
    assertNull(BrowserFrames.received("{\"type\":\"ping\"}"));
    assertNull(BrowserFrames.received("[1,2]"));
    assertNull(BrowserFrames.received("\""));
    assertNull(BrowserFrames.received("[\"one\",null,\"two\"]"), "a null element is no message");
    assertNull(BrowserFrames.received("[{\"x\":1}]"), "nor is an object");
    assertNull(BrowserFrames.received("[\"one\"] [\"two\"]"), "nor what follows the array");
  }
}
