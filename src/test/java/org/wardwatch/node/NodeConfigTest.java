package org.wardwatch.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wardwatch.config.ConfigException;
import org.wardwatch.device.DeviceServerConfig;
import org.wardwatch.simulator.SimulatorConfig;
import org.wardwatch.testing.TestTls;
import org.wardwatch.web.HttpConfig;

class NodeConfigTest {

  @Test
  void givenEmptyDocument_whenParsed_thenEveryKeyTakesItsDefault() {
    NodeConfig config = NodeConfig.fromJson(new JsonObject());

    assertEquals(new HttpConfig("0.0.0.0", 8080, List.of()), config.http());
    assertEquals(new DeviceServerConfig("0.0.0.0", 7000, 4096, 120, 10, 20_000), config.devices());
    assertEquals(500, config.hl7().maxConnections());
    assertNull(config.rulesPath());
    assertEquals(new SimulatorConfig(false, "127.0.0.1", 0, "medical", 12, 1000, 1L, List.of(), null),
        config.simulator());
  }

  @Test
  void givenClusterSettings_thenTheQuorumIsOneUnlessSet() {
    JsonObject three = new JsonObject().put("members", new JsonArray().add("10.0.0.1").add("10.0.0.2").add("10.0.0.3"));
    assertEquals(1, quorumOf(new JsonObject()));
    assertEquals(1, quorumOf(three), "the members named may be hosts of several nodes: the quorum is set, not guessed");
    assertEquals(2, quorumOf(three.copy().put("quorum", 2)));
    ConfigException zero = assertThrows(ConfigException.class, () -> quorumOf(three.copy().put("quorum", 0)));
    assertTrue(zero.getMessage().startsWith("cluster.quorum"), zero.getMessage());
  }

  private static int quorumOf(JsonObject cluster) {
    return NodeConfig.fromJson(new JsonObject().put("cluster", cluster)).cluster().quorum();
  }

