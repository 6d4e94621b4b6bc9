package org.wardwatch.simulator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor at one simulated bed: produces one observation frame per interval from its {@link SimulatedBed} and
 * delivers it over its own TCP connection to the device server, speaking the line protocol ({@code HELLO}, numbered
 * frames, {@code ACK}/{@code NAK} answers).
 *
 * <p>Its first frame, and one every {@link #CHARTING_EVERY} after it, also carry the bed's charted assessment (alert,
 * on air), as a nurse terminal adds it, so the simulated ward's NEWS2 scores are whole rather than partial.
 *
 * <p>Frames sent but not yet acknowledged are kept in a bounded window; after a reconnect and a new {@code HELLO} they
 * are resent with their original sequence numbers before new ones. The connection is re-established with jittered
 * exponential backoff whenever it fails or closes. Frames keep being produced while disconnected.
 *
 * <p>Thread: every method and callback runs on the event loop of the verticle that created it. Ownership: created,
 * started and stopped by {@link WardSimulatorVerticle}; owns its bed, socket and timers; shares the verticle's client.
 */
final class SimulatedDevice {

  /** Most frames kept for resending; older unacknowledged frames are given up. */
  static final int MAX_UNACKED = 60;

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedDevice.class);
  private static final long MIN_BACKOFF_MS = 250;
  private static final long MAX_BACKOFF_MS = 10_000;
  private static final int MAX_ANSWER_LENGTH = 4096;
  /** How often the assessment is charted: well within NEWS2's freshness (an hour by default). */
  static final Duration CHARTING_EVERY = Duration.ofMinutes(15);
  private static final String CHARTED_ASSESSMENT = "|ACVPU=A|O2=air";

  private final Vertx vertx;
  private final NetClient client;
  private final List<String> servers;
  private int server;
  private final long intervalMs;
  private final String id;
  private final String hello;
  private final SimulatedBed bed;
  private final NavigableMap<Long, String> unacked = new TreeMap<>();
  private long nextSeq = 1;
  private long sentUpTo;
  private NetSocket socket;
  private boolean registered;
  private boolean stopped;
  private long backoffMs = MIN_BACKOFF_MS;
  private long frameTimer = -1;
  private long connectTimer = -1;

  SimulatedDevice(Vertx vertx, NetClient client, SimulatorConfig config, int bedNumber) {
    this.vertx = vertx;
    this.client = client;
    this.servers = config.servers();
    this.intervalMs = config.intervalMs();
    String number = String.format("%02d", bedNumber);
    this.id = "SIM-" + config.ward() + "-" + number;
    this.hello = "HELLO|Device=" + id + "|Patient=P-" + config.ward() + "-" + number + "|Bed=" + bedNumber
        + "|Ward=" + config.ward();
    this.bed = new SimulatedBed(bedNumber, config.seed());
  }

  /** The device id this monitor announces, {@code SIM-<ward>-<nn>}. */
  String id() {
    return id;
  }

  /** Connects and starts producing frames after {@code delayMs}, then every interval. */
  void start(long delayMs) {
    long delay = Math.max(1, delayMs);
    connectTimer = vertx.setTimer(delay, timer -> connect());
    frameTimer = vertx.setPeriodic(delay, intervalMs, timer -> tick());
  }

  /** Cancels the timers and closes the connection; the device does not reconnect afterwards. */
  Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(frameTimer);
    vertx.cancelTimer(connectTimer);
    NetSocket current = socket;
    socket = null;
    registered = false;
    return current == null ? Future.succeededFuture() : current.close();
  }

  private void connect() {
    connectTimer = -1;
    String target = servers.get(server);
    int colon = target.lastIndexOf(':');
    client.connect(Integer.parseInt(target.substring(colon + 1)), target.substring(0, colon)).onComplete(connected -> {
      if (connected.succeeded()) {
        onConnected(connected.result());
      } else {
        scheduleReconnect("connection to " + target + " failed (" + connected.cause().getMessage() + ")");
      }
    });
  }

  private void onConnected(NetSocket connection) {
    if (stopped) {
      connection.close();
      return;
    }
    socket = connection;
    sentUpTo = 0;
    registered = false;
    RecordParser parser = RecordParser.newDelimited("\n", connection).maxRecordSize(MAX_ANSWER_LENGTH);
    parser.handler(record -> {
      if (connection == socket) {
        onAnswer(record);
      }
    });
    parser.exceptionHandler(failure -> {
      LOG.warn("[{}] unreadable answer, closing: {}", id, failure.getMessage());
      connection.close();
    });
    connection.exceptionHandler(failure -> LOG.debug("[{}] connection error: {}", id, failure.getMessage()));
    connection.closeHandler(closed -> onClosed(connection));
    LOG.debug("[{}] connected to {}, saying HELLO", id, servers.get(server));
    connection.write(hello + "\n");
  }

  private void onClosed(NetSocket connection) {
    if (connection != socket) {
      return;
    }
    socket = null;
    registered = false;
    scheduleReconnect("connection closed");
  }

  private void scheduleReconnect(String reason) {
    if (stopped) {
      return;
    }
    server = (server + 1) % servers.size(); // the next device server of the cluster, if there are others
    long delay = Math.max(1, Math.round(backoffMs * (0.75 + 0.5 * ThreadLocalRandom.current().nextDouble())));
    backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
    LOG.info("[{}] {}; reconnecting in {} ms", id, reason, delay);
    connectTimer = vertx.setTimer(delay, timer -> connect());
  }

  private void tick() {
    long seq = nextSeq++;
    String frame = bed.next(Duration.ofMillis(intervalMs)).toFrame(seq);
    boolean charting = (seq - 1) % Math.max(1, CHARTING_EVERY.toMillis() / intervalMs) == 0;
    unacked.put(seq, charting ? frame + CHARTED_ASSESSMENT : frame);
    if (unacked.size() > MAX_UNACKED) {
      LOG.debug("[{}] giving up unacknowledged frame {}", id, unacked.pollFirstEntry().getKey());
    }
    flush();
  }

  /** Writes every window frame not yet written on this connection, in order, until the write queue is full. */
  private void flush() {
    if (!registered || socket == null) {
      return;
    }
    for (Map.Entry<Long, String> frame : unacked.tailMap(sentUpTo, false).entrySet()) {
      if (socket.writeQueueFull()) {
        LOG.debug("[{}] write queue full, holding frames from {}", id, frame.getKey());
        return;
      }
      socket.write(frame.getValue() + "\n");
      sentUpTo = frame.getKey();
    }
  }

  private void onAnswer(Buffer record) {
    String line = record.toString(StandardCharsets.UTF_8).strip();
    if (line.isEmpty()) {
      return;
    }
    String[] parts = line.split("\\|", 3);
    String seqText = parts.length > 1 ? parts[1] : "";
    String detail = parts.length > 2 ? parts[2] : "";
    if (seqText.isEmpty()) {
      onUnnumberedAnswer(parts[0], line);
    } else if (!seqText.chars().allMatch(Character::isDigit) || seqText.length() > 18) {
      LOG.warn("[{}] unexpected answer: {}", id, line);
    } else {
      onFrameAnswer(parts[0], Long.parseLong(seqText), detail, line);
    }
  }

  private void onFrameAnswer(String verdict, long seq, String detail, String line) {
    if ("ACK".equals(verdict)) {
      unacked.remove(seq);
      if (!detail.isEmpty()) {
        LOG.debug("[{}] frame {} accepted: {}", id, seq, detail);
      }
    } else if ("NAK".equals(verdict)) {
      unacked.remove(seq);
      LOG.warn("[{}] frame {} rejected: {}", id, seq, detail);
    } else {
      LOG.warn("[{}] unexpected answer: {}", id, line);
    }
  }

  /** An answer without a sequence number: the reply to HELLO, or a refusal of a frame the server could not number. */
  private void onUnnumberedAnswer(String verdict, String line) {
    if ("ACK".equals(verdict) && !registered) {
      registered = true;
      backoffMs = MIN_BACKOFF_MS;
      if (unacked.isEmpty()) {
        LOG.info("[{}] registered with {}", id, servers.get(server));
      } else {
        LOG.info("[{}] registered with {}, {} frame(s) pending from seq {}",
            id, servers.get(server), unacked.size(), unacked.firstKey());
      }
      flush();
    } else if ("NAK".equals(verdict) && !registered) {
      LOG.warn("[{}] HELLO refused, closing: {}", id, line);
      socket.close();
    } else {
      LOG.warn("[{}] unexpected answer: {}", id, line);
    }
  }
}
