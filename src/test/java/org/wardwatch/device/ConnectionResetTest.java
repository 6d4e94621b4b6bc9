package org.wardwatch.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.bus.BusFailures;
import org.wardwatch.bus.BusRequests;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.parsing.BatchVerdict;
import org.wardwatch.parsing.FrameBatch;
import org.wardwatch.parsing.FrameVerdict;

/**
 * A connection reset while its frames are at the parser: the devices and patients those frames name are announced
 * disconnected once the parser has answered, also when the connection did not know them before (its first batch, with
 * its {@code HELLO}), and those announced at the reset again, with the same connection (the batch may have admitted
 * their patient since; the engine judges a second end of one connection as the first). The parser here is the test,
 * which holds the batch until the reset has been seen.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class ConnectionResetTest {

  private static final DeviceIdentity MONITOR = new DeviceIdentity("MON-6", "PG", null, "relay");

  private ParserStandIn parser;

  @BeforeEach
  void deployWithTheTestAsParser(Vertx vertx) {
    parser = ParserStandIn.deploy(vertx, 60);
  }

  @Test
  void aConnectionResetWhileItsFirstBatchIsParsedIsAnnouncedForTheDeviceThatBatchNamed(Vertx vertx) throws Exception {
    Message<FrameBatch> batch;
    try (Socket device = new Socket("127.0.0.1", parser.port())) {
      OutputStream out = device.getOutputStream();
      out.write("HELLO|Device=MON-6|Patient=PG|Ward=relay\nPulse=80|Seq=1\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      batch = parser.batches.poll(10, TimeUnit.SECONDS);
      assertNotNull(batch, "the batch reached the parser");
      device.setSoLinger(true, 0); // closed with a reset
    }
    Thread.sleep(500); // the gateway sees the reset while the batch is still at the parser
    assertTrue(parser.events.isEmpty(), "at the reset the connection had named no device yet");

    BusRequests.answer(vertx.eventBus(), batch, new BatchVerdict(MONITOR,
        List.of(FrameVerdict.hello(null, null, MONITOR), FrameVerdict.accepted("1", null))));

    JsonObject announced = parser.events.poll(10, TimeUnit.SECONDS);
    assertNotNull(announced, "no disconnection announced for the device the batch named");
    DeviceEvent event = DeviceEvent.fromJson(announced);
    assertEquals(DeviceEvent.Kind.DISCONNECTED, event.kind());
    assertEquals(MONITOR, event.source());
    assertNotNull(event.at());
  }

  @Test
  void aDeviceAnnouncedAtTheResetIsAnnouncedAgainWhenItsBatchInFlightIsAnswered(Vertx vertx) throws Exception {
    assertAnnouncedAgain(vertx, inFlight -> BusRequests.answer(vertx.eventBus(), inFlight,
        new BatchVerdict(MONITOR, List.of(FrameVerdict.accepted("1", null)))));
  }

  @Test
  void aDeviceAnnouncedAtTheResetIsAnnouncedAgainWhenItsBatchInFlightFails(Vertx vertx) throws Exception {
    assertAnnouncedAgain(vertx, inFlight -> BusRequests.refuse(vertx.eventBus(), inFlight, BusFailures.UNAVAILABLE,
        "not recorded: not stored")); // its frames were applied all the same
  }

  @Test
  void aMonitorOnlyABatchInFlightNamedIsAnnouncedWhenItsAnswerFails(Vertx vertx) throws Exception {
    DeviceIdentity relay = new DeviceIdentity("RELAY-1", null, null, "relay");
    try (Socket device = new Socket("127.0.0.1", parser.port())) {
      device.getOutputStream().write("HELLO|Device=RELAY-1|Ward=relay\n".getBytes(StandardCharsets.US_ASCII));
      BusRequests.answer(vertx.eventBus(), parser.batches.poll(10, TimeUnit.SECONDS),
          new BatchVerdict(relay, List.of(FrameVerdict.hello(null, null, relay))));
      device.getInputStream().read(new byte[5]); // ACK|\n
      assertEquals(DeviceEvent.Kind.CONNECTED, DeviceEvent.fromJson(parser.events.poll(10, TimeUnit.SECONDS)).kind());
      device.getOutputStream().write("Device=MON-7|Patient=PX|Ward=relay|Pulse=80|Seq=1\n"
          .getBytes(StandardCharsets.US_ASCII));
      Message<FrameBatch> inFlight = parser.batches.poll(10, TimeUnit.SECONDS);
      assertNotNull(inFlight);
      device.setSoLinger(true, 0);
      device.close();
      assertEquals(relay, DeviceEvent.fromJson(parser.events.poll(10, TimeUnit.SECONDS)).source(), "at the reset");

      BusRequests.refuse(vertx.eventBus(), inFlight, BusFailures.UNAVAILABLE, "not recorded: not stored");
    }

    assertEquals(relay, DeviceEvent.fromJson(parser.events.poll(10, TimeUnit.SECONDS)).source(), "again");
    assertEquals(new DeviceIdentity("MON-7", "PX", null, "relay"),
        DeviceEvent.fromJson(parser.events.poll(10, TimeUnit.SECONDS)).source(),
        "its frame may have been applied before the store failed: PX is carried by this connection");
  }

  /**
   * The connection, its device known, is reset while a batch is at the parser, which then {@code answers} it: the
   * device, announced at the reset, is announced again, alike.
   */
  private void assertAnnouncedAgain(Vertx vertx, Consumer<Message<FrameBatch>> answers) throws Exception {
    DeviceEvent atTheReset;
    try (Socket device = new Socket("127.0.0.1", parser.port())) {
      device.getOutputStream().write("HELLO|Device=MON-6|Patient=PG|Ward=relay\n".getBytes(StandardCharsets.US_ASCII));
      BusRequests.answer(vertx.eventBus(), parser.batches.poll(10, TimeUnit.SECONDS),
          new BatchVerdict(MONITOR, List.of(FrameVerdict.hello(null, null, MONITOR))));
      device.getInputStream().read(new byte[5]); // ACK|\n: the session knows the device
      assertEquals(DeviceEvent.Kind.CONNECTED, DeviceEvent.fromJson(parser.events.poll(10, TimeUnit.SECONDS)).kind());
      device.getOutputStream().write("Pulse=80|Seq=1\n".getBytes(StandardCharsets.US_ASCII));
      Message<FrameBatch> inFlight = parser.batches.poll(10, TimeUnit.SECONDS);
      assertNotNull(inFlight);
      device.setSoLinger(true, 0);
      device.close();
      atTheReset = DeviceEvent.fromJson(parser.events.poll(10, TimeUnit.SECONDS));
      assertEquals(MONITOR, atTheReset.source(), "announced at the reset");

      answers.accept(inFlight);
    }

    JsonObject again = parser.events.poll(10, TimeUnit.SECONDS);
    assertNotNull(again, "its values may have admitted the patient since the first announcement");
    assertEquals(atTheReset, DeviceEvent.fromJson(again));
    assertNull(parser.events.poll(1, TimeUnit.SECONDS), "once more only");
  }
}
