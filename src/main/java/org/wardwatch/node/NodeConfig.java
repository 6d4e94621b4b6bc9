package org.wardwatch.node;

import io.vertx.core.json.JsonObject;
import org.wardwatch.config.ConfigSection;
import org.wardwatch.device.DeviceServerConfig;
import org.wardwatch.simulator.SimulatorConfig;
import org.wardwatch.web.HttpConfig;

/**
 * The whole node configuration, parsed and validated once at start-up. Each verticle receives only its slice.
 *
 * @param rulesPath  the threshold rules file ({@code rules.path}), or {@code null} for the built-in rules
 */
public record NodeConfig(HttpConfig http, DeviceServerConfig devices, String rulesPath, SimulatorConfig simulator) {

  /** Parses a merged configuration document; throws {@link org.wardwatch.config.ConfigException} naming the key. */
  public static NodeConfig fromJson(JsonObject json) {
    ConfigSection root = new ConfigSection(json, "");
    return new NodeConfig(
        HttpConfig.from(root.section("http")),
        DeviceServerConfig.from(root.section("devices")),
        root.section("rules").string("path", null, ".+"),
        SimulatorConfig.from(root.section("simulator")));
  }
}
