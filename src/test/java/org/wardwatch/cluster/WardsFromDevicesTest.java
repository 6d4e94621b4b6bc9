package org.wardwatch.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.node.NodeVerticle;
import org.wardwatch.testing.DeviceClient;
import org.wardwatch.testing.TestNode;

/**
 * The wards a node takes dashboard actions for come from accepted reports: a refused frame naming a ward leaves no
 * trace in the cluster's known wards (a device cycling through made-up ward names would otherwise grow them, and each
 * node's consumers and sweep, without bound).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class WardsFromDevicesTest {

  @Test
  void aRefusedFrameNamingAWardMakesNoKnownWardAndAnAcceptedOneDoes(Vertx vertx) throws InterruptedException {
    NodeVerticle node = TestNode.deploy(vertx);
    try (DeviceClient device = new DeviceClient(node.devicePort())) {
      device.send("Device=X-1|Ward=phantom-1\n");
      assertEquals("NAK||frame carries no vital sign", device.readLine());
      device.send("Device=X-1|Ward=real-1|Pulse=80\n");
      assertEquals("ACK|", device.readLine());
    }

    KnownWards wards = new KnownWards(vertx);
    Set<String> known = wards.all().await();
    for (int attempt = 0; !known.contains("real-1") && attempt < 100; attempt++) {
      Thread.sleep(50);
      known = wards.all().await();
    }
    assertTrue(known.contains("real-1"), known::toString);
    assertFalse(known.contains("phantom-1"), known::toString);
  }
}
