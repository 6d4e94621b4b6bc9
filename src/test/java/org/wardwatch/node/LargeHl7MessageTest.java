package org.wardwatch.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.testing.DeviceClient;
import org.wardwatch.testing.MllpClient;
import org.wardwatch.testing.Pcd01Messages;
import org.wardwatch.testing.TestNode;

/**
 * A large HL7 message, which HAPI takes seconds to decode, holds no other device's frames: a line device's frames
 * sent while it is decoded are answered as quickly as ever, whichever event loop the node's verticles share.
 */
@ExtendWith(VertxExtension.class)
class LargeHl7MessageTest {

  /** Just under the node's default largest message, 1 MiB. */
  private static final int MESSAGE_BYTES = 1_000_000;
  /** A site's own segment, which HAPI parses and WardWatch skips without a word: many make a slow message. */
  private static final String Z_SEGMENT = "ZZZ|1\r";

  @Test
  void lineFramesAreAnsweredAtOnceWhileALargeHl7MessageIsDecoded(Vertx vertx) throws Exception {
    NodeVerticle node = TestNode.deploy(vertx);
    try (MllpClient monitor = new MllpClient(node.hl7Port());
        DeviceClient device = new DeviceClient(node.devicePort())) {
      device.send("HELLO|Device=LINE-1|Bed=1|Ward=large-hl7\n");
      assertEquals("ACK|", device.readLine());

      long sent = System.nanoTime();
      CompletableFuture<Duration> hl7Answered = CompletableFuture.supplyAsync(() -> {
        assertTrue(monitor.send(largeMessage()).readAck().contains("MSA|AA|LARGE-1"));
        return Duration.ofNanos(System.nanoTime() - sent);
      });
      Duration slowestFrame = Duration.ZERO;
      int answeredMeanwhile = 0;
      for (int seq = 1; !hl7Answered.isDone(); seq++, answeredMeanwhile++) {
        long frameSent = System.nanoTime();
        device.send("Pulse=" + (70 + seq % 10) + "|Seq=" + seq + "\n");
        assertEquals("ACK|" + seq, device.readLine());
        Duration took = Duration.ofNanos(System.nanoTime() - frameSent);
        slowestFrame = took.compareTo(slowestFrame) > 0 ? took : slowestFrame;
        Thread.sleep(20);
      }

      Duration decoding = hl7Answered.join();
      assertTrue(answeredMeanwhile >= 2, answeredMeanwhile + " line frame(s) answered while the HL7 message waited");
      assertTrue(slowestFrame.multipliedBy(2).compareTo(decoding) < 0,
          "a line frame waited " + slowestFrame + " while the HL7 message took " + decoding);
    }
  }

  @Test
  void aMonitorsUsualMessageIsAnsweredWhileALargeOneIsDecoded(Vertx vertx) throws Exception {
    NodeVerticle node = TestNode.deploy(vertx);
    try (MllpClient large = new MllpClient(node.hl7Port()); MllpClient usual = new MllpClient(node.hl7Port())) {
      CompletableFuture<String> largeAnswered = CompletableFuture.supplyAsync(() -> large.send(largeMessage())
          .readAck());
      Thread.sleep(200); // the large message is read and being decoded

      String ack = usual.send(Pcd01Messages.vitals("MON-USUAL", "USUAL-1", "P-USUAL", "large-hl7", "3",
          Instant.now(), 70)).readAck();

      assertTrue(ack.contains("MSA|AA|USUAL-1"), ack);
      assertFalse(largeAnswered.isDone(), "the usual message did not wait for the large one to be decoded");
      assertTrue(largeAnswered.get(30, TimeUnit.SECONDS).contains("MSA|AA|LARGE-1"));
    }
  }

  private static String largeMessage() {
    StringBuilder message = new StringBuilder(
        Pcd01Messages.vitals("MON-LARGE", "LARGE-1", "P-LARGE", "large-hl7", "2", Instant.now(), 72));
    while (message.length() + Z_SEGMENT.length() < MESSAGE_BYTES) {
      message.append(Z_SEGMENT);
    }
    return message.toString();
  }
}
