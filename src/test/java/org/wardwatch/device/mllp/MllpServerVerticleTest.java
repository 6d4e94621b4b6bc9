package org.wardwatch.device.mllp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.bus.Addresses;
import org.wardwatch.testing.MllpClient;
import org.wardwatch.testing.Pcd01Messages;
import org.wardwatch.testing.SockJsClient;
import org.wardwatch.testing.TestNode;
import org.wardwatch.testing.WebSocketSockJsClient;

/**
 * The MLLP listener of a whole node over real sockets: framing in every shape a monitor or a hostile peer produces,
 * each message's ACKs (as its MSH-15 and MSH-16 ask) correlated by MSA-2, repeated control ids, limits, and HL7 vitals
 * reaching the dashboard's bridge and raising alarms like line frames do.
 */
@ExtendWith(VertxExtension.class)
class MllpServerVerticleTest extends MllpServerFixture {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void answersEachMessageWithAnAcceptanceEchoingItsControlId() {
    try (MllpClient monitor = new MllpClient(node.hl7Port())) {
      String ack = monitor.send(vitals("ACK-1", "P-ACK", 72)).readAck();

      assertTrue(ack.startsWith("MSH|^~\\&|WardWatch|WardWatch|MON-1^0011223344556677^EUI-64|Hospital|"), ack);
      assertTrue(ack.contains("|ACK^R01^ACK|"), ack);
      assertEquals("MSA|AA|ACK-1", segment(ack, "MSA"));
    }
  }

  @Test
  void pipelinedMessagesInOneWriteAreAnsweredInOrderOneAckEach() {
    ByteArrayOutputStream burst = new ByteArrayOutputStream();
    for (int i = 1; i <= 40; i++) {
      burst.writeBytes(MllpClient.frame(i % 10 == 0 ? "MSH|^~\\&|MON-1|Hospital|WW|WW|20261122101500||ADT^A01|PIPE-"
          + i + "|P|2.6\rPID|||P-1" : vitals("PIPE-" + i, "P-PIPE", 60 + i)));
    }
    try (MllpClient monitor = new MllpClient(node.hl7Port())) {
      monitor.sendBytes(burst.toByteArray());
      for (int i = 1; i <= 40; i++) {
        assertEquals("MSA|" + (i % 10 == 0 ? "AR" : "AA") + "|PIPE-" + i, segment(monitor.readAck(), "MSA"));
      }
    }
  }

  @Test
  void messageSplitAcrossManyReadsWithStrayBytesAroundIt() throws InterruptedException {
    byte[] framed = MllpClient.frame(vitals("SPLIT-1", "P-SPLIT", 72));
    try (MllpClient monitor = new MllpClient(node.hl7Port())) {
      monitor.sendBytes(new byte[] {'\r', '\n', 0, ' '});
      for (int from = 0; from < framed.length; from += 97) {
        monitor.sendBytes(Arrays.copyOfRange(framed, from, Math.min(framed.length, from + 97)));
        Thread.sleep(2);
      }
      monitor.sendBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
      assertEquals("MSA|AA|SPLIT-1", segment(monitor.readAck(), "MSA"));
      assertEquals("MSA|AA|SPLIT-2", segment(monitor.send(vitals("SPLIT-2", "P-SPLIT", 73)).readAck(), "MSA"));
    }
  }

  @Test
  void segmentsEndedByCrLfOrCrLfAreAllAccepted() {
    try (MllpClient monitor = new MllpClient(node.hl7Port())) {
      for (String ending : new String[] {"\r", "\n", "\r\n"}) {
        String id = "END-" + ending.replace("\r", "CR").replace("\n", "LF");
        String ack = monitor.send(vitals(id, "P-END", 72).replace("\r", ending)).readAck();
        assertEquals("MSA|AA|" + id, segment(ack, "MSA"));
      }
    }
  }

  @Test
  void contentErrorIsAnsweredAeWithErrAndTheConnectionCarriesOn() {
    try (MllpClient monitor = new MllpClient(node.hl7Port())) {
      String ack = monitor.send(vitals("BAD-1", "P-BAD", 72).replace("|72|", "|seventy|")).readAck();
      assertEquals("MSA|AE|BAD-1", segment(ack, "MSA"));
      assertTrue(segment(ack, "ERR").startsWith("ERR|||102^"), ack);
      assertEquals("MSA|AA|BAD-2", segment(monitor.send(vitals("BAD-2", "P-BAD", 72)).readAck(), "MSA"));
    }
  }

