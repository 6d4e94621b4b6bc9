package org.wardwatch.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wardwatch.cluster.ClusterConfig;
import org.wardwatch.config.ConfigException;
import org.wardwatch.config.ConfigSection;

class ConfigLoaderTest {

  @Test
  void givenNoDeploymentConfigOrEnvironment_whenLoaded_thenBuiltInDefaults() {
    NodeConfig config = NodeConfig.fromJson(ConfigLoader.load(new JsonObject(), Map.of()));

    assertEquals(8080, config.http().port());
    assertEquals("0.0.0.0", config.http().host());
    assertEquals(List.of(), config.http().allowedOrigins());
    assertEquals(7000, config.devices().port());
    assertEquals(4096, config.devices().maxFrameLength());
    assertEquals(120, config.devices().idleTimeoutSeconds());
    assertEquals(10, config.devices().maxConsecutiveBadFrames());
    assertNull(config.rulesPath());
    assertFalse(config.simulator().enabled());
    assertEquals("medical", config.simulator().ward());
    assertEquals(12, config.simulator().beds());
  }

  @Test
  void givenNoDeploymentConfigOrEnvironment_whenLoaded_thenDocumentIsTheShippedDefaultsFile() {
    JsonObject merged = ConfigLoader.load(new JsonObject(), Map.of());

    assertEquals(8080, merged.getJsonObject("http").getInteger("port"));
    assertEquals(7000, merged.getJsonObject("devices").getInteger("port"));
    assertFalse(merged.getJsonObject("simulator").getBoolean("enabled"));
  }

  @Test
  void givenDeploymentConfigWithOneNestedKey_whenLoaded_thenItOverridesWithoutDroppingSiblings() {
    JsonObject deployment = new JsonObject().put("devices", new JsonObject().put("port", 7100));

    JsonObject merged = ConfigLoader.load(deployment, Map.of());

    JsonObject devices = merged.getJsonObject("devices");
    assertEquals(7100, devices.getInteger("port"));
    assertEquals(4096, devices.getInteger("maxFrameLength"));
    assertEquals("0.0.0.0", devices.getString("host"));
    assertEquals(120, devices.getInteger("idleTimeoutSeconds"));
    assertEquals(8080, merged.getJsonObject("http").getInteger("port"));
  }

  @Test
  void givenDemoConfig_whenLoaded_thenSimulatorEnabledAndEverythingElseDefault() {
    JsonObject demo = new JsonObject().put("simulator", new JsonObject().put("enabled", true));

    NodeConfig config = NodeConfig.fromJson(ConfigLoader.load(demo, Map.of()));

    assertTrue(config.simulator().enabled());
    assertEquals("medical", config.simulator().ward());
    assertEquals(1000, config.simulator().intervalMs());
    assertEquals(8080, config.http().port());
  }

  @Test
  void givenDeploymentConfig_whenLoaded_thenTheCallersObjectIsNotTheResult() {
    JsonObject deployment = new JsonObject().put("http", new JsonObject().put("port", 9000));

    JsonObject merged = ConfigLoader.load(deployment, Map.of("WARDWATCH_HTTP_PORT", "9001"));

    assertEquals(9001, merged.getJsonObject("http").getInteger("port"));
    assertEquals(9000, deployment.getJsonObject("http").getInteger("port"));
  }

  @Test
  void givenEnvironmentOverrides_whenLoaded_thenTypedLikeJson() {
    Map<String, String> environment = Map.of(
        "WARDWATCH_HTTP_PORT", "9090",
        "WARDWATCH_DEVICE_PORT", "7070",
        "WARDWATCH_SIMULATOR_ENABLED", "true",
        "WARDWATCH_HTTP_HOST", "127.0.0.1",
        "WARDWATCH_DEVICE_HOST", "10.0.0.5",
        "WARDWATCH_RULES_PATH", "/etc/wardwatch/rules.json");

    JsonObject merged = ConfigLoader.load(new JsonObject(), environment);

    assertEquals(9090L, merged.getJsonObject("http").getValue("port"));
    assertEquals(7070L, merged.getJsonObject("devices").getValue("port"));
    assertEquals(Boolean.TRUE, merged.getJsonObject("simulator").getValue("enabled"));
    NodeConfig config = NodeConfig.fromJson(merged);
    assertEquals(9090, config.http().port());
    assertEquals("127.0.0.1", config.http().host());
    assertEquals(7070, config.devices().port());
    assertEquals("10.0.0.5", config.devices().host());
    assertEquals("/etc/wardwatch/rules.json", config.rulesPath());
    assertTrue(config.simulator().enabled());
  }

  @Test
  void givenEnvironmentAndDeploymentConfig_whenLoaded_thenEnvironmentWinsKeyByKey() {
    JsonObject deployment = new JsonObject()
        .put("http", new JsonObject().put("port", 9000).put("host", "127.0.0.1"))
        .put("simulator", new JsonObject().put("enabled", true));

    NodeConfig config = NodeConfig.fromJson(ConfigLoader.load(deployment,
        Map.of("WARDWATCH_HTTP_PORT", "9001", "WARDWATCH_SIMULATOR_ENABLED", "false")));

    assertEquals(9001, config.http().port());
    assertEquals("127.0.0.1", config.http().host());
    assertFalse(config.simulator().enabled());
  }

