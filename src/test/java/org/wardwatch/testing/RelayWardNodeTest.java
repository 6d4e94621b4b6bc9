package org.wardwatch.testing;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.node.NodeVerticle;

/**
 * The setting of the tests of what a device connection's end, reconnection or {@code HELLO} alarms: a whole node,
 * deployed afresh for each test with an idle timeout of its own, and the alarm transitions of its device tests' ward
 * ({@link RelayWardAlarms}).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
public abstract class RelayWardNodeTest {

  /** Its device server's idle timeout, not the default: what a node says of its connections is its own setting. */
  protected static final Duration IDLE_TIMEOUT = Duration.ofSeconds(300);

  /** The node under test. */
  protected NodeVerticle node;
  /** The alarm transitions its ward's browsers get. */
  protected RelayWardAlarms alarms;

  @BeforeEach
  void startNode(Vertx vertx) {
    node = TestNode.deploy(vertx, new JsonObject().put("devices",
        new JsonObject().put("idleTimeoutSeconds", IDLE_TIMEOUT.toSeconds())));
    alarms = RelayWardAlarms.subscribe(vertx);
  }

  /** The next disconnection alarm of {@code patient} raised within {@code seconds}, or {@code null}. */
  protected JsonObject raised(String patient, int seconds) throws InterruptedException {
    return alarms.raised(patient, Duration.ofSeconds(seconds));
  }
}