  @Test
  void missingMshAndBinaryGarbageInsideAFrameAreRejected() {
    byte[] garbage = new byte[2000];
    new Random(7).nextBytes(garbage);
    for (int i = 0; i < garbage.length; i++) {
      if (garbage[i] == MllpClient.START || garbage[i] == MllpClient.END) {
        garbage[i] = 'x';
      }
    }
    try (MllpClient monitor = new MllpClient(node.hl7Port())) {
      String noHeader = monitor.send("PID|||P-1\rOBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|72").readAck();
      assertEquals("MSA|AR|", segment(noHeader, "MSA"));
      assertTrue(noHeader.contains("\rERR|||100^"), noHeader);

      monitor.sendBytes(new byte[] {MllpClient.START}).sendBytes(garbage)
          .sendBytes(new byte[] {MllpClient.END, MllpClient.CR});
      assertTrue(segment(monitor.readAck(), "MSA").startsWith("MSA|AR|"));
      assertEquals("MSA|AA|AFTER-1", segment(monitor.send(vitals("AFTER-1", "P-G", 72)).readAck(), "MSA"));
    }
  }

  @Test
  void oversizedMessageIsRefusedFromItsHeadWithoutBufferingItAndTheNextIsAccepted() {
    String big = vitals("BIG-1", "P-BIG", 72) + "NTE|1||" + "x".repeat(SMALL_LIMIT * 4) + "\r";
    try (MllpClient monitor = new MllpClient(node.hl7Port())) {
      String ack = monitor.send(big).readAck();
      assertEquals("MSA|AE|BIG-1", segment(ack, "MSA"));
      assertTrue(ack.contains("larger than " + SMALL_LIMIT + " bytes"), ack);
      assertEquals("MSA|AA|BIG-2", segment(monitor.send(vitals("BIG-2", "P-BIG", 72)).readAck(), "MSA"));
    }
  }

  @Test
  void truncatedMessageIsRefusedAndTheFrameAfterItIsAccepted() {
    String cut = vitals("CUT-1", "P-CUT", 72).substring(0, 150);
    try (MllpClient monitor = new MllpClient(node.hl7Port())) {
      monitor.sendBytes(new byte[] {MllpClient.START}).sendBytes(cut.getBytes(StandardCharsets.UTF_8))
          .send(vitals("CUT-2", "P-CUT", 72));
      String ack = monitor.readAck();
      assertEquals("MSA|AE|CUT-1", segment(ack, "MSA"));
      assertTrue(ack.contains("truncated"), ack);
      assertEquals("MSA|AA|CUT-2", segment(monitor.readAck(), "MSA"));
    }
  }

  @Test
  void streamOfBytesWithoutAnyFrameIsDisconnected() {
    byte[] noise = new byte[SMALL_LIMIT + 1];
    Arrays.fill(noise, (byte) 'A');
    try (MllpClient peer = new MllpClient(node.hl7Port())) {
      peer.sendBytes(noise);
      assertTrue(peer.closedWithin(WAIT));
    }
  }

  @Test
  void eachMessageIsAnsweredWithTheAcknowledgementsItsHeaderAsksFor() {
    try (MllpClient monitor = new MllpClient(node.hl7Port())) {
      assertEquals("MSA|CA|ENH-1", segment(monitor.send(asking("AL|NE", vitals("ENH-1", "P-ENH", 72))).readAck(),
          "MSA"));
      monitor.send(asking("AL|AL", vitals("ENH-2", "P-ENH", 72).replace("|72|", "|x|")));
      assertEquals("MSA|CA|ENH-2", segment(monitor.readAck(), "MSA"));
      String applicationError = monitor.readAck();
      assertEquals("MSA|AE|ENH-2", segment(applicationError, "MSA"));
      assertTrue(segment(applicationError, "ERR").contains("|102^"), applicationError);
      monitor.send(asking("NE|NE", vitals("ENH-3", "P-ENH", 73))).send(vitals("ENH-4", "P-ENH", 74));
      assertEquals("MSA|AA|ENH-4", segment(monitor.readAck(), "MSA"), "nothing answers a message that asks for none");
      String big = asking("AL|AL", vitals("ENH-5", "P-ENH", 75)) + "NTE|1||" + "x".repeat(SMALL_LIMIT * 4) + "\r";
      assertEquals("MSA|CE|ENH-5", segment(monitor.send(big).readAck(), "MSA"), "not taken: no CA, and once");
      String admission = vitals("ENH-6", "P-ENH", 76).replace("ORU^R01^ORU_R01", "ADT^A01^ADT_A01"); // NE|AL
      assertEquals("MSA|AR|ENH-6", segment(monitor.send(admission).readAck(), "MSA"), "rejected: no accept ack asked");
      assertEquals("MSA|AA|ENH-7", segment(monitor.send(vitals("ENH-7", "P-ENH", 77)).readAck(), "MSA"));
    }
  }

