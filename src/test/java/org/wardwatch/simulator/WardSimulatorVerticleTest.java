package org.wardwatch.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class WardSimulatorVerticleTest {

  private static final String HOST = "127.0.0.1";
  /** Long enough for the first connection attempts and a retry to fail. */
  private static final long LATE_START_MS = 600;
  private static final String FIRST = "SIM-test-01";
  private static final String SECOND = "SIM-test-02";
  private static final Pattern HELLO =
      Pattern.compile("HELLO\\|Device=SIM-test-(\\d{2})\\|Patient=P-test-(\\d{2})\\|Bed=(\\d+)\\|Ward=test");
  private static final Pattern FRAME = Pattern.compile(
      "Seq=(\\d+)\\|Temperature=\\d{1,2}\\.\\d\\|Pulse=\\d+\\|BP=(\\d+)/(\\d+)\\|SpO2=\\d+\\|RR=\\d+"
          + "(\\|ACVPU=A\\|O2=air)?");

  @Test
  void devicesRegisterStreamAndReconnectAfterADrop(Vertx vertx, VertxTestContext ctx) {
    Checkpoint registered = ctx.checkpoint(2);
    Checkpoint streaming = ctx.checkpoint(2);
    Checkpoint resumed = ctx.laxCheckpoint();
    Gateway gateway = new Gateway(ctx) {
      @Override
      void onHello(Connection connection) {
        if (connection.number == 1) {
          registered.flag();
        }
      }

      @Override
      String onFrame(Connection connection, long seq, String line) {
        if (connection.number == 1 && seq == 3) {
          streaming.flag();
          if (connection.device.equals(FIRST)) {
            connection.socket.write("ACK|" + seq + "\n").eventually(connection.socket::close);
            return null;
          }
        }
        if (connection.device.equals(FIRST) && connection.number == 2 && seq > 3) {
          resumed.flag();
        }
        return "ACK|" + seq;
      }
    };
    start(vertx, ctx, gateway);
  }

  @Test
  void unacknowledgedFramesAreResentWithTheirOriginalSeqAfterReconnect(Vertx vertx, VertxTestContext ctx) {
    Checkpoint resent = ctx.checkpoint();
    List<String> withheld = new ArrayList<>();
    List<String> afterReconnect = new ArrayList<>();
    Gateway gateway = new Gateway(ctx) {
      @Override
      String onFrame(Connection connection, long seq, String line) {
        if (!connection.device.equals(FIRST)) {
          return "ACK|" + seq;
        }
        if (connection.number == 1) {
          return firstConnection(connection, seq, line);
        }
        afterReconnect.add(line);
        if (afterReconnect.size() == withheld.size()) {
          assertEquals(withheld, afterReconnect, "frames resent after the new HELLO");
          resent.flag();
        }
        return "ACK|" + seq;
      }

      private String firstConnection(Connection connection, long seq, String line) {
        if (seq == 1) {
          return "ACK|1";
        }
        if (seq == 2) {
          return "NAK|2|Pulse out of range";
        }
        withheld.add(line);
        if (seq == 5) {
          connection.socket.close();
        }
        return null;
      }
    };
    start(vertx, ctx, gateway);
  }

  @Test
  void startSucceedsBeforeTheServerListensAndDevicesKeepTrying(Vertx vertx, VertxTestContext ctx) {
    Checkpoint registered = ctx.checkpoint(2);
    Gateway gateway = new Gateway(ctx) {
      @Override
      void onHello(Connection connection) {
        registered.flag();
      }
    };
    vertx.createNetServer().connectHandler(NetSocket::close).listen(0, HOST)
        .compose(probe -> {
          int port = probe.actualPort();
          return probe.close()
              .compose(closed -> vertx.deployVerticle(new WardSimulatorVerticle(config(port))))
              .compose(deployed -> vertx.timer(LATE_START_MS))
              .compose(waited -> gateway.listen(vertx, port));
        })
        .onFailure(ctx::failNow);
  }

  @Test
  void startFailsWhenThePortWasNeverResolved(Vertx vertx, VertxTestContext ctx) {
    vertx.deployVerticle(new WardSimulatorVerticle(config(0)))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertTrue(failure instanceof IllegalStateException, failure::toString);
          ctx.completeNow();
        })));
  }

  private static void start(Vertx vertx, VertxTestContext ctx, Gateway gateway) {
    gateway.listen(vertx, 0)
        .compose(server -> vertx.deployVerticle(new WardSimulatorVerticle(config(server.actualPort()))))
        .onFailure(ctx::failNow);
  }

  private static SimulatorConfig config(int port) {
    return new SimulatorConfig(true, HOST, port, "test", 2, 50, 42L, List.of(), null);
  }

  /**
   * A stand-in for the device server: checks the protocol (HELLO first, well-formed frames, no frame skipped, Seq
   * consecutive on each connection) and lets each test decide the answers. Callbacks are serialised on this object.
   */
  private abstract static class Gateway {
    private final VertxTestContext ctx;
    private final Map<String, Integer> connections = new HashMap<>();
    private final Map<String, Long> highestSeq = new HashMap<>();

    Gateway(VertxTestContext ctx) {
      this.ctx = ctx;
    }

    void onHello(Connection connection) {
    }

    /** The answer line to send for a frame, or {@code null} to send none. */
    String onFrame(Connection connection, long seq, String line) {
      return "ACK|" + seq;
    }

    Future<NetServer> listen(Vertx vertx, int port) {
      return vertx.createNetServer()
          .connectHandler(socket -> {
            Connection connection = new Connection(socket);
            RecordParser.newDelimited("\n", socket)
                .handler(record -> ctx.verify(() -> onLine(connection, record.toString())));
          })
          .listen(port, HOST);
    }

    private synchronized void onLine(Connection connection, String line) {
      if (connection.device == null) {
        hello(connection, line);
        return;
      }
      Matcher frame = FRAME.matcher(line);
      assertTrue(frame.matches(), () -> "malformed frame from " + connection.device + ": " + line);
      assertTrue(Integer.parseInt(frame.group(3)) < Integer.parseInt(frame.group(2)), line);
      long seq = Long.parseLong(frame.group(1));
      assertEquals(seq == 1, frame.group(4) != null, () -> "the assessment is charted with the first frame: " + line);
      long previous = connection.lastSeq != 0 ? connection.lastSeq : highestSeq.getOrDefault(connection.device, 0L);
      if (connection.lastSeq != 0) {
        assertEquals(previous + 1, seq, () -> connection.device + " skipped or repeated: " + line);
      } else {
        assertTrue(seq >= 1 && seq <= previous + 1, () -> connection.device + " lost frames: " + line);
      }
      connection.lastSeq = seq;
      highestSeq.merge(connection.device, seq, Math::max);
      String answer = onFrame(connection, seq, line);
      if (answer != null) {
        connection.socket.write(answer + "\n");
      }
    }

    private void hello(Connection connection, String line) {
      Matcher hello = HELLO.matcher(line);
      assertTrue(hello.matches(), () -> "expected HELLO first, got: " + line);
      assertEquals(hello.group(1), hello.group(2), line);
      assertEquals(Integer.parseInt(hello.group(1)), Integer.parseInt(hello.group(3)), line);
      connection.device = "SIM-test-" + hello.group(1);
      connection.number = connections.merge(connection.device, 1, Integer::sum);
      if (connection.device.equals(SECOND) && connection.number > 1) {
        fail(SECOND + " reconnected although its connection was never dropped");
      }
      connection.socket.write("ACK|\n");
      onHello(connection);
    }
  }

  /** One device connection as the test gateway sees it. */
  private static final class Connection {
    private final NetSocket socket;
    private String device;
    private int number;
    private long lastSeq;

    Connection(NetSocket socket) {
      this.socket = socket;
    }
  }
}
