package org.wardwatch.device.mllp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.bus.Addresses;
import org.wardwatch.node.NodeVerticle;
import org.wardwatch.testing.MllpClient;
import org.wardwatch.testing.TestNode;

/**
 * An MLLP connection's end and its peer's pace, over real sockets: an idle connection closed, a sender that half-closes
 * or is cut off still answered before the close, a peer that never reads its ACKs stopping no other monitor, a slow
 * reader getting every ACK in order, and a message whose sender gave up while it waited skipped unparsed.
 */
@ExtendWith(VertxExtension.class)
class MllpServerConnectionTest extends MllpServerFixture {

  @Test
  void idleConnectionIsClosed() {
    withOtherNode(new JsonObject().put("idleTimeoutSeconds", 1), impatient -> {
      try (MllpClient monitor = new MllpClient(impatient.hl7Port())) {
        assertEquals("MSA|AA|IDLE-1", segment(monitor.send(vitals("IDLE-1", "P-IDLE", 72)).readAck(), "MSA"));
        assertTrue(monitor.closedWithin(Duration.ofSeconds(5)));
      }
    });
  }

  /**
   * Runs {@code test} against a node of its own (own Vert.x, so node-local addresses stay apart) with these settings.
   */
  private static void withOtherNode(JsonObject hl7Settings, Consumer<NodeVerticle> test) {
    Vertx own = Vertx.vertx();
    try {
      test.accept(TestNode.deploy(own, new JsonObject().put("hl7", hl7Settings)));
    } finally {
      own.close().await();
    }
  }

  @Test
  void halfClosedSenderStillGetsItsAcksBeforeTheConnectionCloses() {
    try (MllpClient monitor = new MllpClient(node.hl7Port())) {
      monitor.send(vitals("HALF-1", "P-HALF", 72)).send(vitals("HALF-2", "P-HALF", 73)).shutdownOutput();
      assertEquals("MSA|AA|HALF-1", segment(monitor.readAck(), "MSA"));
      assertEquals("MSA|AA|HALF-2", segment(monitor.readAck(), "MSA"));
      assertNull(monitor.readAck());
    }
  }

  @Test
  void aMessageCutOffByTheSendersCloseIsAnsweredWithAnErrorBeforeTheConnectionCloses() {
    try (MllpClient monitor = new MllpClient(node.hl7Port())) {
      String whole = vitals("CUT-1", "P-CUT", 72);
      monitor.send(vitals("CUT-0", "P-CUT", 71));
      assertEquals("MSA|AA|CUT-0", segment(monitor.readAck(), "MSA"));
      monitor.sendBytes(("\u000b" + whole.substring(0, whole.length() / 2)).getBytes(StandardCharsets.US_ASCII));
      monitor.shutdownOutput();

      String ack = monitor.readAck();
      assertEquals("MSA|AE|CUT-1", segment(ack, "MSA"));
      assertTrue(ack.contains("the sender closed its side before the end block"), ack);
      assertNull(monitor.readAck());
    }
  }

  @Test
  void peerThatNeverReadsItsAcksDoesNotStopOtherMonitors() {
    ByteArrayOutputStream flood = new ByteArrayOutputStream();
    for (int i = 0; i < 2000; i++) {
      flood.writeBytes(MllpClient.frame(vitals("FLOOD-" + i, "P-FLOOD", 72)));
    }
    try (MllpClient deaf = new MllpClient(node.hl7Port()); MllpClient monitor = new MllpClient(node.hl7Port())) {
      Thread writer = new Thread(() -> {
        try {
          deaf.sendBytes(flood.toByteArray());
        } catch (RuntimeException closed) {
          // the test ends by closing the socket while this may still be blocked writing
        }
      });
      writer.setDaemon(true);
      writer.start();
      assertEquals("MSA|AA|OTHER-1", segment(monitor.send(vitals("OTHER-1", "P-OTHER", 72)).readAck(), "MSA"));
      assertFalse(monitor.closedWithin(Duration.ofMillis(100)));
    }
  }

  @Test
  void aSenderReadingItsAcksSlowlyGetsThemAllInOrder() throws Exception {
    int messages = 3000;
    ByteArrayOutputStream backlog = new ByteArrayOutputStream();
    for (int i = 0; i < messages; i++) {
      backlog.writeBytes(MllpClient.frame(vitals("SLOW-" + i, "P-SLOW", 72)));
    }
    Socket socket = new Socket();
    socket.setReceiveBufferSize(2048); // its ACKs soon fill the connection
    socket.connect(new InetSocketAddress("127.0.0.1", node.hl7Port()));
    try (MllpClient slow = new MllpClient(socket)) {
      Thread writer = new Thread(() -> slow.sendBytes(backlog.toByteArray()));
      writer.setDaemon(true);
      writer.start();
      Thread.sleep(2000); // the ACKs fill the connection, and the gateway stops reading until they drain
      for (int i = 0; i < messages; i++) { // read slowly: the write queue fills and drains again and again
        assertEquals("MSA|AA|SLOW-" + i, segment(slow.readAck(), "MSA"));
        if (i % 20 == 0) {
          Thread.sleep(5);
        }
      }
    }
  }

  @Test
  void aMessageWhoseSenderGaveUpWhileItWaitedIsSkippedUnparsedAndOneOnTimeIsAnswered() {
    String text = vitals("LATE-1", "P-LATE", 75);
    JsonObject late = new JsonObject().put("text", text).put("receivedAt", Instant.now())
        .put("deadline", System.currentTimeMillis() - 1);

    ReplyException skipped = assertThrows(ReplyException.class,
        () -> vertx.eventBus().request(Addresses.HL7_MESSAGES, late).await());
    assertEquals(408, skipped.failureCode(), skipped::getMessage);
    JsonObject onTime = late.copy().put("deadline", System.currentTimeMillis() + 10_000);
    String ack = ((JsonObject) vertx.eventBus().request(Addresses.HL7_MESSAGES, onTime).await().body())
        .getJsonArray("acks").getString(0);
    assertEquals("MSA|AA|LATE-1", segment(ack, "MSA"));
  }
}
