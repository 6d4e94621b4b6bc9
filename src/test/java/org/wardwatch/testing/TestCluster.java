package org.wardwatch.testing;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.wardwatch.cluster.ClusterConfig;
import org.wardwatch.cluster.HazelcastSettings;
import org.wardwatch.cluster.Membership;
import org.wardwatch.node.NodeVerticle;

/**
 * Several clustered WardWatch nodes in one JVM for a test: Hazelcast on 127.0.0.1 with a cluster name of its own (so
 * concurrent or leftover clusters never merge), short heartbeats so a lost member is noticed within seconds, and a
 * {@link TestNode} on each. Closing it stops every node still running.
 */
public final class TestCluster implements AutoCloseable {

  /**
   * One member: its Vert.x, its node, its Hazelcast, and its node's view of the cluster: over the same Hazelcast
   * member with the same quorum as the node's own, so the same id ({@link Membership#self()}) and the same owner of
   * each patient ({@link Membership#ownerOf}).
   */
  public record Member(Vertx vertx, NodeVerticle node, HazelcastClusterManager clusterManager,
      Membership membership) {
  }

  private final String name = "wardwatch-test-" + UUID.randomUUID();
  private final List<Member> members = new ArrayList<>();
  private final List<Vertx> bare = new ArrayList<>();

  /** Starts a member and waits until its node is deployed (the member has joined by then). */
  public Member start() {
    return start(new JsonObject());
  }

  /** Starts a member whose node has {@code overrides} merged into the test configuration. */
  public Member start(JsonObject overrides) {
    HazelcastClusterManager clusterManager = new HazelcastClusterManager(hazelcastConfig());
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setEventBusOptions(new EventBusOptions().setHost("127.0.0.1")))
        .withClusterManager(clusterManager)
        .buildClustered()
        .await();
    HazelcastInstance hazelcast = clusterManager.getHazelcastInstance();
    AtomicReference<Membership> membership = new AtomicReference<>();
    NodeVerticle node = TestNode.deploy(vertx, overrides, config -> {
      membership.set(Membership.of(hazelcast, config.cluster().quorum()));
      return NodeVerticle.member(hazelcast, config);
    });
    Member member = new Member(vertx, node, clusterManager, membership.get());
    members.add(member);
    awaitPartitionsSettled();
    return member;
  }

  /**
   * Starts a member that joins the cluster and deploys no node, as a node still deploying its verticles is; closed
   * with the cluster.
   */
  public Vertx joinWithoutNode() {
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setEventBusOptions(new EventBusOptions().setHost("127.0.0.1")))
        .withClusterManager(new HazelcastClusterManager(hazelcastConfig()))
        .buildClustered()
        .await();
    bare.add(vertx);
    return vertx;
  }

  /** The Hazelcast member of a clustered {@code vertx} (one {@link #joinWithoutNode} gave, say). */
  public static HazelcastInstance hazelcastOf(Vertx vertx) {
    return ((HazelcastClusterManager) ((VertxInternal) vertx).clusterManager()).getHazelcastInstance();
  }

  /** Waits until every partition has its owner and backups placed after a member came or went. */
  public void awaitPartitionsSettled() {
    for (Member member : members) {
      long deadline = System.currentTimeMillis() + 30_000;
      while (!member.clusterManager().getHazelcastInstance().getPartitionService().isClusterSafe()) {
        if (System.currentTimeMillis() > deadline) {
          throw new AssertionError("partitions did not settle within 30 s");
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }
  }

  /** Stops {@code member} the hard way: its Hazelcast is terminated without leaving, as a killed process would. */
  public void kill(Member member) {
    members.remove(member);
    member.clusterManager().getHazelcastInstance().getLifecycleService().terminate();
    member.vertx().close();
  }

  @Override
  public void close() {
    for (Member member : List.copyOf(members)) {
      members.remove(member);
      member.vertx().close().await();
    }
    bare.forEach(vertx -> vertx.close().await());
    bare.clear();
  }

  private Config hazelcastConfig() {
    Config config = HazelcastSettings.apply(ConfigUtil.loadConfig(),
        new ClusterConfig(name, "127.0.0.1", 5701, List.of("127.0.0.1"), null, 1));
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
    config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
    return config;
  }
}
