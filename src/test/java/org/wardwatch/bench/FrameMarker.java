package org.wardwatch.bench;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * A marker searched for in the bytes of a SockJS frame as it was read ({@link BridgeSessions.Delivery}), between two
 * indices: nothing is decoded or copied, so that reading 100,000 and more deliveries a second on the generator's one
 * core neither allocates (faulting in fresh heap took up to half of that core) nor decodes. Markers are ASCII and best
 * start with a rare byte, which Netty's buffer finds eight bytes at a time.
 */
final class FrameMarker {

  private final byte[] marker;

  FrameMarker(String marker) {
    this.marker = marker.getBytes(StandardCharsets.US_ASCII);
  }

  /** Where the marker starts in {@code frame} from {@code from} up to {@code to}, or -1. */
  int in(ByteBuf frame, int from, int to) {
    int lastStart = to - marker.length;
    for (int at = from; at <= lastStart; at++) {
      at = frame.indexOf(at, lastStart + 1, marker[0]);
      if (at < 0) {
        return -1;
      }
      if (matchesAt(frame, at)) {
        return at;
      }
    }
    return -1;
  }

  /** The non-negative integer right after the marker in {@code frame} from {@code from} up to {@code to}, or -1. */
  int intAfter(ByteBuf frame, int from, int to) {
    int at = in(frame, from, to);
    if (at < 0) {
      return -1;
    }
    int value = 0;
    int digits = 0;
    for (int i = at + marker.length; i < to && Character.isDigit(frame.getByte(i)); i++, digits++) {
      value = value * 10 + (frame.getByte(i) - '0');
    }
    return digits == 0 ? -1 : value;
  }

  private boolean matchesAt(ByteBuf frame, int at) {
    for (int i = 1; i < marker.length; i++) {
      if (frame.getByte(at + i) != marker[i]) {
        return false;
      }
    }
    return true;
  }
}