  @Test
  void anAcknowledgementReceivedIsNeverAnsweredAndTheMessagesAroundItAreInOrder() {
    String commitAck = "MSH|^~\\&|MON-1^0011223344556677^EUI-64|Hospital|WardWatch|WW|"
        + Pcd01Messages.hl7Time(Instant.now()) + "||ACK^R01^ACK|PEER-1|P|2.6|||AL|AL\rMSA|CA|WW1.1\r";
    try (MllpClient monitor = new MllpClient(node.hl7Port())) {
      monitor.send(commitAck).send(vitals("AFTER-ACK", "P-PEER", 72)).send(commitAck.replace("PEER-1", "PEER-2"))
          .send(vitals("LAST", "P-PEER", 73)).shutdownOutput();

      assertEquals("MSA|AA|AFTER-ACK", segment(monitor.readAck(), "MSA"));
      assertEquals("MSA|AA|LAST", segment(monitor.readAck(), "MSA"));
      assertNull(monitor.readAck(), "nothing answers either acknowledgement, though it asks for both");
    }
  }

  @Test
  void repeatedControlIdIsAcknowledgedAgainButRecordedOnce() {
    String ward = "hl7-dup";
    String vitalsAddress = Addresses.wardVitals(ward);
    try (SockJsClient browser = WebSocketSockJsClient.connect(vertx, node.httpPort(), TestNode.DASHBOARD_ORIGIN);
        MllpClient monitor = new MllpClient(node.hl7Port())) {
      browser.register(vitalsAddress);
      Instant now = Instant.now();
      String first = Pcd01Messages.vitals("MON-D", "DUP-1", "P-DUP", ward, "4", now, 71);
      assertEquals("MSA|AA|DUP-1", segment(monitor.send(first).readAck(), "MSA"));
      assertEquals("MSA|AA|DUP-1", segment(monitor.send(first).readAck(), "MSA"));
      String next = Pcd01Messages.vitals("MON-D", "DUP-2", "P-DUP", ward, "4", now.plusSeconds(1), 88);
      assertEquals("MSA|AA|DUP-2", segment(monitor.send(next).readAck(), "MSA"));

      assertEquals(71, heartRate(browser.awaitBody(vitalsAddress, body -> true, WAIT)));
      assertEquals(88, heartRate(browser.awaitBody(vitalsAddress, body -> true, WAIT)),
          "the repeated message must not be recorded a second time");
    }
  }

  @Test
  void monitorVitalsReachTheDashboardAndRaiseAnAlarm() {
    String ward = "hl7-ward";
    String vitalsAddress = Addresses.wardVitals(ward);
    String alarms = Addresses.wardAlarms(ward);
    try (SockJsClient browser = WebSocketSockJsClient.connect(vertx, node.httpPort(), TestNode.DASHBOARD_ORIGIN);
        MllpClient monitor = new MllpClient(node.hl7Port())) {
      browser.register(vitalsAddress);
      browser.register(alarms);
      String message = Pcd01Messages.vitals("MON-E", "E2E-1", "P-HL7", ward, "9", Instant.now(), 190);
      assertEquals("MSA|AA|E2E-1", segment(monitor.send(message).readAck(), "MSA"));

      JsonObject snapshot = browser.awaitBody(vitalsAddress, body -> true, WAIT);
      assertEquals("P-HL7", snapshot.getString("patient"));
      assertEquals("9", snapshot.getString("bed"));
      JsonObject values = snapshot.getJsonObject("vitals");
      assertEquals(97, values.getJsonObject("SPO2").getDouble("value"));
      assertEquals("mm[Hg]", values.getJsonObject("BP_SYSTOLIC").getString("unit"));
      assertEquals(37.1, values.getJsonObject("TEMPERATURE").getDouble("value"), 1e-9);

      JsonObject raised = browser.awaitBody(alarms, body -> "RAISED".equals(body.getString("type")), WAIT);
      assertEquals("THRESHOLD:PULSE", raised.getJsonObject("alarm").getString("condition"));
      assertEquals("HIGH", raised.getJsonObject("alarm").getString("priority"));
    }
  }

  /** {@code message} with {@code both} for its MSH-15 and MSH-16 (PCD-01 monitors send {@code NE|AL}). */
  private static String asking(String both, String message) {
    String asked = message.replace("|2.6|||NE|AL\r", "|2.6|||" + both + "\r");
    assertNotEquals(message, asked);
    return asked;
  }

  private static int heartRate(JsonObject snapshot) {
    return snapshot.getJsonObject("vitals").getJsonObject("PULSE").getDouble("value").intValue();
  }
}
