package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import org.wardwatch.testing.TestCluster;

/**
 * Losing more members at once than the stored state has copies loses patients; the survivors say so, loudly, rather
 * than carry on as if nothing had gone.
 */
@Timeout(120)
class LostPartitionTest {

  @Test
  void whenEveryCopyOfSomePatientsStateIsGoneTheSurvivorLogsAnError() throws InterruptedException {
    Logger log = (Logger) LoggerFactory.getLogger(HazelcastPatientStore.class);
    ListAppender<ILoggingEvent> errors = new ListAppender<>();
    errors.start();
    log.addAppender(errors);
    try (TestCluster cluster = new TestCluster()) {
      TestCluster.Member survivor = cluster.start();
      TestCluster.Member first = cluster.start();
      TestCluster.Member second = cluster.start();

      cluster.kill(first);
      cluster.kill(second);

      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (logged(errors).stream().noneMatch(event -> event.getFormattedMessage().contains("is lost"))
          && Instant.now().isBefore(deadline)) {
        Thread.sleep(200);
      }
      List<ILoggingEvent> logged = logged(errors);
      assertTrue(logged.stream().anyMatch(event -> event.getFormattedMessage()
          .matches("the stored state of the patients in partition \\d+ of wardwatch\\.patients is lost .*")),
          () -> "no loss reported by " + survivor.membership().self() + ": " + logged);
    } finally {
      log.detachAppender(errors);
    }
  }

  /** What {@code appender} holds so far, copied while no logging thread appends (its appends hold its lock). */
  private static List<ILoggingEvent> logged(ListAppender<ILoggingEvent> appender) {
    synchronized (appender) {
      return new ArrayList<>(appender.list);
    }
  }
}