  @Test
  void givenFullDocument_whenParsed_thenEveryValueRead() {
    JsonObject json = new JsonObject()
        .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0)
            .put("allowedOrigins", new JsonArray().add("https://ward.example")))
        .put("devices", new JsonObject().put("host", "::").put("port", 7001).put("maxFrameLength", 64)
            .put("idleTimeoutSeconds", 30).put("maxConsecutiveBadFrames", 3).put("maxConnections", 50))
        .put("rules", new JsonObject().put("path", "conf/rules.json"))
        .put("simulator", new JsonObject().put("enabled", true).put("host", "gw").put("port", 7001)
            .put("ward", "cardio_2").put("beds", 4).put("intervalMs", 250).put("seed", -7));

    NodeConfig config = NodeConfig.fromJson(json);

    assertEquals(new HttpConfig("127.0.0.1", 0, List.of("https://ward.example")), config.http());
    assertEquals(new DeviceServerConfig("::", 7001, 64, 30, 3, 50), config.devices());
    assertEquals("conf/rules.json", config.rulesPath());
    assertEquals(new SimulatorConfig(true, "gw", 7001, "cardio_2", 4, 250, -7L, List.of(), null), config.simulator());
  }

  @Test
  void givenPortsAtTheirBounds_whenParsed_thenAccepted() {
    NodeConfig config = NodeConfig.fromJson(new JsonObject()
        .put("http", new JsonObject().put("port", 65535))
        .put("devices", new JsonObject().put("port", 0).put("maxFrameLength", 1 << 20)));

    assertEquals(65535, config.http().port());
    assertEquals(0, config.devices().port());
    assertEquals(1 << 20, config.devices().maxFrameLength());
  }

  @Test
  void givenWholeNumberWrittenAsDecimal_whenParsed_thenAccepted() {
    NodeConfig config = NodeConfig.fromJson(new JsonObject().put("http", new JsonObject().put("port", 8081.0)));

    assertEquals(8081, config.http().port());
  }

  static Stream<Arguments> invalidDocuments() {
    return Stream.of(
        arguments(section("http", "port", "abc"), "http.port: must be a whole number from 0 to 65535"),
        arguments(section("http", "port", 70000), "http.port: must be a whole number from 0 to 65535"),
        arguments(section("http", "port", -1), "http.port: "),
        arguments(section("http", "port", 80.5), "http.port: "),
        arguments(section("http", "port", 4_294_975_376L), "http.port: "),
        arguments(section("http", "host", ""), "http.host: "),
        arguments(section("http", "allowedOrigins", "https://ward.example"), "http.allowedOrigins: "),
        arguments(section("http", "allowedOrigins", new JsonArray().add(1)), "http.allowedOrigins: "),
        arguments(section("devices", "port", "abc"), "devices.port: must be a whole number"),
        arguments(section("devices", "port", 70000), "devices.port: must be a whole number"),
        arguments(section("devices", "maxFrameLength", 10), "devices.maxFrameLength: must be a whole number from 64"),
        arguments(section("devices", "maxFrameLength", (1 << 20) + 1), "devices.maxFrameLength: "),
        arguments(section("devices", "idleTimeoutSeconds", 0), "devices.idleTimeoutSeconds: "),
        arguments(section("devices", "maxConsecutiveBadFrames", 0), "devices.maxConsecutiveBadFrames: "),
        arguments(section("rules", "path", ""), "rules.path: "),
        arguments(section("rules", "path", 5), "rules.path: "),
        arguments(section("simulator", "enabled", "true"), "simulator.enabled: must be true or false"),
        arguments(section("simulator", "ward", "a.b"), "simulator.ward: must be a string matching"),
        arguments(section("simulator", "ward", "w".repeat(33)), "simulator.ward: "),
        arguments(section("simulator", "ward", ""), "simulator.ward: "),
        arguments(section("simulator", "beds", 0), "simulator.beds: "),
        arguments(section("simulator", "intervalMs", 9), "simulator.intervalMs: "),
        arguments(new JsonObject().put("devices", "7000"), "devices: must be an object"),
        arguments(new JsonObject().put("devices", new JsonArray()), "devices: must be an object"),
        arguments(new JsonObject().put("http", 8080), "http: must be an object"),
        arguments(new JsonObject().put("simulator", true), "simulator: must be an object"),
        arguments(new JsonObject().put("rules", "conf/rules.json"), "rules: must be an object"),
        arguments(section("simulator", "enable", true), "unknown setting(s) simulator.enable: misspelt?"),
        arguments(new JsonObject().put("devices", new JsonObject().put("port", 7001).put("maxFrameLenght", 9))
            .put("htttp", new JsonObject()), "unknown setting(s) devices.maxFrameLenght, htttp: misspelt?"),
        arguments(section("cluster", "member", new JsonArray()), "unknown setting(s) cluster.member: misspelt?"),
        arguments(section("cluster", "members", new JsonArray().add("10.0.0.1").add("")),
            "cluster.members: each entry must be"),
        arguments(section("http", "allowedOrigins", new JsonArray().add(" ")), "http.allowedOrigins: each entry"),
        arguments(section("simulator", "failover", new JsonArray().add("10.0.0.12")),
            "simulator.failover: each entry must be"),
        arguments(section("simulator", "failover", new JsonArray().add("10.0.0.12:7000").add("10.0.0.13:70000")),
            "simulator.failover: each entry must be"),
        arguments(section("simulator", "failover", new JsonArray().add("10.0.0.12:0")),
            "simulator.failover: each entry must be"),
        arguments(section("hl7", "ackMode", "enhanced"), "hl7.ackMode is no longer a setting: each HL7 message's"));
  }

  @ParameterizedTest
  @MethodSource("invalidDocuments")
  void givenInvalidValue_whenParsed_thenConfigExceptionNamingTheDottedKey(JsonObject json, String phrase) {
    ConfigException e = assertThrows(ConfigException.class, () -> NodeConfig.fromJson(json));

    assertTrue(e.getMessage().startsWith(phrase), e::getMessage);
  }

  @Test
  void givenInvalidValue_whenParsed_thenMessageShowsTheOffendingValue() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> NodeConfig.fromJson(section("simulator", "ward", "a.b")));

    assertTrue(e.getMessage().endsWith("got a.b"), e::getMessage);
  }

  @Test
  void givenNullSection_whenParsed_thenDefaults() {
    NodeConfig config = NodeConfig.fromJson(new JsonObject().putNull("devices").putNull("simulator"));

    assertEquals(7000, config.devices().port());
    assertFalse(config.simulator().enabled());
  }

  @Test
  void givenTls_whenParsed_thenEachListenerHasItAndTheDashboardsOwnOriginsAreHttps() {
    NodeConfig config = NodeConfig.fromJson(new JsonObject()
        .put("http", new JsonObject().put("tls", TestTls.listener(false)))
        .put("devices", new JsonObject().put("tls", TestTls.listener(true))));

    assertEquals(TestTls.path("server.pem"), config.http().tls().certPath());
    assertEquals(List.of("https://localhost:8443", "https://127.0.0.1:8443"), config.http().originsFor(8443));
    assertTrue(config.devices().tls().mutual());
    assertNull(config.hl7().tls(), "no tls section: plain TCP");
  }

  @Test
  void givenDevicesNamedByCertificatesWithoutClientCertificates_thenRefusedNamingTheSetting() {
    for (JsonObject devices : List.of(new JsonObject(), new JsonObject().put("tls", TestTls.listener(false)))) {
      ConfigException refused = assertThrows(ConfigException.class, () -> NodeConfig.fromJson(new JsonObject()
          .put("devices", devices.put("certificateNamesDevice", true))));

      assertTrue(refused.getMessage().startsWith("devices.certificateNamesDevice: needs devices.tls with clientCaPath"),
          refused.getMessage());
    }
  }

  static Stream<Arguments> invalidTls() {
    JsonObject wrongKey = TestTls.listener(false).put("keyPath", TestTls.path("device-key.pem"));
    return Stream.of(
        arguments(new JsonObject().put("certPath", TestTls.path("server.pem")),
            "devices.tls: needs both certPath and keyPath"),
        arguments(TestTls.listener(false).put("certPath", "/nowhere/server.pem"),
            "devices.tls.certPath: must name a readable file"),
        arguments(wrongKey, "devices.tls: keyPath " + TestTls.path("device-key.pem") + " is not the private key"),
        arguments(TestTls.listener(false).put("keyPath", TestTls.path("server.pem")),
            "devices.tls: keyPath " + TestTls.path("server.pem") + " holds no PKCS#8 key"),
        arguments(TestTls.listener(false).put("certPath", TestTls.path("server-key.pem")),
            "devices.tls: certPath " + TestTls.path("server-key.pem") + " holds no PEM certificate"),
        arguments(TestTls.listener(false).put("keyPath", TestTls.path("ec-key.pem")),
            "devices.tls: keyPath " + TestTls.path("ec-key.pem") + " is not the private key"),
        arguments(TestTls.listener(false).put("keyPath", TestTls.path("encrypted-key.pem")),
            "devices.tls: keyPath " + TestTls.path("encrypted-key.pem") + " holds an encrypted key"));
  }

  @ParameterizedTest
  @MethodSource("invalidTls")
  void givenUnusableTls_whenParsed_thenRefusedNamingTheSettingAndWhy(JsonObject tls, String phrase) {
    ConfigException e = assertThrows(ConfigException.class,
        () -> NodeConfig.fromJson(section("devices", "tls", tls)));

    assertTrue(e.getMessage().startsWith(phrase), e::getMessage);
  }

  @Test
  void givenSimulatorOnThisNodesMutualTlsDevicesWithoutACertificate_whenParsed_thenRefused() {
    JsonObject config = new JsonObject().put("devices", new JsonObject().put("tls", TestTls.listener(true)))
        .put("simulator", new JsonObject().put("enabled", true));

    ConfigException e = assertThrows(ConfigException.class, () -> NodeConfig.fromJson(config));

    assertTrue(e.getMessage().startsWith("simulator.tls: this node's devices must present a certificate"),
        e::getMessage);
  }

  private static JsonObject section(String section, String key, Object value) {
    return new JsonObject().put(section, new JsonObject().put(key, value));
  }
}
