package org.wardwatch.device;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.parsing.FrameVerdict;

/**
 * Which of one connection's {@code HELLO}s the clinical engine is told of. A {@code HELLO} that leaves the connection a
 * device's, with no frame of it after it in its batch, is announced ({@link DeviceEvent.Kind#CONNECTED}): a device that
 * reconnected, whose next frame may be 15 minutes away, is then not alarmed disconnected when its old connection is
 * found closed late. A frame makes its connection the device's carrier anyway, so a {@code HELLO} followed by one (a
 * relay switching devices) is not announced. A {@code HELLO} that moves the connection on from the device or patient
 * announced before any frame of it, or a frame of that device naming another patient, withdraws that
 * ({@link DeviceEvent.Kind#MOVED_ON}): a cuff that reconnected saying the patient it remembers, then was admitted to
 * another, no longer carries the first. One that only adds the same patient's bed or ward is announced, not a move.
 * Each announcement says how soon after its {@code HELLO} the connection, should it send nothing more, is closed, so
 * that the engine knows when a connection half-open since would have been found closed.
 *
 * <p>Owned by its connection's {@link DeviceNotices}; not thread-safe. Pure: it says what to announce.
 */
final class HelloAnnouncements {

  private final ConnectionId connection;
  private final Duration closedIfSilentAfterAnswer;
  /** The identity a {@code HELLO} gave the connection, announced, of which no frame has been accepted since. */
  private DeviceIdentity announcedByHelloAlone;

  /**
   * The announcements of {@code connection}, which, should it send nothing more, is closed within
   * {@code closedIfSilentAfterAnswer} of a batch's answer.
   */
  HelloAnnouncements(ConnectionId connection, Duration closedIfSilentAfterAnswer) {
    this.connection = connection;
    this.closedIfSilentAfterAnswer = closedIfSilentAfterAnswer;
  }

  /**
   * What a batch read at {@code readAt} and answered at {@code answeredAt}, which found the connection {@code before},
   * announces, given its {@code verdicts} from the parser, in order.
   */
  List<DeviceEvent> answered(DeviceIdentity before, List<FrameVerdict> verdicts, Instant readAt, Instant answeredAt) {
    List<DeviceEvent> announced = List.of(); // a read's usual case: nothing made
    DeviceIdentity identity = before;
    boolean moved = false;
    boolean settled = false; // a frame of the identity, or of its device for another patient, since its HELLO
    for (FrameVerdict verdict : verdicts) {
      if (verdict.hello() && !verdict.about().equals(identity)) { // about: the identity it set, UNKNOWN if refused
        announced = withdrawn(announced, verdict.about(), readAt);
        identity = verdict.about();
        moved = true;
        settled = false;
      } else if (!verdict.hello() && verdict.recorded()) {
        DeviceIdentity about = verdict.about() == null ? identity : verdict.about();
        if (!leaves(identity, about)) {
          settled = true;
          announcedByHelloAlone = null; // carried by a frame now
        } else if (about.device() != null && about.device().equals(identity.device())) {
          settled = true; // the device names another patient per line: it left the HELLO's
          announced = withdrawn(announced, about, readAt);
        }
      }
    }
    if (moved && !settled && identity.device() != null) {
      announcedByHelloAlone = identity;
      announced = with(announced, DeviceEvent.connected(identity, connection, readAt,
          closedIfSilentWithin(readAt, answeredAt)));
    }
    return announced;
  }

  /**
   * How soon after a {@code HELLO} read at {@code readAt} and answered at {@code answeredAt} the connection, should it
   * send nothing more, is closed: the time at the parser, and {@link #closedIfSilentAfterAnswer}. The time at the
   * parser is read off the wall clock (one set back meanwhile makes it none), and the whole is at most what an
   * announcement may say ({@link DeviceEvent#MAX_CLOSED_IF_SILENT_WITHIN}).
   */
  private Duration closedIfSilentWithin(Instant readAt, Instant answeredAt) {
    Duration atTheParser = readAt.isBefore(answeredAt) ? Duration.between(readAt, answeredAt) : Duration.ZERO;
    Duration within = atTheParser.plus(closedIfSilentAfterAnswer);
    return within.compareTo(DeviceEvent.MAX_CLOSED_IF_SILENT_WITHIN) > 0 ? DeviceEvent.MAX_CLOSED_IF_SILENT_WITHIN
        : within;
  }

  /**
   * {@code announced}, with the identity announced by a {@code HELLO} alone, if any, withdrawn when {@code next}
   * {@link #leaves} it (a {@code HELLO} that only adds the bed or ward of the same patient does not).
   */
  private List<DeviceEvent> withdrawn(List<DeviceEvent> announced, DeviceIdentity next, Instant movedAt) {
    if (announcedByHelloAlone == null || !leaves(announcedByHelloAlone, next)) {
      return announced;
    }
    DeviceEvent movedOn = DeviceEvent.movedOn(announcedByHelloAlone, connection, movedAt);
    announcedByHelloAlone = null;
    return with(announced, movedOn);
  }

  /** True when {@code next} names another device or another patient than {@code current}. */
  private static boolean leaves(DeviceIdentity current, DeviceIdentity next) {
    return !Objects.equals(current.device(), next.device())
        || !Objects.equals(current.patientKey(), next.patientKey());
  }

  /** {@code announced} with {@code event} last, made when it was none. */
  private static List<DeviceEvent> with(List<DeviceEvent> announced, DeviceEvent event) {
    List<DeviceEvent> more = announced.isEmpty() ? new ArrayList<>(2) : announced;
    more.add(event);
    return more;
  }
}
