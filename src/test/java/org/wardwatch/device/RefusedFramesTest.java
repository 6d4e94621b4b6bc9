package org.wardwatch.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.node.NodeVerticle;
import org.wardwatch.testing.DeviceClient;
import org.wardwatch.testing.TestNode;
import org.wardwatch.testing.WardAlarms;
import org.wardwatch.web.RestClient;

/**
 * A whole node: the invalid-signal alarm stands while a device's latest frame was refused, so a refused frame that an
 * accepted one of the same device and patient follows in the same read raises none, and a refused frame that is the
 * device's latest does, also on a connection relaying frames that name their own device, for a patient whose first
 * frame it is, and for a probe beside the monitor none of whose values was ever recorded.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class RefusedFramesTest {

  private NodeVerticle node;
  private WardAlarms alarms;

  @BeforeEach
  void startNode(Vertx vertx) {
    node = TestNode.deploy(vertx);
    alarms = WardAlarms.listen(vertx, "refusals");
  }

  @Test
  void onlyARefusedFrameThatIsTheDevicesLatestRaisesTheInvalidSignalAlarm() throws InterruptedException {
    try (DeviceClient monitor = new DeviceClient(node.devicePort())) {
      monitor.exchange("HELLO|Device=MON-R|Patient=PR|Ward=refusals\nPulse=80|Seq=1\n", "ACK|", "ACK|1");

      // one read: the refused frame is not the latest
      monitor.exchange("Pulse=abc|Seq=2\nPulse=81|Seq=3\n", "NAK|2|Pulse 'abc' is not a number", "ACK|3");
      monitor.exchange("SpO2=abc|Seq=4\n", "NAK|4|SpO2 'abc' is not a number");

      JsonObject raised = firstInvalidSignal();
      assertNotNull(raised, "the latest frame's refusal raises the alarm");
      assertEquals("RAISED", raised.getString("type"));
      assertEquals("Invalid data from MON-R: SpO2 'abc' is not a number",
          raised.getJsonObject("alarm").getString("message"));
    }
  }

  /** A thermometer beside the patient's monitor, set to Fahrenheit: none of its values was ever recorded. */
  @Test
  void aProbeWhoseEveryFrameIsRefusedRaisesTheInvalidSignalAlarmBesideTheMonitor() throws InterruptedException {
    try (DeviceClient monitor = new DeviceClient(node.devicePort());
        DeviceClient thermometer = new DeviceClient(node.devicePort())) {
      monitor.exchange("HELLO|Device=MON-P|Patient=PP|Ward=refusals\nPulse=80|Seq=1\n", "ACK|", "ACK|1");

      thermometer.exchange("HELLO|Device=TEMP-P|Patient=PP|Ward=refusals\nTemperature=101|Seq=1\n", "ACK|",
          "NAK|1|Temperature 101 Cel is implausible (accepted range 0–50)");

      JsonObject raised = firstInvalidSignal();
      assertNotNull(raised, "its values are lost: a clinician must know");
      assertEquals(List.of("RAISED", "PP", "Invalid data from TEMP-P: Temperature 101 Cel is implausible (accepted "
          + "range 0–50)"), List.of(raised.getString("type"), raised.getString("patient"),
          raised.getJsonObject("alarm").getString("message")));
    }
  }

  /** A value that is no number, read after the frame's identity; a field the frame cannot even be split at. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "Pulse=abc|Seq=1; NAK|1|Pulse 'abc' is not a number",
      "Pulse:80; NAK||malformed field 'Pulse:80': expected Key=Value"})
  void aNewPatientWhoseFirstFrameIsRefusedIsShownInItsBedWithTheInvalidSignalAlarm(String frame, String nak)
      throws InterruptedException {
    try (DeviceClient monitor = new DeviceClient(node.devicePort())) {
      monitor.exchange("HELLO|Device=MON-N|Ward=refusals|Bed=4\n" + frame + "\n", "ACK|", nak);

      JsonObject raised = firstInvalidSignal();
      assertNotNull(raised, "a bed whose monitor sends only refused frames does not look unmonitored and silent");
      assertEquals(List.of("MON-N@refusals:4", "refusals"), List.of(raised.getString("patient"),
          raised.getString("ward")));
      JsonObject tile = new JsonObject(new RestClient(node.httpPort()).get("/api/patients/MON-N@refusals:4").body());
      assertEquals("4", tile.getString("bed"));
      assertEquals(raised.getString("alarmId"), tile.getJsonArray("technicalAlarms").getJsonObject(0).getString("id"));
    }
  }

  @Test
  void aFrameRefusedBeforeItsPatientWasReadAdmitsNoPatientOfItsConnection() throws InterruptedException {
    try (DeviceClient relay = new DeviceClient(node.devicePort())) {
      relay.exchange("HELLO|Device=REL-1|Ward=refusals|Bed=5\nPatient=PR5|Pulse=80|Seq=1\nPatient=PR5|Pulse\n", "ACK|",
          "ACK|1", "NAK||malformed field 'Pulse': expected Key=Value");

      assertNull(firstInvalidSignal(), "the frame may have been PR5's, or any patient's the relay names");
      assertEquals(404, new RestClient(node.httpPort()).get("/api/patients/REL-1@refusals:5").statusCode());
    }
  }

  @Test
  void aRefusedHelloAndTheFramesAfterItAreNoInvalidDataOfThePatientBefore() throws InterruptedException {
    try (DeviceClient monitor = new DeviceClient(node.devicePort())) {
      monitor.exchange("HELLO|Device=MON-H|Patient=PH|Ward=refusals\nPulse=80|Seq=1\n", "ACK|", "ACK|1");

      monitor.exchange("HELLO|Device=MON-H|Patient=bad id\nPulse\n", // one read: the session follows the HELLO
          "NAK||Patient 'bad id' is invalid: use 1-64 letters, digits, '.', '_', ':' or '-', not '.' or '..' alone",
          "NAK||malformed field 'Pulse': expected Key=Value");

      assertNull(firstInvalidSignal(), "the device meant another patient: no alarm on PH that nothing would end");
    }
  }

  @Test
  void aHelloCutShortByTheDeviceClosingIsNoInvalidDataOfThePatientBefore() throws InterruptedException {
    try (DeviceClient monitor = new DeviceClient(node.devicePort())) {
      monitor.exchange("HELLO|Device=MON-U|Patient=PU|Ward=refusals\nPulse=80|Seq=1\n", "ACK|", "ACK|1");

      monitor.send("HELLO|Device=MON-U|Patient=PV").shutdownOutput();

      assertEquals("NAK||no line ending before the device closed its sending side; not recorded", monitor.readLine());
    }
    assertNull(firstInvalidSignal(), "the device meant another patient: no alarm on PU");
  }

  @Test
  void framesNamingTheirOwnDeviceAreJudgedByTheirDeviceNotByTheConnections() throws InterruptedException {
    try (DeviceClient relay = new DeviceClient(node.devicePort())) {
      relay.exchange("HELLO|Device=RELAY-1|Patient=PR|Ward=refusals\nPulse=80|Seq=1\n"
          + "Device=BED-2|Patient=PR2|Ward=refusals|Pulse=70|Seq=1\n", "ACK|", "ACK|1", "ACK|1");

      // BED-2's refused frame and its accepted one; the relay's own refused frame, then BED-2's accepted one
      relay.exchange("Device=BED-2|Patient=PR2|Ward=refusals|Pulse=abc|Seq=2\n"
          + "Device=BED-2|Patient=PR2|Ward=refusals|Pulse=71|Seq=3\nPulse=xyz|Seq=2\n"
          + "Device=BED-2|Patient=PR2|Ward=refusals|Pulse=72|Seq=4\n",
          "NAK|2|Pulse 'abc' is not a number", "ACK|3", "NAK|2|Pulse 'xyz' is not a number", "ACK|4");

      JsonObject raised = firstInvalidSignal();
      assertNotNull(raised, "the relay's own latest frame was refused");
      assertEquals("PR", raised.getString("patient"));
      assertEquals("Invalid data from RELAY-1: Pulse 'xyz' is not a number",
          raised.getJsonObject("alarm").getString("message"));
      assertNull(firstInvalidSignal(), "BED-2's refused frame was followed by an accepted one");
    }
  }

  private JsonObject firstInvalidSignal() throws InterruptedException {
    return alarms.next(transition -> "TECHNICAL:INVALID_SIGNAL".equals(
        transition.getJsonObject("alarm").getString("condition")), Duration.ofSeconds(3));
  }
}
