package org.wardwatch.device;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.BusCodecs;
import org.wardwatch.parsing.FrameBatch;

/**
 * A device server whose parser is the test: the batches it sends to be parsed wait in {@link #batches} for the test
 * to answer ({@code BusRequests.answer}), when it likes, and what its connections announce to the clinical engines
 * in {@link #events}. For the tests of what a connection announces while a batch of it is at the parser.
 */
final class ParserStandIn {

  /** The batches sent to be parsed, unanswered. */
  final BlockingQueue<Message<FrameBatch>> batches = new LinkedBlockingQueue<>();
  /** The device events announced, as they crossed the bus. */
  final BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
  private final DeviceServerVerticle server;

  private ParserStandIn(DeviceServerVerticle server) {
    this.server = server;
  }

  /** Deploys a device server closing a connection silent for {@code idleTimeoutSeconds}, with the test as parser. */
  static ParserStandIn deploy(Vertx vertx, int idleTimeoutSeconds) {
    BusCodecs.register(vertx);
    ParserStandIn standIn = new ParserStandIn(new DeviceServerVerticle(new DeviceServerConfig("127.0.0.1", 0,
        DevicePipeline.MAX_FRAME, idleTimeoutSeconds, DevicePipeline.MAX_BAD, DevicePipeline.MAX_CONNECTIONS)));
    vertx.eventBus().<FrameBatch>localConsumer(Addresses.FRAMES, standIn.batches::add).completion().await();
    vertx.eventBus().<JsonObject>localConsumer(Addresses.DEVICE_EVENTS, event -> standIn.events.add(event.body()))
        .completion().await();
    vertx.deployVerticle(standIn.server).await();
    return standIn;
  }

  /** The device server's port. */
  int port() {
    return server.actualPort();
  }
}
