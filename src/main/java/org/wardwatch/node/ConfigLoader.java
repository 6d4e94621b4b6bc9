package org.wardwatch.node;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wardwatch.config.ConfigException;

/**
 * Builds the node's configuration document in three layers, later ones winning key by key:
 * <ol>
 *   <li>the built-in defaults, {@code conf/wardwatch.json} packaged in the jar;
 *   <li>the deployment config (the launcher's {@code -conf} file or JSON);
 *   <li>environment overrides, listed in {@link #ENV_OVERRIDES}.
 * </ol>
 */
final class ConfigLoader {

  private static final String DEFAULTS = "conf/wardwatch.json";

  /** Environment variable to dotted config key. */
  static final Map<String, String> ENV_OVERRIDES = Map.ofEntries(
      Map.entry("WARDWATCH_HTTP_HOST", "http.host"),
      Map.entry("WARDWATCH_HTTP_PORT", "http.port"),
      Map.entry("WARDWATCH_DEVICE_HOST", "devices.host"),
      Map.entry("WARDWATCH_DEVICE_PORT", "devices.port"),
      Map.entry("WARDWATCH_HL7_PORT", "hl7.port"),
      Map.entry("WARDWATCH_RULES_PATH", "rules.path"),
      Map.entry("WARDWATCH_SIMULATOR_ENABLED", "simulator.enabled"),
      Map.entry("WARDWATCH_CLUSTER_NAME", "cluster.name"),
      Map.entry("WARDWATCH_CLUSTER_HOST", "cluster.host"),
      Map.entry("WARDWATCH_CLUSTER_PORT", "cluster.port"),
      Map.entry("WARDWATCH_CLUSTER_MEMBERS", "cluster.members"),
      Map.entry("WARDWATCH_CLUSTER_QUORUM", "cluster.quorum"),
      Map.entry("WARDWATCH_SITE", "cluster.site"));

  /** Keys whose environment value is text even when it looks like a number or a boolean. */
  private static final Set<String> TEXT_KEYS = Set.of("http.host", "devices.host", "rules.path", "cluster.name",
      "cluster.host", "cluster.site");

  /** Keys whose environment value is a comma-separated list, e.g. {@code 10.0.0.1,10.0.0.2:5702}. */
  private static final Set<String> LIST_KEYS = Set.of("cluster.members");

  private ConfigLoader() {
  }

  static JsonObject load(JsonObject deploymentConfig, Map<String, String> environment) {
    JsonObject merged = builtInDefaults().mergeIn(deploymentConfig, true);
    ENV_OVERRIDES.forEach((variable, key) -> {
      String value = environment.get(variable);
      if (value != null) {
        put(merged, key, variable, value);
      }
    });
    return merged;
  }

  private static JsonObject builtInDefaults() {
    try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULTS + " is missing from the classpath");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sets a dotted key from an environment string, typed like JSON: numbers and booleans are not strings. */
  private static void put(JsonObject root, String dottedKey, String variable, String value) {
    String[] path = dottedKey.split("\\.");
    JsonObject section = root;
    for (int i = 0; i < path.length - 1; i++) {
      Object child = section.getValue(path[i]);
      if (child == null) {
        section.put(path[i], new JsonObject());
      } else if (!(child instanceof JsonObject)) {
        throw new ConfigException(path[i] + ": must be an object, got " + child);
      }
      section = section.getJsonObject(path[i]);
    }
    section.put(path[path.length - 1], LIST_KEYS.contains(dottedKey)
        ? new JsonArray(List.of(value.split("\\s*,\\s*")))
        : typed(value, variable, TEXT_KEYS.contains(dottedKey)));
  }

  private static Object typed(String value, String variable, boolean text) {
    if (value.isBlank()) {
      throw new ConfigException(variable + ": must not be empty");
    }
    if (text) {
      return value;
    }
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    if (value.matches("-?\\d{1,18}")) {
      return Long.parseLong(value);
    }
    return value;
  }
}
