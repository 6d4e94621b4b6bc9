package org.wardwatch.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.testing.DeviceClient;
import org.wardwatch.testing.MllpClient;
import org.wardwatch.testing.Pcd01Messages;
import org.wardwatch.testing.TestNode;
import org.wardwatch.web.RestClient;

/**
 * A whole node that admits at most two patients ({@code patients.maxPerMember}): a frame or HL7 message naming a third
 * is refused to its sender with the reason, as no fault of its data (the connection is not cut off however many come),
 * and the patients admitted go on being recorded; nor does a refused frame admit it (for its invalid-data alarm).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class PatientLimitTest {

  private static final String NOT_ADMITTED = "patient P-3 not admitted: this gateway member monitors its most "
      + "patients (2, patients.maxPerMember); not recorded";

  private NodeVerticle node;
  private RestClient http;

  @BeforeEach
  void startNode(Vertx vertx) {
    node = TestNode.deploy(vertx, new JsonObject()
        .put("patients", new JsonObject().put("maxPerMember", 2))
        .put("devices", new JsonObject().put("maxConsecutiveBadFrames", 3)));
    http = new RestClient(node.httpPort());
  }

  @Test
  void aRelaysFramesOfANewPatientBeyondTheLimitAreRefusedAndItsOtherPatientsStillRecorded() {
    try (DeviceClient relay = new DeviceClient(node.devicePort())) {
      relay.exchange("HELLO|Device=RELAY-L|Patient=P-1|Ward=limits\nPulse=80|Seq=1\n"
          + "Patient=P-2|Pulse=70|Seq=2\n", "ACK|", "ACK|1", "ACK|2");

      relay.exchange("Patient=P-3|Pulse=90|Seq=3\nPulse=81|Seq=4\nPatient=P-3|Pulse=91\n",
          "NAK|3|" + NOT_ADMITTED, "ACK|4", "NAK||" + NOT_ADMITTED);
      for (int seq = 5; seq < 10; seq++) { // more in a row than the connection's limit of frames refused for its data
        relay.exchange("Patient=P-3|Pulse=90|Seq=" + seq + "\n", "NAK|" + seq + "|" + NOT_ADMITTED);
      }
      relay.exchange("Patient=P-3|Pulse=abc|Seq=12\n", "NAK|12|Pulse 'abc' is not a number"); // no alarm for P-3
      relay.exchange("Pulse=82|Seq=10\nPatient=P-2|Pulse=72|Seq=11\n", "ACK|10", "ACK|11");
    }

    assertEquals(82, vital("P-1"));
    assertEquals(72, vital("P-2"));
    assertEquals(404, http.get("/api/patients/P-3").statusCode(), "nothing kept of the patient not admitted");
    JsonObject ready = new JsonObject(http.get("/health/ready").body());
    assertEquals(new JsonObject().put("held", 2).put("max", 2).put("admitting", false),
        ready.getJsonObject("patients"));
    assertTrue(ready.getBoolean("ready"), "a member that admits no new patient still serves those it holds");
  }

  @Test
  void anHl7MessageOfANewPatientBeyondTheLimitIsAnsweredWithAnApplicationError() {
    Instant measured = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);
    try (MllpClient monitor = new MllpClient(node.hl7Port())) {
      assertTrue(monitor.send(Pcd01Messages.vitals("MON-L1", "L-1", "P-1", "limits", "1", measured, 80)).readAck()
          .contains("MSA|AA|L-1"));
      assertTrue(monitor.send(Pcd01Messages.vitals("MON-L2", "L-2", "P-2", "limits", "2", measured, 70)).readAck()
          .contains("MSA|AA|L-2"));

      String refused = monitor.send(Pcd01Messages.vitals("MON-L3", "L-3", "P-3", "limits", "3", measured, 90))
          .readAck();

      assertTrue(refused.contains("MSA|AE|L-3"), refused);
      assertTrue(refused.contains("ERR|||207^Application internal error^HL70357|E|||" + NOT_ADMITTED), refused);
      assertTrue(monitor.send(Pcd01Messages.vitals("MON-L1", "L-4", "P-1", "limits", "1", measured.plusSeconds(1),
          84)).readAck().contains("MSA|AA|L-4"), "a patient admitted is still recorded");
    }
    assertEquals(84, vital("P-1"));
    assertEquals(404, http.get("/api/patients/P-3").statusCode());
  }

  private int vital(String patient) {
    return new JsonObject(http.get("/api/patients/" + patient).body()).getJsonObject("vitals")
        .getJsonObject("PULSE").getInteger("value");
  }
}
