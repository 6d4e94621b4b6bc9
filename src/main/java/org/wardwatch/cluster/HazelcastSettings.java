package org.wardwatch.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.PartitionGroupConfig;
import com.hazelcast.spi.partitiongroup.PartitionGroupMetaData;
import org.wardwatch.model.ConnectionId;

/**
 * Applies a node's {@link ClusterConfig} to the Hazelcast configuration read from {@code cluster.xml}: cluster name,
 * bind interface and port, TCP-IP members (multicast and auto-detection off), and, when the node names its site,
 * zone-aware partition groups so that every map entry's backup lives at another site than its primary; and the origin
 * of the node's device connections, as a member attribute ({@link Membership#CONNECTION_ORIGIN_ATTRIBUTE}).
 *
 * <p>Pure: changes and returns the {@link Config} given.
 */
public final class HazelcastSettings {

  private HazelcastSettings() {
  }

  public static Config apply(Config config, ClusterConfig cluster) {
    config.setClusterName(cluster.name());
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(cluster.port()).setPortAutoIncrement(true);
    if (ClusterConfig.AUTO_HOST.equals(cluster.host())) {
      network.getInterfaces().clear().setEnabled(false);
    } else {
      network.getInterfaces().clear().setEnabled(true).addInterface(cluster.host());
    }
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.getMemberAttributeConfig().setAttribute(Membership.CONNECTION_ORIGIN_ATTRIBUTE,
        Long.toString(ConnectionId.thisProcess()));
    if (cluster.site() != null) {
      config.getMemberAttributeConfig().setAttribute(PartitionGroupMetaData.PARTITION_GROUP_ZONE, cluster.site());
      config.setPartitionGroupConfig(new PartitionGroupConfig().setEnabled(true)
          .setGroupType(PartitionGroupConfig.MemberGroupType.ZONE_AWARE));
    }
    return config;
  }
}
