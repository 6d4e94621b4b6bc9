package org.wardwatch.device;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the tests of the line framer share: a framer of lines up to {@link #MAX} bytes that gives up on a line at
 * {@link #GIVE_UP}, with no cap on the frames of one read, and text or bytes fed to it whole or a byte at a time.
 */
abstract class LineFramerFixture {

  static final int MAX = 64;
  /** The longest line read before the framer gives up on it. */
  static final long GIVE_UP = 10L * MAX;

  final LineFramer framer = uncapped();

  static LineFramer uncapped() {
    return new LineFramer(MAX, GIVE_UP, Integer.MAX_VALUE);
  }

  List<FrameEvent> feed(String text) {
    return feed(framer, text);
  }

  static List<FrameEvent> feed(LineFramer framer, String text) {
    return framer.feed(Buffer.buffer(text, StandardCharsets.UTF_8.name()));
  }

  static List<FrameEvent> feedBytewise(LineFramer framer, byte[] stream) {
    List<FrameEvent> events = new ArrayList<>();
    for (byte b : stream) {
      events.addAll(framer.feed(Buffer.buffer().appendByte(b)));
    }
    return events;
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static FrameEvent line(String text) {
    return new FrameEvent.Line(text);
  }
}
