package org.wardwatch.testing;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
    return deploy(vertx, overrides, new NodeVerticle());
  }

  /** Deploys {@code node} (e.g. a cluster member's) with the test configuration and {@code overrides}. */
  public static NodeVerticle deploy(Vertx vertx, JsonObject overrides, NodeVerticle node) {
    JsonObject config = new JsonObject()
        .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0)
            .put("allowedOrigins", new JsonArray().add(DASHBOARD_ORIGIN)))
        .put("devices", new JsonObject().put("host", "127.0.0.1").put("port", 0))
        .put("hl7", new JsonObject().put("host", "127.0.0.1").put("port", 0));
    vertx.deployVerticle(node, new DeploymentOptions().setConfig(config.mergeIn(overrides, true))).await();
    return node;
  }
}
