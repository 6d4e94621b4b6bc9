package org.wardwatch.node;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wardwatch.testing.TestNode;

/** A node whose port another program holds does not start, and says which setting names that port. */
@ExtendWith(VertxExtension.class)
class PortTakenTest {

  @ParameterizedTest
  @ValueSource(strings = {"devices", "hl7", "http"})
  void aTakenPortFailsTheNodeNamingItsSetting(String section, Vertx vertx) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      JsonObject overrides = new JsonObject().put(section, new JsonObject().put("port", taken.getLocalPort()));

      RuntimeException refused = assertThrows(RuntimeException.class, () -> TestNode.deploy(vertx, overrides));

      String expected = section + ".port: cannot listen on 127.0.0.1:" + taken.getLocalPort();
      assertTrue(String.valueOf(refused.getMessage()).startsWith(expected), refused::toString);
    }
  }
}
