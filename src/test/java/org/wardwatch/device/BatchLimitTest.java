package org.wardwatch.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.testing.DeviceClient;

/**
 * A device server whose reads hold more frames than a batch: they go to the parser
 * {@link DeviceSession#MAX_BATCH_FRAMES} at a time, each answered in order, and a read full of garbage is cut off after
 * its first batch rather than answered whole (as many answers as 2-byte frames fit in a read).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class BatchLimitTest {

  private static final int FRAMES = 3 * DeviceSession.MAX_BATCH_FRAMES + 17;

  @Test
  void givenMoreFramesInOneWriteThanABatchThenEachIsAnsweredInOrderAndTheUnterminatedLastOneAfterThem(Vertx vertx) {
    try (DeviceClient device = new DeviceClient(DevicePipeline.deploy(vertx))) {
      StringBuilder frames = new StringBuilder("HELLO|Device=MON-B\n");
      for (int seq = 1; seq <= FRAMES; seq++) {
        frames.append("Pulse=").append(60 + seq % 50).append("|Seq=").append(seq).append('\n');
      }
      device.send(frames + "Pulse=7");
      device.shutdownOutput();

      assertEquals("ACK|", device.readLine());
      for (int seq = 1; seq <= FRAMES; seq++) {
        assertEquals("ACK|" + seq, device.readLine());
      }
      assertEquals("NAK||no line ending before the device closed its sending side; not recorded", device.readLine());
      assertNull(device.readLine(), "closed once everything is answered");
    }
    assertEquals(60 + FRAMES % 50, DevicePipeline.patient(vertx, "MON-B@").getJsonObject("vitals")
        .getJsonObject("PULSE").getInteger("value"), "the last frame's pulse");
  }

  @Test
  void givenAReadFullOfGarbageThenOnlyItsFirstBatchIsAnsweredBeforeTheCutOff(Vertx vertx) {
    try (DeviceClient device = new DeviceClient(DevicePipeline.deploy(vertx))) {
      // blank lines first, which are not frames, so that the server's reads have grown to their largest (64 KB)
      device.send("\n".repeat(1 << 20) + "x\n".repeat(1 << 15));

      int naks = 0;
      String answer;
      while ((answer = device.readLine()).startsWith("NAK||malformed field 'x'")) {
        naks++;
      }
      assertTrue(naks <= DeviceSession.MAX_BATCH_FRAMES, naks + " NAKs");
      assertEquals("NAK||too many invalid frames in a row; closing connection", answer);
      assertNull(device.readLine());
    }
  }
}
