package org.wardwatch.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.ReplicaMigrationEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A clustered node's {@link Membership}: what its Hazelcast member sees of the cluster, read from Hazelcast's own view
 * each time. Made by {@link Membership#of}; thread-safe.
 */
final class HazelcastMembership implements Membership {

  private final HazelcastInstance hazelcast;
  private final int quorum;

  HazelcastMembership(HazelcastInstance hazelcast, int quorum) {
    this.hazelcast = hazelcast;
    this.quorum = quorum;
  }

  @Override
  public String self() {
    return idOf(hazelcast.getCluster().getLocalMember());
  }

  @Override
  public List<String> members() {
    return hazelcast.getCluster().getMembers().stream().map(HazelcastMembership::idOf).filter(Objects::nonNull)
        .toList();
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
  public Optional<Set<Long>> connectionOrigins() {
    List<OptionalLong> origins = hazelcast.getCluster().getMembers().stream().map(HazelcastMembership::originOf)
        .toList();
    return origins.stream().allMatch(OptionalLong::isPresent)
        ? Optional.of(origins.stream().map(OptionalLong::getAsLong).collect(Collectors.toUnmodifiableSet()))
        : Optional.empty();
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

  /**
   * A member's Vert.x node id, or {@code null} for a member that has none (not a WardWatch node: Vert.x sets the
   * attribute before its Hazelcast instance starts).
   */
  private static String idOf(Member member) {
    return member.getAttribute(NODE_ID_ATTRIBUTE);
  }

  /** The origin of a member's device connections, or empty for a member that does not say (not a WardWatch node). */
  private static OptionalLong originOf(Member member) {
    String origin = member.getAttribute(CONNECTION_ORIGIN_ATTRIBUTE);
    try {
      return origin == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(origin));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
