package org.wardwatch.cluster;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wardwatch.model.ConnectionId;

/**
 * What a node knows of its cluster: whether it is clustered, who it is and who the members are. A standalone node is
 * a cluster of one. Answers {@code GET /health/ready}: a clustered node is ready once it has joined (its Hazelcast
 * member is running and sees itself in the member list) and sees at least the cluster's quorum of members.
 *
 * <p>Thread-safe: a clustered node's ({@link HazelcastMembership}) reads Hazelcast's own view.
 */
public interface Membership {

  /** Where Vert.x's Hazelcast cluster manager keeps a member's node id. */
  String NODE_ID_ATTRIBUTE = "__vertx.nodeId";

  /** Where a member keeps the origin of its device connections ({@link ConnectionId#thisProcess}). */
  String CONNECTION_ORIGIN_ATTRIBUTE = "wardwatch.connectionOrigin";

  /**
   * This node's member id: its Vert.x node id, which the cluster manager keeps as the member attribute
   * {@value #NODE_ID_ATTRIBUTE} (Hazelcast gives a member a new UUID when it merges back after a partition, and the
   * engine's addresses must not change with it), or "standalone".
   */
  String self();

  /** The member ids of the cluster, this node's included. */
  List<String> members();

  boolean clustered();

  /**
   * The member that owns {@code patientKey} now: it alone evaluates the patient's alarms and holds the primary copy of
   * the patient's stored state (Hazelcast's partition owner of the key; the former owner until a move is committed),
   * or {@code null} while a partition has no owner after a member went.
   */
  String ownerOf(String patientKey);

  /**
   * Calls {@code moved} (on a cluster thread) each time a partition's ownership has moved, so that a member that lost
   * patients stops evaluating them at once rather than at its next check; standalone, never.
   *
   * @return what stops the calls (for a verticle that is undeployed while the cluster goes on)
   */
  Runnable onOwnershipMoved(Runnable moved);

  /**
   * The origins of the device connections ({@link ConnectionId#origin}) of the members there now, this node's
   * included; empty when a member does not say (a node of an earlier version), so that none is taken for gone.
   */
  Optional<Set<Long>> connectionOrigins();

  /**
   * Whether this node sees at least {@code cluster.quorum} members, itself included, so may take changes: one cut off
   * from the others (a network split, a pause past their failure detection) forms a cluster of its own until they
   * merge again, and what it acknowledged meanwhile would be lost at the merge, or done twice (an escalation paged
   * by both sides). Standalone, always.
   */
  boolean hasQuorum();

  /** The fewest members this node must see to take changes (1 standalone). */
  int quorum();

  /** True once the node may take traffic: standalone always; clustered once joined, with its {@link #quorum()}. */
  boolean ready();

  /** The readiness answer: {@code {"ready", "clustered", "self", "members": [...], "quorum"}}. */
  default JsonObject toJson() {
    return new JsonObject().put("ready", ready()).put("clustered", clustered()).put("self", self())
        .put("members", new JsonArray(members())).put("quorum", quorum());
  }

  /** Why a node without {@link #hasQuorum()} takes no change: said to whoever sent one. */
  default String noQuorum() {
    return "this member sees " + members().size() + " of the cluster's members, fewer than its quorum of " + quorum()
        + ": it takes no change until it is back with the others; try again, or another node";
  }

  /** A node on its own. */
  static Membership standalone() {
    return new Membership() {
      @Override
      public String self() {
        return "standalone";
      }

      @Override
      public List<String> members() {
        return List.of(self());
      }

      @Override
      public boolean clustered() {
        return false;
      }

      @Override
      public String ownerOf(String patientKey) {
        return self();
      }

      @Override
      public Runnable onOwnershipMoved(Runnable moved) {
        return () -> { }; // one node owns every patient, always
      }

      @Override
      public Optional<Set<Long>> connectionOrigins() {
        return Optional.of(Set.of(ConnectionId.thisProcess()));
      }

      @Override
      public boolean hasQuorum() {
        return true;
      }

      @Override
      public int quorum() {
        return 1;
      }

      @Override
      public boolean ready() {
        return true;
      }
    };
  }

  /** A member of the Hazelcast cluster {@code hazelcast} that takes changes while it sees {@code quorum} members. */
  static Membership of(HazelcastInstance hazelcast, int quorum) {
    return new HazelcastMembership(hazelcast, quorum);
  }
}
