package org.wardwatch.device;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.device.DevicePipeline.MAX_CONNECTIONS;
import static org.wardwatch.device.DevicePipeline.MAX_FRAME;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.bus.Addresses;
import org.wardwatch.testing.DeviceClient;

/**
 * How a device connection ends, and how it is read meanwhile, over real TCP: closed when silent or when the device
 * leaves its answers unread for the idle timeout, closed once every answer is written when the device shuts down its
 * sending side (its last frame answered even without a line ending), and not read while it does not read.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class DeviceConnectionEndTest {

  private static final int FLOOD_FRAMES = 300_000;

  private Vertx vertx;
  private int port;

  @BeforeEach
  void deployPipeline(Vertx vertx) {
    this.vertx = vertx;
    port = DevicePipeline.deploy(vertx);
  }

  @Test
  void givenIdleConnectionThenClosedAfterTimeout() {
    try (DeviceClient device = new DeviceClient(port)) {
      device.send("HELLO|Device=MON-8\n");
      assertEquals("ACK|", device.readLine());

      assertTrue(device.closedWithin(Duration.ofSeconds(5)));
    }
  }

  @Test
  void givenDeviceThatNeverReadsItsAnswersThenClosedAfterTheIdleTimeout() throws Exception {
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(4096);
      socket.connect(new InetSocketAddress("127.0.0.1", port));
      CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> sendUntilClosed(socket, "DEAF", FLOOD_FRAMES));

      sending.get(15, TimeUnit.SECONDS); // ends when the gateway closes the connection (its idle timeout is 1 s here)
    }
  }

  @Test
  void givenDeviceShutsDownItsOutputThenStillGetsEveryAnswer() {
    try (DeviceClient device = new DeviceClient(port)) {
      device.send("HELLO|Device=X1|Bed=7|Ward=icu\nPulse=190|Seq=1\n");
      device.shutdownOutput();

      assertEquals("ACK|", device.readLine());
      assertEquals("ACK|1", device.readLine());
      assertNull(device.readLine(), "closed once everything is answered");
    }
    assertFalse(patient("X1@icu:7").getJsonArray("alarms").isEmpty()); // no patient id: bed 7 on X1
  }

  @Test
  void givenDeviceClosesInTheMiddleOfAFrameThenThatFrameIsRefusedNotRecorded() {
    try (DeviceClient device = new DeviceClient(port)) {
      device.send("HELLO|Device=X2|Ward=icu\nPulse=80|SpO2=97|Seq=1\nSeq=2|Pulse=81|SpO2=9"); // cut short: SpO2=97
      device.shutdownOutput();

      assertEquals("ACK|", device.readLine());
      assertEquals("ACK|1", device.readLine());
      assertEquals("NAK|2|no line ending before the device closed its sending side; not recorded", device.readLine());
      assertNull(device.readLine(), "closed once everything is answered");
    }
    JsonObject vitals = patient("X2@").getJsonObject("vitals");
    assertEquals(97, vitals.getJsonObject("SPO2").getInteger("value"), "the cut frame's 9 % was not recorded");
    assertEquals(80, vitals.getJsonObject("PULSE").getInteger("value"));
  }

  @Test
  void givenDeviceNotReadingItsAnswersThenItsFramesWaitUntilItReads() throws Exception {
    DeviceServerVerticle unhurried = new DeviceServerVerticle(new DeviceServerConfig("127.0.0.1", 0, MAX_FRAME, 60, 5,
        MAX_CONNECTIONS));
    vertx.deployVerticle(unhurried).await();
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(4096);
      socket.setSendBufferSize(8192);
      socket.connect(new InetSocketAddress("127.0.0.1", unhurried.actualPort()));
      socket.setSoTimeout(10_000);
      CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> sendUntilClosed(socket, "LAZY", FLOOD_FRAMES));
      long stalledAt = seqOnceSteady("LAZY@");
      assertThrows(TimeoutException.class, () -> sending.get(3, TimeUnit.SECONDS),
          "the gateway stopped reading: the device cannot send everything");
      assertTrue(stalledAt < FLOOD_FRAMES, "stalled at " + stalledAt);

      BufferedReader answers = new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));
      assertEquals("ACK|", answers.readLine());
      for (int seq = 1; seq <= stalledAt; seq++) {
        assertTrue(answers.readLine().startsWith("ACK|" + seq + "|ignored unknown key(s): Extra00,"));
      }
      long readingAgain = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (patient("LAZY@").getLong("seq") == stalledAt && System.nanoTime() < readingAgain) {
        Thread.sleep(50);
      }
      assertTrue(patient("LAZY@").getLong("seq") > stalledAt, "reading resumed once the device read its answers");
    }
  }

  /** Sends a HELLO and then up to {@code frames} frames that each get a long answer, until closed. */
  private static void sendUntilClosed(Socket socket, String device, int frames) {
    StringBuilder extras = new StringBuilder();
    for (int key = 0; key < 20; key++) {
      extras.append(String.format("|Extra%02d=1", key));
    }
    try {
      OutputStream out = socket.getOutputStream();
      out.write(("HELLO|Device=" + device + "\n").getBytes(US_ASCII));
      for (int seq = 1; seq <= frames; seq++) {
        out.write(("Pulse=80|Seq=" + seq + extras + "\n").getBytes(US_ASCII));
      }
    } catch (IOException closed) {
      // the test closed the connection
    }
  }

  /** The patient's last recorded sequence number once it has not changed for one and a half seconds. */
  private long seqOnceSteady(String key) throws InterruptedException {
    long last = -1;
    int unchanged = 0;
    while (unchanged < 3) {
      Thread.sleep(500);
      JsonObject patient = vertx.eventBus().<JsonObject>request(Addresses.PATIENTS_GET, key)
          .map(Message::body).otherwiseEmpty().await();
      long seq = patient == null ? 0 : patient.getLong("seq");
      unchanged = seq > 0 && seq == last ? unchanged + 1 : 0;
      last = seq;
    }
    return last;
  }

  private JsonObject patient(String key) {
    return DevicePipeline.patient(vertx, key);
  }
}
