package org.wardwatch.parsing;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.wardwatch.model.DeviceIdentity;

/**
 * What the tests of the frames the line decoder refuses share: a decoder, the session's identity and time of receipt,
 * and the refusal of a line, whose reason its device's NAK carries.
 */
abstract class LineFrameRejectionFixture {

  static final Instant RECEIVED = Instant.parse("2026-11-22T10:15:31Z");
  static final DeviceIdentity SESSION = new DeviceIdentity("mon-7", "P123", "12", "icu");

  final LineFrameDecoder decoder = new LineFrameDecoder();

  MalformedFrameException rejected(String line) {
    return assertThrows(MalformedFrameException.class, () -> decoder.decode(line, SESSION, null, RECEIVED),
        () -> "expected a rejection of " + line);
  }
}
