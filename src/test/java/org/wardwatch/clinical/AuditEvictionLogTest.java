package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.EntryEventType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The cluster's audit trail says when its bound drops entries: at the first, then every {@code TELL_EVERY}th. */
class AuditEvictionLogTest {

  @Test
  void theFirstEvictionAndThenEveryTellEverythAreSaid() {
    Logger log = (Logger) LoggerFactory.getLogger(AuditEvictionLog.class);
    ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    warnings.start();
    log.addAppender(warnings);
    try {
      AuditEvictionLog evictions = new AuditEvictionLog();
      for (long i = 0; i < 2 * AuditEvictionLog.TELL_EVERY; i++) {
        evictions.entryEvicted(new EntryEvent<>(AuditTrail.MAP, null, EntryEventType.EVICTED.getType(), "key", null));
      }

      assertEquals(List.of(1L, AuditEvictionLog.TELL_EVERY, 2 * AuditEvictionLog.TELL_EVERY),
          warnings.list.stream().map(event -> (Long) event.getArgumentArray()[0]).toList());
    } finally {
      log.detachAppender(warnings);
    }
  }
}
