package org.wardwatch.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.PatientSnapshot;
import org.wardwatch.cluster.ClusterConsumers;

/**
 * Delivers the per-ward browser addresses ({@link Addresses#BROWSER_ADDRESS_REGEX}) to this node's SockJS sessions,
 * encoding each message once for all of them. The stock bridge gives every session its own event-bus consumer, so a
 * ward update seen by 1,000 screens is copied, checked against the permissions and encoded 1,000 times; here one
 * consumer per address and node receives it, builds the bridge's {@code rec} message once, and writes it to each
 * session: on the WebSocket transport ({@link SockJsWebSocket}) as one SockJS frame escaped once for all sessions; on
 * the xhr fallbacks as bytes the transport frames; on a raw WebSocket as the binary frame the bridge sends. Browsers
 * get the same messages as from the bridge (JSON with its non-ASCII characters escaped).
 *
 * <p>It is the bridge's event hook: a session's REGISTER for a browser address adds the session here, and the bridge's
 * own registration is parked on {@link #PARKED_PREFIX} + the address, where nothing is ever published, so the
 * session's {@code vertx-eventbus.js} client sees the usual successful registration without a second copy of every
 * message. UNREGISTER, and a socket closed, idle or failed, remove it; so does a session that throws when written to
 * (the others are still written to). Every other event passes unchanged. Its consumers are the node's
 * {@link ClusterConsumers}, so that they are registered again with the others after a partition.
 *
 * <p>Not thread-safe: bridge events and deliveries run on the HTTP verticle's event loop.
 */
final class WardFanOut {

  private static final Logger LOG = LoggerFactory.getLogger(WardFanOut.class);

  /** Where the bridge's own per-session registrations for browser addresses are parked. */
  static final String PARKED_PREFIX = "wardwatch.parked.";
  /** The bridge's outbound permission for parked registrations. */
  static final String PARKED_ADDRESS_REGEX = Pattern.quote(PARKED_PREFIX) + Addresses.BROWSER_ADDRESS_REGEX;

  private static final Pattern BROWSER_ADDRESS = Pattern.compile(Addresses.BROWSER_ADDRESS_REGEX);
  private static final String VITALS_SUFFIX = ".vitals";
  /**
   * Vert.x discards what a consumer has not yet handled beyond its buffer (1,000 by default), silently. A vitals
   * snapshot may go (the next one supersedes it, and the dashboard resyncs when it shows changes past the next
   * {@code seq}); an
   * alarm or escalation never: their consumers are unbounded (they are few, and measured under overload, the default
   * lost most of them).
   */
  private static final int MAX_BUFFERED_VITALS = 10_000;

  private final ClusterConsumers clusterConsumers;
  private final Map<String, Set<SockJSSocket>> sessionsByAddress = new HashMap<>();
  private final Map<String, ClusterConsumers.Kept> consumers = new HashMap<>();
  private final Map<SockJSSocket, Set<String>> addressesBySession = new HashMap<>();

  WardFanOut(ClusterConsumers clusterConsumers) {
    this.clusterConsumers = clusterConsumers;
  }

  /** The bridge's event hook. */
  void handle(BridgeEvent event) {
    BridgeEventType type = event.type();
    if (type == BridgeEventType.REGISTER || type == BridgeEventType.UNREGISTER) {
      JsonObject request = event.getRawMessage();
      String address = request.getString("address");
      if (address != null && BROWSER_ADDRESS.matcher(address).matches()) {
        if (type == BridgeEventType.REGISTER) {
          add(event.socket(), address);
        } else {
          remove(event.socket(), address);
        }
        request.put("address", PARKED_PREFIX + address);
      }
    } else if (type == BridgeEventType.SOCKET_CLOSED || type == BridgeEventType.SOCKET_IDLE
        || type == BridgeEventType.SOCKET_ERROR) { // an idle or failed session's close may never be reported
      forget(event.socket());
    }
    event.complete(true);
  }

  /** Delivers nothing more to {@code session}, on any address. */
  private void forget(SockJSSocket session) {
    Set<String> addresses = addressesBySession.remove(session);
    if (addresses != null) {
      addresses.forEach(address -> remove(session, address));
    }
  }

  private void add(SockJSSocket session, String address) {
    addressesBySession.computeIfAbsent(session, key -> new LinkedHashSet<>()).add(address);
    sessionsByAddress.computeIfAbsent(address, key -> {
      consumers.put(address, clusterConsumers.keep(new MessageConsumerOptions().setAddress(address)
          .setMaxBufferedMessages(address.endsWith(VITALS_SUFFIX) ? MAX_BUFFERED_VITALS : Integer.MAX_VALUE),
          message -> deliver(address, message.body())));
      return new LinkedHashSet<>();
    }).add(session);
  }

  private void remove(SockJSSocket session, String address) {
    Set<String> addresses = addressesBySession.get(session);
    if (addresses != null) {
      addresses.remove(address);
    }
    Set<SockJSSocket> sessions = sessionsByAddress.get(address);
    if (sessions != null && sessions.remove(session) && sessions.isEmpty()) {
      sessionsByAddress.remove(address);
      consumers.remove(address).unregister();
    }
  }

  /**
   * Writes one {@code rec} message of {@code body} (Vert.x JSON, or a {@link PatientSnapshot} the clinical engine
   * encoded, whose JSON goes in as it is), encoded once, to every session registered for {@code address}: to a
   * WebSocket session as one SockJS frame, encoded and escaped in one pass once for all of them, to the others (xhr
   * fallbacks, raw WebSocket) as bytes their transport frames. A vitals snapshot is skipped for a session whose write
   * queue is full (a screen on a slow link): the next snapshot supersedes it and the page resyncs when it sees the gap
   * (its {@code fromSeq} past the next {@code seq}); notices of a discharge or a move away, alarms and escalations
   * are always written.
   */
  private void deliver(String address, Object body) {
    Set<SockJSSocket> sessions = sessionsByAddress.get(address);
    if (sessions == null) {
      return;
    }
    boolean supersedable = address.endsWith(VITALS_SUFFIX)
        && !(body instanceof PatientSnapshot snapshot && !snapshot.supersedable());
    byte[] sockJsFrame = null;
    Buffer bytes = null;
    List<SockJSSocket> broken = null;
    for (SockJSSocket session : sessions) {
      if (session instanceof SockJsWebSocket webSocket) { // WardWatch's own transport, which never throws here
        if (!supersedable || !webSocket.writeQueueFull()) {
          sockJsFrame = sockJsFrame == null ? SockJsFrames.recFrame(address, body) : sockJsFrame;
          webSocket.send(sockJsFrame, !supersedable); // vitals may wait for the pacer's round, alarms never
        }
        continue;
      }
      bytes = bytes == null ? SockJsFrames.recMessage(address, body) : bytes;
      try {
        if (!supersedable || !session.writeQueueFull()) {
          session.write(bytes);
        }
      } catch (IllegalStateException e) { // Vert.x's raw WebSocket once its peer sent a close: the others still get it
        LOG.warn("SockJS session from {} no longer takes messages ({}); dropped from {}", session.remoteAddress(),
            e.getMessage(), address);
        broken = broken == null ? new ArrayList<>() : broken;
        broken.add(session);
      }
    }
    if (broken != null) {
      broken.forEach(this::forget);
    }
  }
}
