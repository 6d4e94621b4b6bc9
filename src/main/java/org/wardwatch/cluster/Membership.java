package org.wardwatch.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.ReplicaMigrationEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a node knows of its cluster: whether it is clustered, who it is and who the members are. A standalone node is
 * a cluster of one. Answers {@code GET /health/ready}: a clustered node is ready once it has joined (its Hazelcast
 * member is running and sees itself in the member list) and sees at least the cluster's quorum of members.
 *
 * <p>Thread-safe: reads Hazelcast's own view.
 */
public interface Membership {

  /** Where Vert.x's Hazelcast cluster manager keeps a member's node id. */
  String NODE_ID_ATTRIBUTE = "__vertx.nodeId";

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
    return new Membership() {
      @Override
      public String self() {
        return idOf(hazelcast.getCluster().getLocalMember());
      }

      @Override
      public List<String> members() {
        return hazelcast.getCluster().getMembers().stream().map(Membership::idOf).filter(Objects::nonNull).toList();
      }

      @Override
      public boolean clustered() {
        return true;
      }

      @Override
      public String ownerOf(String patientKey) {
        Member owner = hazelcast.getPartitionService().getPartition(patientKey).getOwner();
        return owner == null ? null : idOf(owner);
      }

      @Override
      public Runnable onOwnershipMoved(Runnable moved) {
        UUID listener = hazelcast.getPartitionService().addMigrationListener(new MigrationListener() {
          @Override
          public void migrationStarted(MigrationState state) {
            // nothing has moved yet
          }

          @Override
          public void migrationFinished(MigrationState state) {
            moved.run();
          }

          @Override
          public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
            if (event.getReplicaIndex() == 0) { // the primary copy: the partition's owner
              moved.run();
            }
          }

          @Override
          public void replicaMigrationFailed(ReplicaMigrationEvent event) {
            // the former owner keeps it
          }
        });
        return () -> hazelcast.getPartitionService().removeMigrationListener(listener);
      }

      @Override
      public boolean hasQuorum() {
        return hazelcast.getCluster().getMembers().size() >= quorum;
      }

      @Override
      public int quorum() {
        return quorum;
      }

      @Override
      public boolean ready() {
        return hazelcast.getLifecycleService().isRunning() && members().contains(self()) && hasQuorum();
      }
    };
  }

  /**
   * A member's Vert.x node id, or {@code null} for a member that has none (not a WardWatch node: Vert.x sets the
   * attribute before its Hazelcast instance starts).
   */
  private static String idOf(Member member) {
    return member.getAttribute(NODE_ID_ATTRIBUTE);
  }
}
