package org.wardwatch.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameStamp;
import org.wardwatch.model.Observation;

/**
 * What the tests of the frame batch processor share: a processor over the line decoder whose recorded reports (their
 * observations, stamps and connections) are kept in order, and a batch of frames processed on one connection.
 */
abstract class FrameBatchProcessorFixture {

  static final Instant RECEIVED = Instant.parse("2026-11-22T10:15:31Z");
  static final ConnectionId CONNECTION = ConnectionId.opened(RECEIVED);
  static final DeviceIdentity MON_7 = new DeviceIdentity("mon-7", "P123", "12", "icu");

  final List<List<Observation>> sink = new ArrayList<>();
  final List<FrameStamp> stamps = new ArrayList<>();
  final List<ConnectionId> connections = new ArrayList<>();
  final FrameBatchProcessor processor =
      new FrameBatchProcessor(new LineFrameDecoder(), report -> {
        sink.add(report.observations());
        stamps.add(report.stamp());
        connections.add(report.connection());
      });

  BatchVerdict process(DeviceIdentity session, String... frames) {
    return processor.process(batch(session, frames)).verdict();
  }

  static FrameBatch batch(DeviceIdentity session, String... frames) {
    return new FrameBatch(session, CONNECTION, RECEIVED, List.of(frames), null);
  }

  static FrameVerdict ack(String seq) {
    return FrameVerdict.accepted(seq, null);
  }

  static void assertNak(FrameVerdict verdict, String seq, String phrase) {
    assertFalse(verdict.accepted(), verdict::toString);
    assertEquals(seq, verdict.sequence());
    assertTrue(verdict.detail().contains(phrase), verdict::detail);
  }
}
