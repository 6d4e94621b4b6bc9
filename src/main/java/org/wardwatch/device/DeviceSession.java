package org.wardwatch.device;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.bus.Addresses;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.parsing.BatchVerdict;
import org.wardwatch.parsing.FrameBatch;
import org.wardwatch.parsing.FrameVerdict;

/**
 * One device connection: frames its bytes, sends each read's frames to the parser as one batch, writes one answer line
 * per frame in order, and owns the connection's identity (set by {@code HELLO}).
 *
 * <p>Back-pressure: reading is paused while a batch is being parsed and while the device is not reading its answers,
 * so a fast or stuck device cannot make the gateway buffer without bound. A device whose frames are rejected
 * {@code maxConsecutiveBadFrames} times in a row gets a final NAK and is disconnected. Once the device has said who
 * it is, its disconnection and its rejected frames are announced on {@link Addresses#DEVICE_EVENTS} for technical
 * alarms. Runs on the event loop of the device server verticle that accepted the connection.
 */
final class DeviceSession {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceSession.class);
  private static final long PARSE_TIMEOUT_MS = 10_000;
  private static final String CUT_OFF_REASON = "too many invalid frames in a row; closing connection";

  private final NetSocket socket;
  private final Context context;
  private final EventBus eventBus;
  private final DeviceServerConfig config;
  private final LineFramer framer;
  private DeviceIdentity identity = DeviceIdentity.UNKNOWN;
  private int consecutiveBadFrames;
  private boolean parsing;
  private boolean inputEnded;
  private boolean closing;

  DeviceSession(NetSocket socket, Context context, DeviceServerConfig config) {
    this.socket = socket;
    this.context = context;
    this.eventBus = context.owner().eventBus();
    this.config = config;
    this.framer = new LineFramer(config.maxFrameLength());
  }

  void start() {
    socket.handler(this::onRead);
    socket.exceptionHandler(error -> LOG.warn("[{}] connection error: {}", name(), error.getMessage()));
    socket.closeHandler(closed -> {
      LOG.debug("[{}] disconnected", name());
      announce("disconnected", null);
    });
    InputShutdown.onInputShutdown(socket, () -> {
      inputEnded = true;
      closeOnceAnswered();
    });
  }

  private void onRead(Buffer chunk) {
    if (closing) {
      return;
    }
    List<FrameEvent> events = framer.feed(chunk);
    if (events.isEmpty()) {
      return;
    }
    List<String> lines = new ArrayList<>(events.size());
    for (FrameEvent event : events) {
      if (event instanceof FrameEvent.Line line) {
        lines.add(line.text());
      }
    }
    socket.pause();
    parsing = true;
    parse(lines).onComplete(result -> answer(events, result));
  }

  private Future<BatchVerdict> parse(List<String> lines) {
    if (lines.isEmpty()) {
      return Future.succeededFuture(new BatchVerdict(identity, List.of()));
    }
    FrameBatch batch = new FrameBatch(identity, Instant.now(), lines);
    return eventBus.<BatchVerdict>request(Addresses.FRAMES, batch,
            new DeliveryOptions().setSendTimeout(PARSE_TIMEOUT_MS))
        .map(Message::body);
  }

  private void answer(List<FrameEvent> events, AsyncResult<BatchVerdict> result) {
    parsing = false;
    if (result.failed()) {
      LOG.error("[{}] frame parsing failed; asking the device to resend", name(), result.cause());
    } else {
      identity = result.result().session();
    }
    Iterator<FrameVerdict> verdicts = result.succeeded() ? result.result().verdicts().iterator() : null;
    Buffer answers = Buffer.buffer();
    for (FrameEvent event : events) {
      FrameVerdict verdict = verdictFor(event, verdicts);
      answers.appendString(AnswerLine.of(verdict));
      if (!verdict.accepted()) {
        LOG.debug("[{}] NAK: {}", name(), verdict.detail());
        if (result.succeeded()) { // the device's data was at fault, not the gateway (which asks for a resend)
          announce("rejected", verdict.detail());
        }
      }
      if (result.succeeded()) {
        consecutiveBadFrames = verdict.accepted() ? 0 : consecutiveBadFrames + 1;
      }
      if (consecutiveBadFrames >= config.maxConsecutiveBadFrames()) {
        cutOff(answers);
        return;
      }
    }
    socket.write(answers);
    if (socket.writeQueueFull()) {
      socket.drainHandler(drained -> socket.resume());
    } else {
      socket.resume();
    }
    if (inputEnded) {
      closeOnceAnswered();
    }
  }

  /**
   * After the device shut down its sending side: closes once no batch is in flight. Checked from a later task so that
   * frames still queued behind a pause are delivered (and answered) first.
   */
  private void closeOnceAnswered() {
    context.runOnContext(later -> {
      if (!parsing && !closing) {
        closing = true;
        socket.close();
      }
    });
  }

  private static FrameVerdict verdictFor(FrameEvent event, Iterator<FrameVerdict> verdicts) {
    if (event instanceof FrameEvent.Overlong overlong) {
      return FrameVerdict.rejected(null, "frame longer than " + overlong.maxFrameLength() + " bytes");
    }
    if (verdicts == null) {
      return FrameVerdict.rejected(null, "gateway could not process the frame now; resend it");
    }
    return verdicts.next();
  }

  private void cutOff(Buffer answers) {
    closing = true;
    LOG.warn("[{}] {} invalid frames in a row; disconnecting", name(), consecutiveBadFrames);
    answers.appendString(AnswerLine.of(FrameVerdict.rejected(null, CUT_OFF_REASON)));
    socket.write(answers).eventually(socket::close);
  }

  /** Tells the clinical engine about the device (for technical alarms) once the device has said who it is. */
  private void announce(String event, String reason) {
    if (identity.device() != null) {
      eventBus.publish(Addresses.DEVICE_EVENTS,
          new JsonObject().put("event", event).put("source", identity.toJson()).put("reason", reason));
    }
  }

  /** The device id once known, else the remote address: for log lines. */
  private String name() {
    return identity.device() != null ? identity.device() : String.valueOf(socket.remoteAddress());
  }
}
