package org.wardwatch.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.parsing.FrameVerdict;

/** Which of a connection's {@code HELLO}s are announced to the clinical engine, and when one is withdrawn. */
class HelloAnnouncementsTest {

  /** The connection's idle timeout, and a batch's longest time at the parser. */
  private static final Duration CLOSED_IF_SILENT_AFTER_ANSWER = Duration.ofSeconds(310);
  private static final Instant READ = Instant.parse("2026-12-07T10:00:00Z");
  private static final ConnectionId CONNECTION = ConnectionId.opened(READ);
  private static final DeviceIdentity CUFF_FOR_PM1 = new DeviceIdentity("NIBP-1", "PM1", null, "surgery");
  private static final DeviceIdentity CUFF_FOR_PM2 = new DeviceIdentity("NIBP-1", "PM2", null, "surgery");
  private static final DeviceIdentity RELAY = new DeviceIdentity("RELAY-1", null, null, "surgery");

  private final HelloAnnouncements hellos = new HelloAnnouncements(CONNECTION, CLOSED_IF_SILENT_AFTER_ANSWER);

  @Test
  void givenAHelloAlone_whenAnswered_thenTheConnectionIsAnnouncedAsTheDevices() {
    assertEquals(List.of(connected(CUFF_FOR_PM1)),
        answered(DeviceIdentity.UNKNOWN, hello(CUFF_FOR_PM1)));
  }

  @Test
  void givenAHelloFollowedByAFrameOfItsDevice_whenAnswered_thenNothingIsAnnounced() {
    assertEquals(List.of(), answered(DeviceIdentity.UNKNOWN, hello(CUFF_FOR_PM1), FrameVerdict.accepted("1", null)),
        "the frame makes the connection the device's carrier");
  }

  @Test
  void givenARepeatedHello_whenAnswered_thenNothingIsAnnouncedAgain() {
    answered(DeviceIdentity.UNKNOWN, hello(CUFF_FOR_PM1));

    assertEquals(List.of(), answered(CUFF_FOR_PM1, hello(CUFF_FOR_PM1)));
  }

  @Test
  void givenAHelloAnnouncedAlone_whenAnotherHelloMovesTheConnectionOn_thenItIsWithdrawn() {
    answered(DeviceIdentity.UNKNOWN, hello(CUFF_FOR_PM1));

    assertEquals(List.of(DeviceEvent.movedOn(CUFF_FOR_PM1, CONNECTION, READ)),
        answered(CUFF_FOR_PM1, hello(CUFF_FOR_PM2), FrameVerdict.accepted("2", null)));
  }

  @Test
  void givenAHelloAnnouncedAlone_whenAFrameOfItCameBeforeTheNextHello_thenNothingIsWithdrawn() {
    answered(DeviceIdentity.UNKNOWN, hello(CUFF_FOR_PM1));
    answered(CUFF_FOR_PM1, FrameVerdict.accepted("1", null));

    assertEquals(List.of(connected(CUFF_FOR_PM2)), answered(CUFF_FOR_PM1, hello(CUFF_FOR_PM2)),
        "the connection carried PM1's cuff by a frame: its HELLO moving on is no withdrawal");
  }

  @Test
  void givenAHelloAnnouncedAlone_whenARefusedHelloLeavesTheConnectionNoIdentity_thenItIsWithdrawn() {
    answered(DeviceIdentity.UNKNOWN, hello(CUFF_FOR_PM1));

    assertEquals(List.of(DeviceEvent.movedOn(CUFF_FOR_PM1, CONNECTION, READ)),
        answered(CUFF_FOR_PM1, FrameVerdict.helloRefused("2", "Device= is required")));
  }

  @Test
  void givenARelaysHello_whenOnlyFramesNamingOthersFollow_thenTheRelayIsAnnounced() {
    DeviceIdentity bedside = new DeviceIdentity("MON-7", "PX", null, "surgery");

    assertEquals(List.of(connected(RELAY)), answered(DeviceIdentity.UNKNOWN,
        hello(RELAY), FrameVerdict.accepted("1", null, bedside)));
  }

  @Test
  void givenAHelloThatWaitedAtTheParser_whenAnswered_thenItsConnectionIsSaidToCloseThatMuchLaterIfSilent() {
    assertEquals(List.of(DeviceEvent.connected(CUFF_FOR_PM1, CONNECTION, READ,
        CLOSED_IF_SILENT_AFTER_ANSWER.plusSeconds(18))), hellos.answered(DeviceIdentity.UNKNOWN,
        List.of(hello(CUFF_FOR_PM1)), READ, READ.plusSeconds(18)), "an idle connection is not closed at the parser");
  }

  @Test
  void givenAHelloAnnouncedAlone_whenAnotherOnlyAddsTheSamePatientsBed_thenItIsAnnouncedAgain_notWithdrawn() {
    DeviceIdentity withBed = new DeviceIdentity("NIBP-1", "PM1", "4", "surgery");
    answered(DeviceIdentity.UNKNOWN, hello(CUFF_FOR_PM1));

    assertEquals(List.of(connected(withBed)), answered(CUFF_FOR_PM1, hello(withBed)), "the same patient's cuff");
    assertEquals(List.of(), answered(withBed, FrameVerdict.accepted("1", null, CUFF_FOR_PM1)),
        "a frame of the same patient without the bed: carried by a frame, nothing withdrawn");
  }

  @Test
  void givenTheClockSteppedWhileTheHelloWasAtTheParser_whenAnswered_thenTheAnnouncementStaysWithinItsBounds() {
    assertEquals(List.of(connected(CUFF_FOR_PM1)), hellos.answered(DeviceIdentity.UNKNOWN, List.of(hello(CUFF_FOR_PM1)),
        READ, READ.minusSeconds(5)), "set back: no time at the parser");
    hellos.answered(CUFF_FOR_PM1, List.of(FrameVerdict.accepted("1", null)), READ, READ);
    assertEquals(DeviceEvent.MAX_CLOSED_IF_SILENT_WITHIN, hellos.answered(CUFF_FOR_PM1, List.of(hello(CUFF_FOR_PM2)),
        READ, READ.plus(Duration.ofDays(3))).get(0).closedIfSilentWithin(), "set days forward: at most the most");
  }

  /** {@code identity}'s announcement of a {@code HELLO} answered as it was read. */
  private static DeviceEvent connected(DeviceIdentity identity) {
    return DeviceEvent.connected(identity, CONNECTION, READ, CLOSED_IF_SILENT_AFTER_ANSWER);
  }

  private List<DeviceEvent> answered(DeviceIdentity before, FrameVerdict... verdicts) {
    return hellos.answered(before, List.of(verdicts), READ, READ);
  }

  private static FrameVerdict hello(DeviceIdentity identity) {
    return FrameVerdict.hello(null, null, identity);
  }
}
