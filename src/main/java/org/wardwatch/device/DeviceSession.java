package org.wardwatch.device;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.buffer.BufferInternal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.BusRequests;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.parsing.BatchVerdict;
import org.wardwatch.parsing.FrameBatch;
import org.wardwatch.parsing.FrameVerdict;

/**
 * One device connection, as its channel's handler: frames its bytes, sends its frames to the parser in batches (one
 * at a time: what arrives meanwhile waits and goes as the next batch), writes one answer line per frame in order, and
 * owns the connection's identity (set by {@code HELLO}).
 *
 * <p>Back-pressure: the connection is read while at most one batch (of at most {@link #MAX_BATCH_FRAMES} frames) is
 * being parsed and none waits, framed or not, and while the device reads its answers, so a fast or stuck device
 * cannot make the gateway buffer without bound; a device that sends a frame and waits for its answer is read
 * throughout. A device whose frames are rejected
 * {@code maxConsecutiveBadFrames} times in a row gets a final NAK and is disconnected (its answers written first); so
 * is one the gateway read nothing from for the idle timeout while none of its frames was at the parser: a silent
 * device, or one that left its answers unread (whose frames then wait, unread, with their answers). What a batch is
 * answered, and whether the connection is cut off after it, is worked out by {@link BatchAnswer}; what the clinical
 * engines are told of the connection's devices ({@code HELLO}s, refusals, disconnections) is sent by its
 * {@link DeviceNotices}. Runs on the event loop of the device server verticle that accepted the connection, on that
 * verticle's Vert.x context.
 */
