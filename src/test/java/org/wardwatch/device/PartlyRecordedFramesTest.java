package org.wardwatch.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.node.NodeVerticle;
import org.wardwatch.testing.DeviceClient;
import org.wardwatch.testing.TestNode;
import org.wardwatch.testing.WardAlarms;
import org.wardwatch.web.RestClient;

/**
 * A whole node: a frame whose one value is refused (a thermometer set to Fahrenheit) still records its other values
 * and raises their alarms, its NAK names the value refused, the device's invalid-signal alarm stands until a frame of
 * it is recorded whole, and such frames, however many, never cut the device off.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class PartlyRecordedFramesTest {

  private static final String FAHRENHEIT_NAK =
      "Temperature 104 Cel is implausible (accepted range 0–50); the frame's other values were recorded";

  private NodeVerticle node;
  private WardAlarms alarms;

  @BeforeEach
  void startNode(Vertx vertx) {
    node = TestNode.deploy(vertx);
    alarms = WardAlarms.listen(vertx, "partly");
  }

  @Test
  void aFrameWithOneValueRefusedRecordsTheOthersAndRaisesTheirAlarmAndTheInvalidSignalAlarm()
      throws InterruptedException {
    try (DeviceClient monitor = new DeviceClient(node.devicePort())) {
      monitor.exchange("HELLO|Device=MON-F|Patient=PF|Ward=partly\nRR=6|SpO2=95|Temperature=104|Seq=1\n", "ACK|",
          "NAK|1|" + FAHRENHEIT_NAK);

      JsonObject apnoea = alarms.next(WardAlarms.of("RAISED", "THRESHOLD:RESP_RATE"), Duration.ofSeconds(5));
      assertNotNull(apnoea, "the respiration rate of 6 was recorded and judged");
      JsonObject invalid = alarms.next(WardAlarms.of("RAISED", "TECHNICAL:INVALID_SIGNAL"), Duration.ofSeconds(5));
      assertNotNull(invalid, "the refused temperature is the device's invalid data");
      assertEquals("Invalid data from MON-F: " + FAHRENHEIT_NAK.substring(0, FAHRENHEIT_NAK.indexOf(';')),
          invalid.getJsonObject("alarm").getString("message"));
      JsonObject vitals = patient("PF").getJsonObject("vitals");
      assertEquals(6, vitals.getJsonObject("RESP_RATE").getInteger("value"));
      assertEquals(95, vitals.getJsonObject("SPO2").getInteger("value"));
      assertFalse(vitals.containsKey("TEMPERATURE"), vitals::encode);

      monitor.exchange("RR=14|SpO2=96|Temperature=37.2|Seq=2\n", "ACK|2");
      JsonObject ended = alarms.next(WardAlarms.of("CLEARED", "TECHNICAL:INVALID_SIGNAL"), Duration.ofSeconds(5));
      assertNotNull(ended, "a frame recorded whole ends it");
    }
  }

  @Test
  void framesPartlyRecordedOneAfterAnotherKeepOneInvalidSignalAlarm() throws InterruptedException {
    try (DeviceClient monitor = new DeviceClient(node.devicePort())) {
      monitor.exchange("HELLO|Device=MON-R|Patient=PR|Ward=partly\nSpO2=95|Temperature=104|Seq=1\n", "ACK|",
          "NAK|1|" + FAHRENHEIT_NAK);
      assertNotNull(alarms.next(WardAlarms.of("RAISED", "TECHNICAL:INVALID_SIGNAL"), Duration.ofSeconds(5)));

      monitor.exchange("SpO2=96|Temperature=104|Seq=2\n", "NAK|2|" + FAHRENHEIT_NAK);
      monitor.exchange("SpO2=96|Temperature=104|Seq=3\n", "NAK|3|" + FAHRENHEIT_NAK);

      assertNull(alarms.next(transition -> "TECHNICAL:INVALID_SIGNAL".equals(
          transition.getJsonObject("alarm").getString("condition")), Duration.ofSeconds(2)),
          "the thermometer still reads Fahrenheit: the same alarm stands, not cleared and raised anew per frame");
    }
  }

  @Test
  void aPartlyRecordedFrameSentTwiceInOneReadRaisesTheInvalidSignalAlarmAndBothCopiesHearWhy()
      throws InterruptedException {
    try (DeviceClient monitor = new DeviceClient(node.devicePort())) {
      monitor.exchange("HELLO|Device=MON-S|Patient=PS|Ward=partly\nSpO2=95|Temperature=104|Seq=1\n"
          + "SpO2=95|Temperature=104|Seq=1\n", "ACK|", "NAK|1|" + FAHRENHEIT_NAK, "NAK|1|" + FAHRENHEIT_NAK);

      JsonObject raised = alarms.next(WardAlarms.of("RAISED", "TECHNICAL:INVALID_SIGNAL"), Duration.ofSeconds(5));
      assertNotNull(raised, "the copy, a resend, does not withdraw the first's refusal");
      assertEquals("PS", raised.getString("patient"));
    }
  }

  @Test
  void aPartlyRecordedFrameFollowedInTheSameReadByOneRecordedWholeRaisesNothing() throws InterruptedException {
    try (DeviceClient monitor = new DeviceClient(node.devicePort())) {
      monitor.exchange("HELLO|Device=MON-W|Patient=PW|Ward=partly\nSpO2=95|Temperature=104|Seq=1\n"
          + "SpO2=96|Temperature=37.2|Seq=2\n", "ACK|", "NAK|1|" + FAHRENHEIT_NAK, "ACK|2");

      assertNull(alarms.next(transition -> "TECHNICAL:INVALID_SIGNAL".equals(
          transition.getJsonObject("alarm").getString("condition")), Duration.ofSeconds(2)),
          "as for a frame refused whole: the device's latest frame was good, no alarm raised and cleared at once");
    }
  }

  @Test
  void framesPartlyRecordedInARowNeverCutTheDeviceOff() throws InterruptedException {
    try (DeviceClient monitor = new DeviceClient(node.devicePort())) {
      StringBuilder frames = new StringBuilder("HELLO|Device=MON-G|Patient=PG|Ward=partly\n");
      String[] answers = new String[13];
      answers[0] = "ACK|";
      for (int seq = 1; seq <= 12; seq++) { // more than maxConsecutiveBadFrames (10)
        frames.append("SpO2=9").append(seq % 10).append("|Temperature=104|Seq=").append(seq).append('\n');
        answers[seq] = "NAK|" + seq + "|" + FAHRENHEIT_NAK;
      }
      monitor.exchange(frames.toString(), answers);

      monitor.exchange("SpO2=97|Seq=13\n", "ACK|13");
      assertTrue(monitor.readLineWithin(Duration.ofMillis(300)).isEmpty(), "no closing NAK");
      assertEquals(97, patient("PG").getJsonObject("vitals").getJsonObject("SPO2").getInteger("value"));
    }
  }

  private JsonObject patient(String id) {
    return new JsonObject(new RestClient(node.httpPort()).get("/api/patients/" + id).body());
  }
}
