package org.wardwatch.node;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.BusCodecs;
import org.wardwatch.clinical.AuditEvictionLog;
import org.wardwatch.clinical.ClinicalEngineVerticle;
import org.wardwatch.clinical.PatientStore;
import org.wardwatch.cluster.BusPathVerticle;
import org.wardwatch.cluster.BusPaths;
import org.wardwatch.cluster.ClusterConsumers;
import org.wardwatch.cluster.Membership;
import org.wardwatch.cluster.PatientRouterVerticle;
import org.wardwatch.device.DeviceServerVerticle;
import org.wardwatch.device.mllp.MllpServerVerticle;
import org.wardwatch.hl7.Hl7ParsingVerticle;
import org.wardwatch.parsing.FrameParsingVerticle;
import org.wardwatch.simulator.WardSimulatorVerticle;
import org.wardwatch.web.HttpBridgeVerticle;

/**
 * The main verticle of a WardWatch node, given its validated {@link NodeConfig}: deploys the pipeline downstream
 * first, so every consumer is registered before the ports that feed it open: clinical engine, patient router, bus path
 * probes, frame and HL7 parsing, device and MLLP servers, HTTP bridge, and the simulated ward when enabled. A
 * clustered node's engine evaluates only the patients its member owns.
 *
 * <p>A taken port fails the deployment, which stops the launcher with the reason.
 */
public class NodeVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(NodeVerticle.class);

  private final NodeConfig config;
  private final Membership membership;
  private final PatientStore store;
  private final BusPaths busPaths = new BusPaths();
  private DeviceServerVerticle deviceServer;
  private MllpServerVerticle mllpServer;
  private HttpBridgeVerticle httpBridge;

  private NodeVerticle(NodeConfig config, Membership membership, PatientStore store) {
    this.config = config;
    this.membership = membership;
    this.store = store;
  }

  /** A standalone node. */
  public static NodeVerticle standalone(NodeConfig config) {
    return new NodeVerticle(config, Membership.standalone(), PatientStore.none());
  }

  /**
   * A node that is a member of the cluster of {@code hazelcast}, keeping the patients' state in it, and saying when its
   * share of the audit trail drops entries ({@link AuditEvictionLog}).
   */
  public static NodeVerticle member(HazelcastInstance hazelcast, NodeConfig config) {
    AuditEvictionLog.watch(hazelcast);
    return new NodeVerticle(config, Membership.of(hazelcast, config.cluster().quorum()), PatientStore.of(hazelcast));
  }

  @Override
  public Future<?> start() {
    deviceServer = new DeviceServerVerticle(config.devices());
    mllpServer = new MllpServerVerticle(config.hl7());
    ClusterConsumers consumers = new ClusterConsumers(vertx);
    httpBridge = new HttpBridgeVerticle(config.http(), membership, busPaths, consumers);
    BusCodecs.register(vertx);
    return vertx.deployVerticle(
        new ClinicalEngineVerticle(config.rulesPath(), config.maxPatients(), membership, store, consumers))
        .compose(id -> vertx.deployVerticle(new PatientRouterVerticle(membership)))
        .compose(id -> vertx.deployVerticle(new BusPathVerticle(membership, consumers, busPaths)))
        .compose(id -> vertx.deployVerticle(new FrameParsingVerticle(membership, consumers)))
        .compose(id -> vertx.deployVerticle(new Hl7ParsingVerticle(membership, consumers, Addresses.HL7_MESSAGES),
            Hl7ParsingVerticle.deploymentOptions()))
        .compose(id -> vertx.deployVerticle(new Hl7ParsingVerticle(membership, consumers, Addresses.HL7_LARGE_MESSAGES),
            Hl7ParsingVerticle.deploymentOptions()))
        .compose(id -> vertx.deployVerticle(deviceServer))
        .compose(id -> vertx.deployVerticle(mllpServer))
        .compose(id -> vertx.deployVerticle(httpBridge))
        .compose(id -> config.simulator().enabled()
            ? vertx.deployVerticle(new WardSimulatorVerticle(
                config.simulator().aimedAt(devicePort(), config.devices().tls())))
            : Future.succeededFuture(id))
        .onSuccess(id -> LOG.info("WardWatch node ready: dashboard on port {}, devices on port {}, HL7 on port {}, {}",
            httpPort(), devicePort(), hl7Port(), membership.clustered()
                ? "member " + membership.self() + " of " + membership.members().size() : "standalone"))
        .onSuccess(id -> FileDescriptorBudget.processLimit().flatMap(limit -> FileDescriptorBudget.warning(limit,
            config.devices().maxConnections(), config.hl7().maxConnections(), config.http().maxConnections()))
            .ifPresent(LOG::warn));
  }

  /** The device server's bound port. */
  public int devicePort() {
    return deviceServer.actualPort();
  }

  /** The HL7 MLLP listener's bound port. */
  public int hl7Port() {
    return mllpServer.actualPort();
  }

  /** The HTTP server's bound port. */
  public int httpPort() {
    return httpBridge.actualPort();
  }
}
