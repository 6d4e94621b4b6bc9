package org.wardwatch.testing;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.Function;
import org.wardwatch.node.NodeConfig;
import org.wardwatch.node.NodeVerticle;

/** Deploys a whole WardWatch node for a test: loopback only, free ports, the dashboard origin below, no simulator. */
public final class TestNode {

  /** The origin the test node's bridge allows, standing in for the dashboard's own. */
  public static final String DASHBOARD_ORIGIN = "http://dashboard.test";

  private TestNode() {
  }

  public static NodeVerticle deploy(Vertx vertx) {
    return deploy(vertx, new JsonObject());
  }

  /** A test node whose configuration is the default above with {@code overrides} merged in, section by section. */
  public static NodeVerticle deploy(Vertx vertx, JsonObject overrides) {
    return deploy(vertx, overrides, NodeVerticle::standalone);
  }

  /**
   * Deploys the node {@code node} makes (a cluster member's, say) of the test configuration with {@code overrides},
   * read as the launcher reads a {@code -conf} file, though with no {@code WARDWATCH_*} variables.
   */
  public static NodeVerticle deploy(Vertx vertx, JsonObject overrides, Function<NodeConfig, NodeVerticle> node) {
    JsonObject config = new JsonObject()
        .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0)
            .put("allowedOrigins", new JsonArray().add(DASHBOARD_ORIGIN)))
        .put("devices", new JsonObject().put("host", "127.0.0.1").put("port", 0))
        .put("hl7", new JsonObject().put("host", "127.0.0.1").put("port", 0));
    NodeVerticle deployed = node.apply(NodeConfig.load(config.mergeIn(overrides, true), Map.of()));
    vertx.deployVerticle(deployed).await();
    return deployed;
  }
}
