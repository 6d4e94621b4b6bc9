package org.wardwatch.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.testing.MllpClient;
import org.wardwatch.testing.Pcd01Messages;
import org.wardwatch.testing.TestNode;
import org.wardwatch.testing.WardAlarms;
import org.wardwatch.web.RestClient;

/**
 * A whole node: an HL7 message with a row refused for its value (AE, with an ERR naming it; its other rows recorded)
 * raises the invalid-signal technical alarm of its device for its patient, as a line device's refused value does, and
 * the device's next message recorded whole ends it; a patient's first message with a row refused admits the patient.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class Hl7InvalidSignalTest {

  private static final String CONDITION = "TECHNICAL:INVALID_SIGNAL";
  /** MSH-3 {@code MON-IV^0011223344556677^EUI-64} of {@link Pcd01Messages#vitals}, no OBX-18. */
  private static final String DEVICE = "MON-IV:0011223344556677";

  private NodeVerticle node;
  private WardAlarms alarms;

  @BeforeEach
  void startNode(Vertx vertx) {
    node = TestNode.deploy(vertx);
    alarms = WardAlarms.listen(vertx, "hl7-refusals");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "an ECG heart rate of 0, outside its hard range; 0; |37.1|268192^MDC_DIM_DEGC^MDC|; 102",
      "a temperature in kelvin; 80; |310.2|K^K^UCUM|; 103"})
  void aRowRefusedForItsValueRaisesInvalidSignalUntilTheDevicesNextMessageRecordedWhole(String refusal,
      int heartRate, String temperature, String errorCode) throws InterruptedException {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (MllpClient monitor = new MllpClient(node.hl7Port())) {
      assertTrue(monitor.send(vitals("IV-1", now.minusSeconds(10), 80)).readAck().contains("MSA|AA|IV-1"));

      String refused = vitals("IV-2", now.minusSeconds(5), heartRate)
          .replace("|37.1|268192^MDC_DIM_DEGC^MDC|", temperature).replace("|97|", "|93|");
      String ack = monitor.send(refused).readAck();
      assertTrue(ack.contains("MSA|AE|IV-2") && ack.contains("|" + errorCode + "^"), ack);

      JsonObject raised = alarms.next(WardAlarms.of("RAISED", CONDITION), Duration.ofSeconds(5));
      assertNotNull(raised, "the refused message raises the device's invalid-signal alarm");
      assertEquals("P-IV", raised.getString("patient"));
      assertTrue(raised.getJsonObject("alarm").getString("message").startsWith("Invalid data from " + DEVICE + ": "),
          raised.encode());
      JsonObject vitals = new JsonObject(new RestClient(node.httpPort()).get("/api/patients/P-IV").body())
          .getJsonObject("vitals");
      assertEquals(93, vitals.getJsonObject("SPO2").getInteger("value"), "the message's other rows are recorded");

      assertTrue(monitor.send(vitals("IV-3", now, 81)).readAck().contains("MSA|AA|IV-3"));
      JsonObject cleared = alarms.next(WardAlarms.of("CLEARED", CONDITION), Duration.ofSeconds(5));
      assertNotNull(cleared, "the device's next accepted message ends it");
      assertEquals(raised.getJsonObject("alarm").getString("id"), cleared.getJsonObject("alarm").getString("id"));
    }
  }

  @Test
  void messagesPartlyRecordedOneAfterAnotherKeepOneInvalidSignalAlarm() throws InterruptedException {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (MllpClient monitor = new MllpClient(node.hl7Port())) {
      assertTrue(monitor.send(vitals("IV-1", now.minusSeconds(10), 0)).readAck().contains("MSA|AE|IV-1"));
      assertNotNull(alarms.next(WardAlarms.of("RAISED", CONDITION), Duration.ofSeconds(5)));

      assertTrue(monitor.send(vitals("IV-2", now.minusSeconds(5), 0)).readAck().contains("MSA|AE|IV-2"));

      assertNull(alarms.next(transition -> CONDITION.equals(transition.getJsonObject("alarm").getString("condition")),
          Duration.ofSeconds(2)), "the ECG still reads 0: the same alarm stands, not cleared and raised anew");
    }
  }

  @Test
  void aNewPatientsFirstMessageRefusedRaisesInvalidSignal() throws InterruptedException {
    try (MllpClient monitor = new MllpClient(node.hl7Port())) {
      String ack = monitor.send(vitals("IV-1", Instant.now().truncatedTo(ChronoUnit.SECONDS), 0)).readAck();
      assertTrue(ack.contains("MSA|AE|IV-1"), ack);

      JsonObject raised = alarms.next(WardAlarms.of("RAISED", CONDITION), Duration.ofSeconds(5));
      assertNotNull(raised, "a monitor whose messages are all refused does not leave its patient unseen");
      assertEquals("P-IV", raised.getString("patient"));
    }
  }

  private static String vitals(String controlId, Instant time, int heartRate) {
    return Pcd01Messages.vitals("MON-IV", controlId, "P-IV", "hl7-refusals", "6", time, heartRate);
  }
}
