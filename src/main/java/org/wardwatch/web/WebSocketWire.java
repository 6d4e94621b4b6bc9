package org.wardwatch.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * A WebSocket text frame as a server sends it (RFC 6455, section 5.2: final, unmasked, no extension bits), encoded
 * straight into a buffer of the connection's allocator, ready for the socket. A frame without the compression bit is
 * valid on a connection that negotiated {@code permessage-deflate} too (RFC 7692, section 6).
 */
final class WebSocketWire {

  private static final int FINAL_TEXT = 0x81;
  private static final int SHORT_LENGTH_LIMIT = 126;
  private static final int LENGTH_16 = 126;
  private static final int LENGTH_64 = 127;

  private WebSocketWire() {
  }

  /** The text frame carrying {@code payload} (UTF-8, here ASCII), header and payload in one direct buffer. */
  static ByteBuf textFrame(ByteBufAllocator allocator, byte[] payload) {
    int length = payload.length;
    int header = length < SHORT_LENGTH_LIMIT ? 2 : length <= 0xFFFF ? 4 : 10;
    ByteBuf frame = allocator.directBuffer(header + length).writeByte(FINAL_TEXT);
    if (length < SHORT_LENGTH_LIMIT) {
      frame.writeByte(length);
    } else if (length <= 0xFFFF) {
      frame.writeByte(LENGTH_16).writeShort(length);
    } else {
      frame.writeByte(LENGTH_64).writeLong(length);
    }
    return frame.writeBytes(payload);
  }
}
