package org.wardwatch.web;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import java.util.List;

/**
 * What a browser sends over SockJS, read: a frame's messages ({@link #received}), as {@link SockJsWebSocket} takes
 * them, and whether a frame is JSON but no SockJS frame ({@link #jsonButNotSockJs}), as the xhr fallback is guarded
 * ({@link HttpBridgeVerticle}). Pure.
 */
final class BrowserFrames {

  /** What {@link #decoded} gives for text that is not JSON (JSON's own {@code null} decodes to {@code null}). */
  private static final Object NOT_JSON = new Object();

  private BrowserFrames() {
  }

  /**
   * The messages of a frame a browser sent: a JSON array of strings, or one string; none for an empty frame or
   * {@code []}; {@code null} when the frame is neither (not SockJS: an element that is no string, say).
   */
  static List<String> received(String frame) {
    if (frame.isEmpty()) {
      return List.of();
    }
    Object decoded = decoded(frame);
    if (decoded instanceof String message) {
      return List.of(message);
    }
    if (decoded instanceof JsonArray messages && messages.stream().allMatch(String.class::isInstance)) {
      return messages.stream().map(String.class::cast).toList();
    }
    return null;
  }

  /**
   * True when {@code frame} (null: none) is JSON but no SockJS frame (an object, a number, {@code null}, an array with
   * an element that is no string), which vertx-web's xhr_send transport takes for messages, or for none, without a
   * word; not for text that is no JSON, which the transport answers itself (broken JSON, or a session it does not
   * know).
   */
  static boolean jsonButNotSockJs(String frame) {
    return frame != null && decoded(frame) != NOT_JSON && received(frame) == null;
  }

  /** {@code frame}'s JSON value, or {@link #NOT_JSON}. */
  private static Object decoded(String frame) {
    try {
      return Json.decodeValue(frame);
    } catch (DecodeException e) {
      return NOT_JSON;
    }
  }
}
