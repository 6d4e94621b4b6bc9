package org.wardwatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClosedException;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.wardwatch.node.NodeVerticle;
import org.wardwatch.testing.TestNode;

/**
 * A client of the bridge's raw WebSocket transport that drops without closing (its network gone) logs no ERROR, as
 * {@code logback.xml} has the bridge's logs go through {@link DroppedWebSocketLogFilter}; Vert.x's SockJS bridge logged
 * one.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class DroppedWebSocketLogFilterTest {

  @Test
  void theNodesLogbackConfigurationDeclaresTheFilter() throws Exception {
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try (InputStream config = getClass().getResourceAsStream("/logback.xml")) {
      configurator.doConfigure(config);
    }

    assertTrue(context.getTurboFilterList().stream().anyMatch(DroppedWebSocketLogFilter.class::isInstance),
        "logback.xml declares it");
    context.stop();
  }

  @Test
  void onlyTheBridgesSocketExceptionOfAConnectionClosedOrResetIsKeptOut() {
    DroppedWebSocketLogFilter filter = new DroppedWebSocketLogFilter();
    Logger bridge = (Logger) LoggerFactory.getLogger(DroppedWebSocketLogFilter.BRIDGE_LOGGER);
    Logger other = (Logger) LoggerFactory.getLogger(DroppedWebSocketLogFilterTest.class);
    String exception = DroppedWebSocketLogFilter.SOCKET_EXCEPTION;

    assertEquals(FilterReply.DENY, filter.decide(null, bridge, Level.ERROR, exception, null,
        new HttpClosedException("Connection was closed")));
    assertEquals(FilterReply.DENY, filter.decide(null, bridge, Level.ERROR, exception, null,
        new IOException("Connection reset by peer")));
    assertEquals(FilterReply.DENY, filter.decide(null, bridge, Level.ERROR, exception, null,
        new CorruptedWebSocketFrameException(WebSocketCloseStatus.MESSAGE_TOO_BIG, "Max frame length exceeded")),
        "a client's frame over the limit: its fault, at its will");
    assertEquals(FilterReply.NEUTRAL, filter.decide(null, bridge, Level.ERROR, exception, null,
        new IllegalStateException("a bug")), "another failure of a connection is logged");
    assertEquals(FilterReply.NEUTRAL, filter.decide(null, bridge, Level.ERROR, "Error in performing authorization",
        null, new IOException("reset")), "the bridge's other errors are logged");
    assertEquals(FilterReply.NEUTRAL, filter.decide(null, other, Level.ERROR, exception, null,
        new IOException("reset")));
    assertEquals(FilterReply.NEUTRAL, filter.decide(null, bridge, Level.DEBUG, null, null, null), "a level check");
  }

  @Test
  void aWebSocketDroppedWithoutClosingLogsNoError(Vertx vertx) throws Exception {
    NodeVerticle node = TestNode.deploy(vertx);
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    DroppedWebSocketLogFilter filter = new DroppedWebSocketLogFilter();
    context.addTurboFilter(filter); // as logback.xml does (the tests run with logback-test.xml)
    Logger bridge = context.getLogger(DroppedWebSocketLogFilter.BRIDGE_LOGGER);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    bridge.addAppender(logged);
    try {
      try (Socket socket = new Socket("127.0.0.1", node.httpPort())) {
        socket.getOutputStream().write(("GET /eventbus/websocket HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Origin: " + TestNode.DASHBOARD_ORIGIN + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        byte[] answer = new byte[12];
        assertEquals(12, socket.getInputStream().readNBytes(answer, 0, 12));
        assertEquals("HTTP/1.1 101", new String(answer, StandardCharsets.US_ASCII), "a WebSocket opened");
        // closed without a close frame
      }
      Thread.sleep(1000); // the node finds the connection gone

      assertEquals(List.of(), logged.list.stream().filter(event -> event.getLevel() == Level.ERROR)
          .map(ILoggingEvent::getFormattedMessage).toList());
    } finally {
      bridge.detachAppender(logged);
      context.getTurboFilterList().remove(filter);
    }
  }
}
