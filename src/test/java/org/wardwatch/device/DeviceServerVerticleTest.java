package org.wardwatch.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.device.DevicePipeline.MAX_BAD;
import static org.wardwatch.device.DevicePipeline.MAX_CONNECTIONS;
import static org.wardwatch.device.DevicePipeline.MAX_FRAME;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.BusCodecs;
import org.wardwatch.bus.PatientSnapshot;
import org.wardwatch.testing.DeviceClient;

/**
 * The device server over real TCP connections, with the real parser and alert rules behind it: framing, answers,
 * refusals, cut-offs and resends. How a connection ends is in {@link DeviceConnectionEndTest}.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class DeviceServerVerticleTest {

  private Vertx vertx;
  private int port;

  @BeforeEach
  void deployPipeline(Vertx vertx) {
    this.vertx = vertx;
    port = DevicePipeline.deploy(vertx);
  }

  @Test
  void givenHelloWhenClassicFrameSentThenAckedAndRecorded() {
    try (DeviceClient device = new DeviceClient(port)) {
      device.send("HELLO|Device=MON-1|Patient=P1|Bed=7|Ward=icu\nTemperature=37.5|Pulse=82|BP=120/80|Seq=1\n");

      assertEquals("ACK|", device.readLine());
      assertEquals("ACK|1", device.readLine());
      JsonObject patient = patient("P1");
      assertEquals("icu", patient.getString("ward"));
      assertEquals(82, patient.getJsonObject("vitals").getJsonObject("PULSE").getInteger("value"));
      assertEquals(80, patient.getJsonObject("vitals").getJsonObject("BP_DIASTOLIC").getInteger("value"));
    }
  }

  @Test
  void givenManyFramesInOneWriteThenAnsweredInOrder() {
    try (DeviceClient device = new DeviceClient(port)) {
      StringBuilder frames = new StringBuilder("HELLO|Device=MON-2\r\n");
      for (int seq = 1; seq <= 50; seq++) {
        frames.append("Pulse=").append(60 + seq).append("|Seq=").append(seq).append("\r\n");
      }
      device.send(frames.toString());

      assertEquals("ACK|", device.readLine());
      for (int seq = 1; seq <= 50; seq++) {
        assertEquals("ACK|" + seq, device.readLine());
      }
      assertEquals(50, patient("MON-2@").getLong("seq"));
    }
  }

  @Test
  void givenADeviceEndingItsFramesWithALoneCrThenEachIsAnsweredAsItComes() {
    try (DeviceClient device = new DeviceClient(port)) {
      device.send("HELLO|Device=MON-CR|Patient=PCR\r");
      assertEquals("ACK|", device.readLine());
      device.send("Pulse=77|Seq=1\r");

      assertEquals("ACK|1", device.readLine(), "answered without waiting for an LF that never comes");
      assertEquals(77, patient("PCR").getJsonObject("vitals").getJsonObject("PULSE").getInteger("value"));
    }
  }

  @Test
  void givenFrameSplitAcrossWritesThenReassembled() throws InterruptedException {
    try (DeviceClient device = new DeviceClient(port)) {
      device.send("Device=MON-3|Pul");
      Thread.sleep(100);
      device.send("se=77|Se");
      Thread.sleep(100);
      device.send("q=9\r");
      Thread.sleep(100);
      device.send("\n");

      assertEquals("ACK|9", device.readLine());
    }
  }

  @Test
  void givenBadFrameThenNakWithReasonAndConnectionAndOtherDevicesCarryOn() {
    try (DeviceClient bad = new DeviceClient(port); DeviceClient good = new DeviceClient(port)) {
      bad.send("HELLO|Device=MON-4\nPulse=abc|Seq=3\nPulse=400|Seq=4\nSpO2=97\n");
      good.send("HELLO|Device=MON-5\nSpO2=98|Seq=1\n");

      assertEquals("ACK|", bad.readLine());
      assertEquals("NAK|3|Pulse 'abc' is not a number", bad.readLine());
      assertTrue(bad.readLine().startsWith("NAK|4|Pulse 400 /min is implausible"));
      assertEquals("ACK|", bad.readLine());
      assertEquals("ACK|", good.readLine());
      assertEquals("ACK|1", good.readLine());
    }
  }

  @Test
  void givenFrameWithoutIdentityThenNakExplainsHello() {
    try (DeviceClient device = new DeviceClient(port)) {
      device.send("Pulse=80|Seq=1\n");

      assertTrue(device.readLine().startsWith("NAK|1|no device identity: send HELLO|Device=<id>"));
    }
  }

  @Test
  void givenUnknownKeyThenAckedWithNote() {
    try (DeviceClient device = new DeviceClient(port)) {
      device.send("Device=MON-6|Pulse=80|Glucose=5.5|Seq=2\n");

      assertEquals("ACK|2|ignored unknown key(s): Glucose", device.readLine());
    }
  }

  @Test
  void givenOverlongFrameThenNakAndNextFrameStillAccepted() {
    try (DeviceClient device = new DeviceClient(port)) {
      device.send("Device=MON-7|Pulse=80|" + "x".repeat(MAX_FRAME) + "\nDevice=MON-7|Pulse=81|Seq=2\n");

      assertEquals("NAK||frame longer than " + MAX_FRAME + " bytes", device.readLine());
      assertEquals("ACK|2", device.readLine());
    }
  }

  @Test
  void givenOneFrameManyTimesTheMaximumThenOneNakForItAndNextFrameStillAccepted() {
    try (DeviceClient device = new DeviceClient(port)) {
      device.send("Device=MON-7|" + "x".repeat((MAX_BAD - 1) * MAX_FRAME) + "\nDevice=MON-7|Pulse=81|Seq=2\n");

      assertEquals("NAK||frame longer than " + MAX_FRAME + " bytes", device.readLine());
      assertEquals("ACK|2", device.readLine(), "one answer per frame, however long");
    }
  }

  @Test
  void givenLineWithoutEndingPastTheBadFramesAllowanceThenDisconnectedSayingWhy() {
    try (DeviceClient device = new DeviceClient(port)) {
      device.send("Device=MON-7|Pulse=80|Seq=1\n" + "x".repeat((MAX_BAD + 1) * MAX_FRAME));

      assertEquals("ACK|1", device.readLine());
      assertEquals("NAK||frame longer than " + MAX_FRAME + " bytes", device.readLine());
      assertEquals("NAK||no line ending within " + MAX_BAD * MAX_FRAME + " bytes; closing connection",
          device.readLine());
      assertNull(device.readLine());
    }
  }

  @Test
  void givenFloodOfGarbageThenCutOffAfterFinalNak() {
    try (DeviceClient device = new DeviceClient(port)) {
      device.send("garbage\n".repeat(MAX_BAD + 20));

      int naks = 0;
      String answer;
      while ((answer = device.readLine()).startsWith("NAK||malformed field 'garbage'")) {
        naks++;
      }
      assertTrue(naks >= MAX_BAD && naks <= MAX_BAD + 20, naks + " NAKs: each frame of a batch is answered");
      assertEquals("NAK||too many invalid frames in a row; closing connection", answer);
      assertNull(device.readLine());
    }
  }

  @Test
  void givenGoodFrameAfterTheLimitInTheSameReadThenItIsAnsweredBeforeTheCutOff() {
    try (DeviceClient device = new DeviceClient(port)) {
      device.send("HELLO|Device=MON-5\n" + "Pulse=abc\n".repeat(MAX_BAD) + "Pulse=99|Seq=42\n");

      assertEquals("ACK|", device.readLine());
      for (int i = 0; i < MAX_BAD; i++) {
        assertTrue(device.readLine().startsWith("NAK||Pulse 'abc' is not a number"));
      }
      assertEquals("ACK|42", device.readLine(), "recorded, so acknowledged: no resend, no duplicate");
      assertEquals("NAK||too many invalid frames in a row; closing connection", device.readLine());
      assertNull(device.readLine());
    }
    assertEquals(99, patient("MON-5@").getJsonObject("vitals").getJsonObject("PULSE").getInteger("value"));
  }

  @Test
  void givenNoParserThenEachFrameIsNakedForResendNamingItsSeq() {
    Vertx parserless = Vertx.vertx();
    try {
      BusCodecs.register(parserless);
      DeviceServerVerticle alone = new DeviceServerVerticle(new DeviceServerConfig("127.0.0.1", 0, MAX_FRAME, 1,
          MAX_BAD, MAX_CONNECTIONS));
      parserless.deployVerticle(alone).await();
      try (DeviceClient device = new DeviceClient(alone.actualPort())) {
        device.send("Device=X|Pulse=80|Seq=17\nDevice=X|Pulse=81\n");

        assertEquals("NAK|17|gateway could not process the frame now; resend it", device.readLine());
        assertEquals("NAK||gateway could not process the frame now; resend it", device.readLine());
      }
    } finally {
      parserless.close().await();
    }
  }

  @Test
  void givenEndlessLineThenCutOff() {
    try (DeviceClient device = new DeviceClient(port)) {
      device.send("y".repeat(MAX_FRAME * (MAX_BAD + 2)));

      assertTrue(device.closedWithin(Duration.ofSeconds(5)));
    }
  }

  @Test
  void givenFrameRefusedForAnotherPatientOfTheConnectionThenThatPatientGetsTheInvalidSignalAlarm() throws Exception {
    try (DeviceClient device = new DeviceClient(port)) {
      device.send("HELLO|Device=MON-4|Patient=P41|Ward=icu\nPulse=80|Seq=1\nPatient=P42|Pulse=81|Seq=2\n"
          + "Patient=P42|Pulse=abc|Seq=3\n");
      for (String answer : new String[] {"ACK|", "ACK|1", "ACK|2"}) {
        assertEquals(answer, device.readLine());
      }
      assertTrue(device.readLine().startsWith("NAK|3|Pulse 'abc' is not a number"));

      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (patient("P42").getJsonArray("technicalAlarms").isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(patient("P42").getJsonArray("technicalAlarms").encode().contains("Pulse 'abc'"),
          patient("P42").encode());
      assertTrue(patient("P41").getJsonArray("technicalAlarms").isEmpty(), "not the connection's other patient");
    }
  }

  @Test
  void givenOverlongFrameBeforeALaterHelloInTheSameReadThenItsAlarmGoesToThePatientBeforeTheHello()
      throws Exception {
    try (DeviceClient device = new DeviceClient(port)) {
      device.send("HELLO|Device=MON-6|Patient=P61|Ward=icu\nPulse=80\n" + "x".repeat(MAX_FRAME + 44)
          + "\nHELLO|Device=MON-6|Patient=P62|Ward=icu\n");
      for (String answer : new String[] {"ACK|", "ACK|", "NAK||frame longer than 256 bytes", "ACK|"}) {
        assertEquals(answer, device.readLine());
      }

      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (patient("P61").getJsonArray("technicalAlarms").isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(patient("P61").getJsonArray("technicalAlarms").encode().contains("longer than"),
          patient("P61").encode());
    }
  }

  @Test
  void givenResendAfterReconnectThenAckedButRecordedOnce() {
    Set<String> recordedPulseTimes = ConcurrentHashMap.newKeySet();
    vertx.eventBus().<PatientSnapshot>consumer(Addresses.wardVitals("icu"), message -> recordedPulseTimes.add(
        message.body().toJson().getJsonObject("vitals").getJsonObject("PULSE").getString("time"))).completion().await();
    try (DeviceClient first = new DeviceClient(port)) {
      first.send("HELLO|Device=MON-9|Ward=icu\nPulse=190|Seq=5\n");
      assertEquals("ACK|", first.readLine());
      assertEquals("ACK|5", first.readLine());
    }
    try (DeviceClient again = new DeviceClient(port)) {
      again.send("HELLO|Device=MON-9|Ward=icu\nPulse=190|Seq=5\nPulse=120|Seq=6\n");

      assertEquals("ACK|", again.readLine());
      assertEquals("ACK|5|resend of a frame already recorded; not recorded again", again.readLine());
      assertEquals("ACK|6", again.readLine());
    }
    JsonObject patient = patient("MON-9@");
    assertEquals(120, patient.getJsonObject("vitals").getJsonObject("PULSE").getInteger("value"));
    assertEquals(2, recordedPulseTimes.size(), "one recorded pulse per distinct frame: " + recordedPulseTimes);
  }

  private JsonObject patient(String key) {
    return DevicePipeline.patient(vertx, key);
  }
}
