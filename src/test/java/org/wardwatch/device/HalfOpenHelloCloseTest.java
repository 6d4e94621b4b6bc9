package org.wardwatch.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.bus.BusRequests;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.parsing.BatchVerdict;
import org.wardwatch.parsing.FrameBatch;
import org.wardwatch.parsing.FrameVerdict;

/**
 * A connection half-open since its {@code HELLO} (the device died after it) is closed within what the {@code HELLO}'s
 * announcement says ({@link DeviceEvent#closedIfSilentWithin}), on which the engine relies not to show a disconnected
 * device back before that connection's end: also when the {@code HELLO} waited at a slow parser behind another batch,
 * the idle timeout running out meanwhile (a connection is not closed while a batch of it is at the parser). The parser
 * here is the test, answering each batch after {@value #PARSE_MS} ms, under the session's parse timeout.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class HalfOpenHelloCloseTest {

  private static final int IDLE_SECONDS = 1;
  /**
   * Each batch's time at the parser: the two batches' is longer than the idle timeout and the parser's timeout
   * together, so that an announcement that left out the {@code HELLO}'s wait would say too little.
   */
  private static final long PARSE_MS = 6_000;
  private static final DeviceIdentity MONITOR = new DeviceIdentity("MON-7", "PX", null, "relay");
  private static final DeviceIdentity CUFF = new DeviceIdentity("CUFF-1", "PQ", null, "relay");

  private ParserStandIn parser;

  @BeforeEach
  void deployWithTheTestAsParser(Vertx vertx) {
    parser = ParserStandIn.deploy(vertx, IDLE_SECONDS);
  }

  @Test
  void aConnectionHalfOpenSinceAHelloThatWaitedAtTheParserIsClosedWithinWhatItsAnnouncementSays(Vertx vertx)
      throws Exception {
    try (Socket relay = new Socket("127.0.0.1", parser.port())) {
      OutputStream out = relay.getOutputStream();
      out.write("Device=MON-7|Patient=PX|Ward=relay|Pulse=80|Seq=1\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Message<FrameBatch> first = parser.batches.poll(10, TimeUnit.SECONDS);
      assertNotNull(first, "the first batch reached the parser");
      // read while the first batch is at the parser; then nothing more: half-open since this HELLO
      out.write("HELLO|Device=CUFF-1|Patient=PQ|Ward=relay\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(PARSE_MS);
      BusRequests.answer(vertx.eventBus(), first, new BatchVerdict(DeviceIdentity.UNKNOWN,
          List.of(FrameVerdict.accepted("1", null, MONITOR)), List.of(MONITOR)));
      Message<FrameBatch> hello = parser.batches.poll(10, TimeUnit.SECONDS);
      assertNotNull(hello, "the HELLO's batch reached the parser");
      Thread.sleep(PARSE_MS);
      BusRequests.answer(vertx.eventBus(), hello,
          new BatchVerdict(CUFF, List.of(FrameVerdict.hello(null, null, CUFF))));

      DeviceEvent connected = next(DeviceEvent.Kind.CONNECTED);
      DeviceEvent disconnected = next(DeviceEvent.Kind.DISCONNECTED);
      assertEquals(CUFF, connected.source());
      Instant closedBy = connected.at().plus(connected.closedIfSilentWithin());
      assertFalse(disconnected.at().isAfter(closedBy), "the connection, half-open since its HELLO read at "
          + connected.at() + ", was closed at " + disconnected.at() + ", after " + closedBy + " its announcement said");
    }
  }

  /** The next announcement of {@code kind} about the cuff. */
  private DeviceEvent next(DeviceEvent.Kind kind) throws InterruptedException {
    for (JsonObject json; (json = parser.events.poll(30, TimeUnit.SECONDS)) != null; ) {
      DeviceEvent event = DeviceEvent.fromJson(json);
      if (event.kind() == kind && CUFF.equals(event.source())) {
        return event;
      }
    }
    throw new AssertionError("no " + kind + " announced for the cuff");
  }
}