  @Test
  void givenUnrelatedEnvironmentVariables_whenLoaded_thenIgnored() {
    JsonObject merged = ConfigLoader.load(new JsonObject(), Map.of("HTTP_PORT", "1", "WARDWATCH_UNKNOWN", "2"));

    assertEquals(ConfigLoader.load(new JsonObject(), Map.of()), merged);
  }

  @Test
  void givenDeploymentConfigWithoutASection_whenEnvironmentSetsAKeyInIt_thenSectionCreated() {
    JsonObject deployment = new JsonObject().put("simulator", new JsonObject().put("beds", 3));

    JsonObject merged = ConfigLoader.load(deployment, Map.of("WARDWATCH_SIMULATOR_ENABLED", "true"));

    assertTrue(merged.getJsonObject("simulator").getBoolean("enabled"));
    assertEquals(3, merged.getJsonObject("simulator").getInteger("beds"));
    assertEquals("medical", merged.getJsonObject("simulator").getString("ward"));
  }

  @Test
  void givenAllowedOriginsList_whenDeploymentConfigOverridesIt_thenReplacedNotMerged() {
    JsonObject deployment = new JsonObject()
        .put("http", new JsonObject().put("allowedOrigins", new JsonArray().add("https://ward.example")));

    NodeConfig config = NodeConfig.fromJson(ConfigLoader.load(deployment, Map.of()));

    assertEquals(List.of("https://ward.example"), config.http().allowedOrigins());
  }

  @ParameterizedTest
  @CsvSource({
      "WARDWATCH_HTTP_PORT, abc, http.port",
      "WARDWATCH_HTTP_PORT, 70000, http.port",
      "WARDWATCH_HTTP_PORT, -1, http.port",
      "WARDWATCH_HTTP_PORT, 8080.5, http.port",
      "WARDWATCH_HTTP_PORT, 4294975376, http.port",
      "WARDWATCH_DEVICE_PORT, abc, devices.port",
      "WARDWATCH_DEVICE_PORT, 65536, devices.port",
      "WARDWATCH_DEVICE_PORT, true, devices.port",
      "WARDWATCH_SIMULATOR_ENABLED, yes, simulator.enabled",
      "WARDWATCH_SIMULATOR_ENABLED, 1, simulator.enabled",
      "WARDWATCH_DEVICE_HOST, 'two words', devices.host"})
  void givenInvalidEnvironmentValue_whenParsed_thenConfigExceptionNamingTheDottedKey(String variable, String value,
      String key) {
    JsonObject merged = ConfigLoader.load(new JsonObject(), Map.of(variable, value));

    ConfigException e = assertThrows(ConfigException.class, () -> NodeConfig.fromJson(merged));

    assertTrue(e.getMessage().startsWith(key + ": "), e::getMessage);
    assertTrue(e.getMessage().contains(value), e::getMessage);
  }

  @Test
  void givenEmptyEnvironmentValue_whenLoaded_thenConfigExceptionNamingTheVariable() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(new JsonObject(), Map.of("WARDWATCH_HTTP_HOST", "")));

    assertTrue(e.getMessage().contains("WARDWATCH_HTTP_HOST"), e::getMessage);
  }

  @Test
  void givenInvalidDeploymentValue_whenParsed_thenConfigExceptionNamingTheDottedKey() {
    JsonObject deployment = new JsonObject().put("devices", new JsonObject().put("maxFrameLength", 10));

    ConfigException e = assertThrows(ConfigException.class,
        () -> NodeConfig.fromJson(ConfigLoader.load(deployment, Map.of())));

    assertTrue(e.getMessage().startsWith("devices.maxFrameLength: "), e::getMessage);
  }

  @Test
  void givenEveryListedVariable_whenLoaded_thenEachLandsOnItsDottedKey() {
    ConfigLoader.ENV_OVERRIDES.forEach((variable, key) -> {
      JsonObject merged = ConfigLoader.load(new JsonObject(), Map.of(variable, "marker"));
      String[] path = key.split("\\.");

      Object value = merged.getJsonObject(path[0]).getValue(path[1]);
      assertEquals("marker", value instanceof JsonArray list ? list.getString(0) : value, variable);
    });
  }

  @Test
  void givenClusterVariables_whenParsed_thenMembersAreAListAndNamesStayText() {
    JsonObject merged = ConfigLoader.load(new JsonObject(), Map.of("WARDWATCH_CLUSTER_MEMBERS",
        "10.0.0.1, 10.0.0.2:5702", "WARDWATCH_CLUSTER_NAME", "2026", "WARDWATCH_SITE", "north",
        "WARDWATCH_CLUSTER_PORT", "5801", "WARDWATCH_CLUSTER_QUORUM", "2"));

    ClusterConfig cluster = ClusterConfig.from(new ConfigSection(merged, "").section("cluster"));

    assertEquals(new ClusterConfig("2026", "127.0.0.1", 5801, List.of("10.0.0.1", "10.0.0.2:5702"), "north", 2),
        cluster);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ",10.0.0.2", "10.0.0.1,,10.0.0.2"})
  void givenClusterMembersVariableWithABlankEntry_whenChecked_thenRefusedNamingTheKey(String members) {
    JsonObject merged = ConfigLoader.load(new JsonObject(), Map.of("WARDWATCH_CLUSTER_MEMBERS", members));

    ConfigException e = assertThrows(ConfigException.class,
        () -> ClusterConfig.from(new ConfigSection(merged, "").section("cluster")));
    assertTrue(e.getMessage().startsWith("cluster.members: each entry must be"), e::getMessage);
  }
}