final class DeviceSession extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceSession.class);
  /** How long a batch waits for the parser's verdicts before its frames are NAKed (to be resent). */
  static final long PARSE_TIMEOUT_MS = 10_000;
  /** Most frames sent to the parser as one batch, and so answered at once: the rest of a read waits its turn. */
  static final int MAX_BATCH_FRAMES = 1024;

  private final Channel channel;
  private final ContextInternal context;
  private final BusRequests parser;
  private final DeviceServerConfig config;
  private final LineFramer framer;
  private final DeviceNotices notices;
  private DeviceIdentity identity = DeviceIdentity.UNKNOWN;
  /** Frames read while a batch was being parsed, in order; {@code null} when none. */
  private List<FrameEvent> waiting;
  /** When the first of the waiting frames was read. */
  private Instant waitingSince;
  /** Frames rejected in a row, up to the last batch answered. */
  private int rejectedInARow;
  private boolean parsing;
  private boolean inputEnded;
  private boolean closing;

  /** The session of {@code channel}, whose batches go to the parser through its verticle's {@code parser}. */
  DeviceSession(Channel channel, ContextInternal context, BusRequests parser, DeviceServerConfig config) {
    this.channel = channel;
    this.context = context;
    // silent after a batch's answer, closed an idle timeout after it, or after a batch read with it leaves the parser
    this.notices = new DeviceNotices(context.owner().eventBus(),
        Duration.ofSeconds(config.idleTimeoutSeconds()).plusMillis(PARSE_TIMEOUT_MS));
    this.parser = parser;
    this.config = config;
    // a line without an ending gives up as many bytes as the frames a device may get wrong in a row (at least two)
    this.framer = new LineFramer(config.maxFrameLength(),
        (long) config.maxFrameLength() * Math.max(2, config.maxConsecutiveBadFrames()), MAX_BATCH_FRAMES);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    ByteBuf bytes = (ByteBuf) message;
    try {
      context.dispatch(BufferInternal.buffer(bytes), this::onRead);
    } finally {
      bytes.release();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    context.dispatch(this::proceed);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof ChannelInputShutdownEvent) {
      context.dispatch(ended -> {
        inputEnded = true;
        framed(framer.finish()); // a last frame without its line ending is refused, not lost without an answer
        closeOnceAnswered();
      });
    } else if (event instanceof IdleStateEvent && !parsing) { // not the gateway's own delay: its parser
      LOG.debug("[{}] nothing read for {} s{}; disconnecting", name(), config.idleTimeoutSeconds(),
          channel.isWritable() ? "" : " while it left its answers unread");
      channel.close();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable error) {
    LOG.warn("[{}] connection error: {}", name(), error.getMessage());
    channel.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    LOG.debug("[{}] disconnected", name());
    Instant closed = Instant.now();
    context.dispatch(disconnected -> notices.closed(identity, closed));
  }

  private void onRead(Buffer chunk) {
    framed(framer.feed(chunk));
  }

  /** Sends {@code events} to the parser now, or after the batch in flight; none once the session is closing. */
  private void framed(List<FrameEvent> events) {
    if (closing || events.isEmpty()) {
      return;
    }
    if (waiting != null) {
      waiting.addAll(events);
    } else if (canParse()) {
      submit(events, Instant.now()); // not kept in a field: a store into the long-lived session costs a card
    } else {
      waiting = events;
      waitingSince = Instant.now();
    }
    readWhileNothingWaits();
  }

  /**
   * Sends the waiting frames to the parser once no batch is in flight and the device reads its answers; reads the
   * connection only while no frame waits and the device reads its answers.
   */
  private void proceed() {
    if (waiting != null && canParse()) {
      List<FrameEvent> events = waiting;
      waiting = null;
      submit(events, waitingSince);
    } else if (framer.hasMore() && canParse()) {
      framed(framer.more()); // the rest of a read beyond a batch's frames
    }
    readWhileNothingWaits();
  }

  private boolean canParse() {
    return !parsing && channel.isWritable();
  }

  private void readWhileNothingWaits() {
    channel.config().setAutoRead(waiting == null && !framer.hasMore() && channel.isWritable() && !closing);
  }

  /** Sends {@code events}' lines, the first read at {@code readAt}, to the parser as one batch; answers them after. */
  private void submit(List<FrameEvent> events, Instant readAt) {
    parsing = true;
    parse(FrameEvent.lines(events), readAt).onComplete(result -> answer(events, readAt, result));
  }

  private Future<BatchVerdict> parse(List<String> lines, Instant readAt) {
    if (lines.isEmpty()) {
      return Future.succeededFuture(new BatchVerdict(identity, List.of()));
    }
    return parser.request(Addresses.FRAMES, batch(lines, readAt));
  }

  /** {@code lines}, the first read at {@code readAt}, as a batch of the connection as it is. */
  private FrameBatch batch(List<String> lines, Instant readAt) {
    return new FrameBatch(identity, notices.connection(), readAt, lines, channel.attr(DeviceCertificate.NAMES).get());
  }

  private void answer(List<FrameEvent> events, Instant readAt, AsyncResult<BatchVerdict> result) {
    parsing = false;
    DeviceIdentity current = identity; // as the batch found it: each HELLO of the batch moves it on
    if (result.failed()) {
      LOG.error("[{}] frame parsing failed; asking the device to resend", name(), result.cause());
      notices.parseFailed(batch(FrameEvent.lines(events), readAt));
    } else {
      identity = result.result().session();
      notices.parsed(current, result.result(), readAt, Instant.now());
    }
    BatchAnswer answer = BatchAnswer.of(events, result.succeeded() ? result.result() : null,
        new BatchAnswer.Connection(current, notices.relayed(), readAt, rejectedInARow,
            config.maxConsecutiveBadFrames()));
    rejectedInARow = answer.rejectedInARow();
    StringBuilder answers = answer.lines();
    if (LOG.isDebugEnabled()) {
      answers.toString().lines().filter(line -> line.startsWith("NAK|"))
          .forEach(nak -> LOG.debug("[{}] {}", name(), nak));
    }
    notices.answered(answer);
    if (answer.cutOffReason() != null) { // after every frame of the batch is answered: those past the limit recorded
      cutOff(answers, answer.cutOffReason());
      return;
    }
    channel.writeAndFlush(ByteBufUtil.writeUtf8(channel.alloc(), answers));
    proceed();
    if (inputEnded) {
      closeOnceAnswered();
    }
  }

  /**
   * After the device shut down its sending side: closes once no batch is in flight or waiting, and every answer is
   * written out. Checked from a later task so that frames still queued behind a pause are delivered (and answered)
   * first.
   */
  private void closeOnceAnswered() {
    context.runOnContext(later -> {
      if (!parsing && waiting == null && !framer.hasMore() && !closing) {
        closing = true;
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
      }
    });
  }

  /** Stops reading and closes once {@code answers} and the final NAK, giving {@code reason}, are written. */
  private void cutOff(StringBuilder answers, String reason) {
    closing = true;
    waiting = null;
    channel.config().setAutoRead(false);
    LOG.warn("[{}] disconnecting: {}", name(), reason);
    AnswerLine.appendTo(answers, FrameVerdict.rejected(null, reason));
    channel.writeAndFlush(ByteBufUtil.writeUtf8(channel.alloc(), answers)).addListener(ChannelFutureListener.CLOSE);
  }

  /** The device id once known, else the remote address: for log lines. */
  private String name() {
    return identity.device() != null ? identity.device() : String.valueOf(channel.remoteAddress());
  }
}
