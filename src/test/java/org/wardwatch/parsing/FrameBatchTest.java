package org.wardwatch.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.DeviceIdentity;

/** A device connection's frames, as they would cross to the parser in JSON. */
class FrameBatchTest {

  private static final Instant READ_AT = Instant.parse("2026-12-07T10:00:00Z");
  private static final DeviceIdentity MONITOR = new DeviceIdentity("mon-1", "P1", "1", "icu");

  @Test
  void aBatchCrossesWholeWithItsConnectionAndCertifiedDevices() {
    FrameBatch batch = new FrameBatch(MONITOR, ConnectionId.opened(READ_AT), READ_AT, List.of("Pulse=80|Seq=1"),
        Set.of("mon-1"));

    assertEquals(batch, FrameBatch.fromJson(new JsonObject(batch.toJson().encode())));
  }

  @Test
  void aBatchWithoutAConnectionCrossesWithNone() {
    FrameBatch batch = new FrameBatch(MONITOR, null, READ_AT, List.of("Pulse=80|Seq=1"), null);

    assertEquals(batch, FrameBatch.fromJson(new JsonObject(batch.toJson().encode())));
  }
}
