package org.wardwatch.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The frames {@link WebSocketWire} makes are what a WebSocket client's decoder (Netty's) reads as text frames. */
class WebSocketWireTest {

  @Test
  void everyLengthEncodingDecodesToTheSameFinalTextFrame() {
    for (int length : new int[] {0, 1, 125, 126, 127, 0xFFFF, 0x10000, 200_000}) {
      byte[] payload = "x".repeat(length).getBytes(StandardCharsets.US_ASCII);
      EmbeddedChannel client = new EmbeddedChannel(new WebSocket13FrameDecoder(WebSocketDecoderConfig.newBuilder()
          .expectMaskedFrames(false).maxFramePayloadLength(1 << 20).build()));

      client.writeInbound(WebSocketWire.textFrame(ByteBufAllocator.DEFAULT, payload));

      TextWebSocketFrame frame = client.readInbound();
      try {
        assertTrue(frame.isFinalFragment(), "length " + length);
        assertEquals(0, frame.rsv(), "length " + length);
        assertArrayEquals(payload, ByteBufUtil.getBytes(frame.content()), "length " + length);
      } finally {
        frame.release();
      }
    }
  }
}
