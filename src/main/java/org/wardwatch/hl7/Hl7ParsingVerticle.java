package org.wardwatch.hl7;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.BusFailures;
import org.wardwatch.bus.BusRequests;
import org.wardwatch.bus.DeviceEvents;
import org.wardwatch.cluster.ClusterConsumers;
import org.wardwatch.cluster.Membership;
import org.wardwatch.cluster.ReportHandOff;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.FrameStamp;

/**
 * HL7 parsing stage: answers each message from the MLLP listener (on its address) with its ACKs, in the acknowledgement
 * mode the message asks for ({@link AckConditions}: none, one or two; a PCD-01 monitor's is the AA alone; none for an
 * acknowledgement a peer sent, which is only logged: {@link ReceivedAck}). An accepted message's reports go to the
 * clinical engines of their patients' owners ({@link ReportHandOff}), as line frames' do, before the reply, so an AA
 * means the observations have been recorded (an AE names a patient an owner did not admit, as it monitors its most
 * patients; an AE with an ERR per row names rows refused, the rest recorded). Each report is stamped with sender,
 * control id and message but its MSH-7 ({@link FrameStamp#ofMessage}), so a message a monitor retransmits (its ACK was
 * late or lost, possibly with a node), with its time made afresh or not, is acknowledged again and recognised by the
 * patients' owners, which do not apply it twice. A message refused for a value of a device and patient it names
 * ({@link Hl7ContentException#source}) is announced on {@link Addresses#DEVICE_EVENTS} as a line device's refused frame
 * is ({@link DeviceEvents}), for the device's invalid-signal alarm, which that device's next report recorded whole
 * ends; a message recorded but for some rows raises it with its reports ({@link FrameReport#refused}). A message that
 * waited past its request's {@code deadline} is skipped unparsed: its sender has given up, and the parser's seconds go
 * to messages someone still waits for.
 *
 * <p>Deploy two instances per node, with {@link #deploymentOptions()}: one for {@link Addresses#HL7_MESSAGES}, one for
 * {@link Addresses#HL7_LARGE_MESSAGES}, each on a worker thread, since HAPI takes seconds over a large message (two
 * seconds for a megabyte of segments), which on a shared event loop would hold that loop's device frames, or the
 * clinical engine's alarms, as long; and which, on one worker, would hold every monitor's usual message behind it.
 */
public class Hl7ParsingVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(Hl7ParsingVerticle.class);

  private final Membership membership;
  private final ClusterConsumers consumers;
  private final String address;
  private final Pcd01Decoder decoder = new Pcd01Decoder();
  private final Hl7Ack acks = new Hl7Ack();
  private ReportHandOff handOff;

  /**
   * A parser on a node that is the member {@code membership} describes (or standalone), whose cluster-wide consumers
   * {@code consumers} keeps; it answers the messages sent to {@code address}.
   */
  public Hl7ParsingVerticle(Membership membership, ClusterConsumers consumers, String address) {
    this.address = address;
    this.membership = membership;
    this.consumers = consumers;
  }

  /** Runs the verticle on a worker thread, its messages one at a time, in the order they came. */
  public static DeploymentOptions deploymentOptions() {
    return new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER);
  }

  @Override
  public Future<?> start() {
    return ReportHandOff.start(vertx, membership, consumers).compose(started -> {
      handOff = started;
      MessageConsumer<JsonObject> consumer = vertx.eventBus().localConsumer(address, this::answer);
      return consumer.completion();
    });
  }

  private void answer(Message<JsonObject> request) {
    JsonObject body = request.body();
    Long deadline = body.getLong("deadline");
    if (deadline != null && System.currentTimeMillis() > deadline) { // its sender gave up: not worth seconds of HAPI
      LOG.debug("HL7 message skipped: it waited for the parser past its sender's timeout");
      BusRequests.refuse(vertx.eventBus(), request, BusFailures.EXPIRED, "expired before it was parsed");
      return;
    }
    String text = body.getString("text", "");
    Instant receivedAt = body.getInstant("receivedAt");
    Hl7Message accepted = null;
    List<String> answers;
    try {
      accepted = accept(text, receivedAt, body.getString("problem"));
      answers = answers(accepted);
    } catch (Hl7Exception refused) {
      LOG.warn("HL7 message {} from {} refused: {}", refused.header().controlId(),
          refused.header().sendingApplication(), refused.getMessage());
      answers = acks.refused(refused);
      if (refused instanceof Hl7ContentException content && content.source() != null) {
        DeviceEvents.announce(vertx.eventBus(),
            DeviceEvent.rejected(content.source(), content.getMessage(), receivedAt));
      }
    }
    MessageHeader header = accepted == null ? null : accepted.header(); // null: refused, nothing handed on
    List<String> answersIfAdmitted = answers;
    handOff.recorded()
        .map(applied -> applied.notAdmitted().isEmpty() ? answersIfAdmitted
            : acks.notAdmitted(header, String.join("; ", applied.notAdmitted().values())))
        .onSuccess(recorded -> BusRequests.answer(vertx.eventBus(), request,
            new JsonObject().put("acks", new JsonArray(recorded))))
        // Not recorded: no ACK, the connection closes, and the sender retransmits (not applied, so not a repeat).
        .onFailure(error -> BusRequests.refuse(vertx.eventBus(), request, BusFailures.UNAVAILABLE,
            "not recorded: " + error.getMessage()));
  }

  /** The acknowledgements of {@code message}, recorded whole or but for its refused rows (logged). */
  private List<String> answers(Hl7Message message) {
    if (message.refused().isEmpty()) {
      return acks.accepted(message.header());
    }
    LOG.warn("HL7 message {} from {} recorded but for {} refused row(s): {}", message.header().controlId(),
        message.header().sendingApplication(), message.refused().size(), Hl7Error.reasons(message.refused()));
    return acks.partlyRecorded(message.header(), message.refused());
  }

  private static String senderOf(MessageHeader header) {
    return header.sendingApplication() + '|' + header.sendingFacility();
  }

  /**
   * Decodes and hands on one message, returning it; a framing {@code problem} refuses it unread. An acknowledgement
   * received ({@link ReceivedAck}) is logged and handed nowhere, returned as a message of no reports; its header asks
   * for no answer ({@link AckConditions}).
   */
  private Hl7Message accept(String text, Instant receivedAt, String problem) throws Hl7Exception {
    if (problem != null) {
      throw new Hl7IncompleteException(text, problem);
    }
    Optional<ReceivedAck> received = ReceivedAck.read(text);
    if (received.isPresent()) {
      ReceivedAck ack = received.get();
      LOG.debug("HL7 acknowledgement {} from {}: {} of message {}; not answered", ack.header().controlId(),
          ack.header().sendingApplication(), ack.code(), ack.acknowledgedId());
      return new Hl7Message(ack.header(), List.of(), List.of(), List.of());
    }
    Hl7Message message = decoder.decode(text, receivedAt);
    MessageHeader header = message.header();
    message.warnings().forEach(warning -> LOG.info("HL7 message {} from {}: {}", header.controlId(),
        header.sendingApplication(), warning));
    List<FrameReport> reports = message.reports();
    String retransmitted = MessageHeader.withoutMessageTime(text); // what a retransmission repeats: once a message
    for (int part = 0; part < reports.size(); part++) {
      handOff.handOn(reports.get(part).withStamp(FrameStamp.ofMessage(senderOf(header), header.controlId(), part,
          retransmitted)));
    }
    return message;
  }
}
