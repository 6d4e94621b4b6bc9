package org.wardwatch.node;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.wardwatch.clinical.ClinicalEngineVerticle;
import org.wardwatch.cluster.ClusterConfig;
import org.wardwatch.config.ConfigException;
import org.wardwatch.config.ConfigSection;
import org.wardwatch.config.TlsConfig;
import org.wardwatch.device.DeviceServerConfig;
import org.wardwatch.device.mllp.MllpServerConfig;
import org.wardwatch.simulator.SimulatorConfig;
import org.wardwatch.web.HttpConfig;

/**
 * The whole node configuration, parsed and validated once at start-up, before Vert.x starts (by the launcher's
 * {@link WardWatchMain}, so that a bad setting stops the node with one line naming it). Each verticle receives only its
 * slice.
 *
 * @param cluster           the {@code cluster} section, which the launcher applies to Hazelcast
 * @param rulesPath         the clinical rules file ({@code rules.path}), or {@code null} for the built-in rules
 * @param maxPatients       the most patients this member's clinical engine holds before it admits no new one
 *                          ({@code patients.maxPerMember})
 */
public record NodeConfig(HttpConfig http, DeviceServerConfig devices, MllpServerConfig hl7, String rulesPath,
    int maxPatients, SimulatorConfig simulator, ClusterConfig cluster) {

  /**
   * The node's configuration: the built-in defaults, then {@code deploymentConfig} (the {@code -conf} file), then the
   * {@code WARDWATCH_*} variables of {@code environment} ({@link ConfigLoader}).
   *
   * @throws ConfigException naming the first setting that is not usable
   */
  public static NodeConfig load(JsonObject deploymentConfig, Map<String, String> environment) {
    return fromJson(ConfigLoader.load(deploymentConfig, environment));
  }

  /**
   * Parses a merged configuration document; throws {@link ConfigException} naming the key, also for a key that is no
   * setting.
   */
  public static NodeConfig fromJson(JsonObject json) {
    ConfigSection root = new ConfigSection(json, "");
    NodeConfig config = new NodeConfig(
        HttpConfig.from(root.section("http")),
        DeviceServerConfig.from(root.section("devices")),
        MllpServerConfig.from(root.section("hl7")),
        root.section("rules").string("path", null, ".+"),
        root.section("patients").integer("maxPerMember", ClinicalEngineVerticle.DEFAULT_MAX_PATIENTS, 1, 10_000_000),
        SimulatorConfig.from(root.section("simulator")),
        ClusterConfig.from(root.section("cluster")));
    root.section("hl7").refuseRetired("ackMode", "each HL7 message's MSH-15 and MSH-16 choose its acknowledgements");
    root.requireNoOtherKeys();
    requireSimulatorCertificate(config);
    return config;
  }

  /**
   * Refuses a simulator aimed at this node's device server, which wants client certificates, without one of its own:
   * each of its devices would be refused at the handshake.
   */
  private static void requireSimulatorCertificate(NodeConfig config) {
    SimulatorConfig simulator = config.simulator();
    TlsConfig devices = config.devices().tls();
    if (simulator.enabled() && simulator.port() == 0 && devices != null && devices.mutual()
        && (simulator.tls() == null || !simulator.tls().hasCertificate())) {
      throw new ConfigException("simulator.tls: this node's devices must present a certificate "
          + "(devices.tls.clientCaPath is set); give the simulator one: trustPath, certPath and keyPath");
    }
  }
}
