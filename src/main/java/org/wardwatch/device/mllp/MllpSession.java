package org.wardwatch.device.mllp;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.BusRequests;

/**
 * One MLLP connection from a monitor or gateway: frames its bytes, hands each message to the HL7 parser and writes
 * back that message's ACKs (those it asks for), strictly one message after the other, so every ACK answers the message
 * before it and no ACK can be matched to the wrong message. Reading is paused while messages are being answered, and
 * while the sender is not reading its ACKs.
 *
 * <p>A sender that streams more stray bytes than a whole message without a single frame is disconnected. Runs on the
 * event loop of the MLLP server verticle that accepted the connection.
 */
final class MllpSession {

  private static final Logger LOG = LoggerFactory.getLogger(MllpSession.class);
  /** How long a message waits for the parser's ACK before the connection closes unanswered (to be resent). */
  static final long PARSE_TIMEOUT_MS = 10_000;

  private final NetSocket socket;
  private final Context context;
  private final BusRequests parser;
  private final ParserBacklog backlog;
  private final MllpFramer framer;
  private final int maxMessageBytes;
  private long framesSeen;
  private boolean answering;
  private boolean inputEnded;

  /**
   * The session of {@code socket}, whose messages go to the parser through its verticle's {@code parser}, counted in
   * the verticle's {@code backlog} until answered.
   */
  MllpSession(NetSocket socket, Context context, BusRequests parser, ParserBacklog backlog, MllpServerConfig config) {
    this.socket = socket;
    this.context = context;
    this.parser = parser;
    this.backlog = backlog;
    this.framer = new MllpFramer(config.maxMessageBytes());
    this.maxMessageBytes = config.maxMessageBytes();
  }

  void start() {
    socket.handler(this::onRead);
    socket.exceptionHandler(error -> LOG.warn("[{}] connection error: {}", socket.remoteAddress(), error.getMessage()));
    InputShutdown.onInputShutdown(socket, () -> {
      inputEnded = true;
      closeOnceAnswered();
    });
  }

  /**
   * After the sender shut down its side: closes once every message received has been answered, a message its close
   * cut short too (with an error: {@link MllpEvent.Unterminated}). Checked from a later task, so messages still queued
   * behind a pause are delivered (and answered) first.
   */
  private void closeOnceAnswered() {
    context.runOnContext(later -> {
      if (answering) {
        return; // asked again once answered
      }
      List<MllpEvent> cutShort = answerable(framer.finish());
      if (cutShort.isEmpty()) {
        socket.close();
      } else {
        answerAll(cutShort);
      }
    });
  }

  private void onRead(Buffer chunk) {
    List<MllpEvent> events = answerable(framer.feed(chunk));
    framesSeen += events.size();
    if (framesSeen == 0 && framer.strayBytes() > maxMessageBytes) {
      LOG.warn("[{}] {} bytes without an MLLP frame; disconnecting", socket.remoteAddress(), framer.strayBytes());
      socket.close();
      return;
    }
    if (!events.isEmpty()) {
      answerAll(events);
    }
  }

  /** Answers {@code events} one after the other, reading nothing meanwhile. */
  private void answerAll(List<MllpEvent> events) {
    socket.pause();
    answering = true;
    Instant readAt = Instant.now(); // the messages' receipt time, though each is parsed after the one before
    Future<Void> answered = Future.succeededFuture();
    for (MllpEvent event : events) {
      answered = answered.compose(previous -> answer(event, readAt));
    }
    // Each ACK is written before the next message is answered, so nothing waits in the write queue now: a sender that
    // reads its ACKs slowly holds the chain, and the reading, by itself. (A drain handler, which Vert.x keeps until it
    // is replaced, would resume reading at a later drain, in the middle of another chain: ACKs out of order.)
    answered.onComplete(done -> readOn());
  }

  /** {@code events} without the fragments, which are logged: the message they belong to is answered already. */
  private List<MllpEvent> answerable(List<MllpEvent> events) {
    List<MllpEvent> answerable = new ArrayList<>(events.size());
    for (MllpEvent event : events) {
      if (event instanceof MllpEvent.Fragment fragment) {
        LOG.warn("[{}] {} bytes after a start block inside a message: the rest of that message, not answered",
            socket.remoteAddress(), fragment.text().length());
      } else {
        answerable.add(event);
      }
    }
    return answerable;
  }

  /** Resumes reading once the ACKs are written; messages that queued up behind the pause are delivered first. */
  private void readOn() {
    answering = false;
    socket.resume();
    if (inputEnded) {
      closeOnceAnswered();
    }
  }

  /**
   * Asks the parser for the ACKs of this message, read at {@code readAt}, and writes them framed; a parser failure, or
   * a full {@link ParserBacklog}, closes the connection unanswered. The request carries its {@code deadline}: a parser
   * that comes to it after its sender gave up skips it.
   */
  private Future<Void> answer(MllpEvent event, Instant readAt) {
    JsonObject request = request(event, readAt).put("deadline", System.currentTimeMillis() + PARSE_TIMEOUT_MS);
    int chars = request.getString("text").length();
    if (!backlog.admit(chars)) {
      LOG.warn("[{}] the HL7 parsers are {} messages' worth behind; closing so the sender retransmits later",
          socket.remoteAddress(), ParserBacklog.MESSAGES_WORTH);
      socket.close();
      return Future.failedFuture("parsers behind");
    }
    String lane = chars > Addresses.HL7_LARGE_CHARS ? Addresses.HL7_LARGE_MESSAGES : Addresses.HL7_MESSAGES;
    return parser.<JsonObject>request(lane, request)
        .onComplete(answered -> backlog.release(chars))
        .compose(reply -> socket.write(framed(reply.getJsonArray("acks"))))
        .onFailure(error -> {
          LOG.error("[{}] HL7 message not processed; closing so the sender retransmits", socket.remoteAddress(), error);
          socket.close();
        });
  }

  private static JsonObject request(MllpEvent event, Instant readAt) {
    JsonObject request = new JsonObject().put("receivedAt", readAt);
    if (event instanceof MllpEvent.Oversized oversized) {
      return request.put("text", oversized.head())
          .put("problem", "message larger than " + oversized.maxBytes() + " bytes");
    }
    if (event instanceof MllpEvent.Truncated truncated) {
      return request.put("text", truncated.partial())
          .put("problem", "message truncated: a new start block arrived before its end block");
    }
    if (event instanceof MllpEvent.Unterminated unterminated) {
      return request.put("text", unterminated.partial())
          .put("problem", "message cut off: the sender closed its side before the end block");
    }
    return request.put("text", ((MllpEvent.Message) event).text());
  }

  /** Each of {@code acks} in its MLLP frame, one after the other (an empty buffer for none). */
  private static Buffer framed(JsonArray acks) {
    Buffer frames = Buffer.buffer();
    for (int i = 0; i < acks.size(); i++) {
      frames.appendByte(MllpFramer.START).appendString(acks.getString(i), StandardCharsets.UTF_8.name())
          .appendByte(MllpFramer.END).appendByte(MllpFramer.CARRIAGE_RETURN);
    }
    return frames;
  }
}
