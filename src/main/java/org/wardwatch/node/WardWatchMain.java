package org.wardwatch.node;

import io.vertx.core.Deployable;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.launcher.application.HookContext;
import io.vertx.launcher.application.VertxApplication;
import io.vertx.launcher.application.VertxApplicationHooks;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.cluster.HazelcastSettings;
import org.wardwatch.cluster.Membership;
import org.wardwatch.config.ConfigException;

/**
 * The jar's entry point: the Vert.x application launcher ({@code -conf}, {@code -cluster}, ...) with WardWatch's
 * hooks. With {@code -cluster} it joins Hazelcast configured from {@code cluster.xml} (in the jar, or the file named by
 * {@code -Dvertx.hazelcast.config}) overridden by the node's {@code cluster} settings
 * ({@link org.wardwatch.cluster.ClusterConfig}: name, host, port, members, site; also from the environment), then
 * deploys a {@link NodeVerticle} that knows its {@link Membership}. The whole {@link NodeConfig} is read and checked
 * once the launcher has parsed {@code -conf}, before Vert.x starts.
 */
public final class WardWatchMain implements VertxApplicationHooks {

  private static final Logger LOG = LoggerFactory.getLogger(WardWatchMain.class);
  /**
   * The launcher's names of its option to cluster: with any of them it builds a clustered Vert.x, which must then run a
   * member's node (its store and routing), never a standalone one.
   */
  private static final Set<String> CLUSTER_FLAGS = Set.of("-c", "-cluster", "--cluster");

  private final boolean clustered;
  /** Whether {@code -conf} was given: then a configuration the launcher could not read is an error, not a default. */
  private final boolean configured;
  private final Map<String, String> environment;
  private NodeConfig config;
  private HazelcastClusterManager clusterManager;

  private WardWatchMain(boolean clustered, boolean configured, Map<String, String> environment) {
    this.clustered = clustered;
    this.configured = configured;
    this.environment = environment;
  }

  public static void main(String[] args) {
    List<String> options = List.of(args);
    boolean configured = options.stream().anyMatch(option -> option.matches("--?conf(=.*)?"));
    boolean clustered = options.stream().anyMatch(CLUSTER_FLAGS::contains);
    WardWatchMain hooks = new WardWatchMain(clustered, configured, System.getenv());
    int code = new VertxApplication(args, hooks).launch();
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public JsonObject afterConfigParsed(JsonObject config) {
    if (configured && config == null) { // else the launcher would start a node on the defaults, a typo unnoticed
      ConfigException refused = new ConfigException("-conf: not a readable JSON file, nor a JSON object");
      notStarted(refused);
      throw refused;
    }
    try {
      this.config = NodeConfig.load(config == null ? new JsonObject() : config, environment);
    } catch (ConfigException refused) { // before Vert.x starts
      notStarted(refused);
      throw refused;
    }
    return config;
  }

  @Override
  public void afterFailureToStartVertx(HookContext context, Throwable cause) {
    notStarted(cause);
  }

  @Override
  public void afterFailureToDeployVerticle(HookContext context, Throwable cause) {
    notStarted(cause); // a port taken, say
  }

  /**
   * Says why the node did not start, in the launcher's stead (logback.xml silences it): a setting that cannot be used
   * in one line that names it, anything else with its stack trace.
   */
  private static void notStarted(Throwable cause) {
    if (cause instanceof ConfigException) {
      LOG.error("{}; the node is not started", cause.getMessage());
    } else {
      LOG.error("the node is not started", cause);
    }
  }

  @Override
  public VertxBuilder createVertxBuilder(VertxOptions options) {
    if (options.getEventLoopPoolSize() == VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE) {
      // One event loop per core, not Vert.x's two: a frame hops between verticles, and with more loops than cores each
      // hop is a thread switch (on one core, twice the CPU per frame). `-options {"eventLoopPoolSize":n}` overrides.
      options.setEventLoopPoolSize(Runtime.getRuntime().availableProcessors());
    }
    options.setPreferNativeTransport(true); // epoll where available (see the pom), else NIO
    VertxBuilder builder = Vertx.builder().with(options);
    if (clustered) {
      clusterManager = new HazelcastClusterManager(HazelcastSettings.apply(ConfigUtil.loadConfig(), config.cluster()));
      builder.withClusterManager(clusterManager);
    }
    return builder;
  }

  @Override
  public Supplier<? extends Deployable> verticleSupplier() {
    return () -> clustered ? NodeVerticle.member(clusterManager.getHazelcastInstance(), config)
        : NodeVerticle.standalone(config);
  }
}
