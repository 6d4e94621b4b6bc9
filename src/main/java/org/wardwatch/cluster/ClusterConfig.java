package org.wardwatch.cluster;

import java.util.List;
import org.wardwatch.config.ConfigSection;

/**
 * How a clustered node joins the others (config section {@code cluster}); used only when the node is started with
 * {@code -cluster}. These settings override {@code cluster.xml}, so a node is configured without editing the jar.
 *
 * @param name     the Hazelcast cluster name; nodes with another name never join this cluster
 * @param host     the IP address Hazelcast binds and announces (one the other members can reach), or {@code auto} to
 *                 let Hazelcast pick the host's address (containers, whose address is not known in advance)
 * @param port     the first Hazelcast port tried (the next 19 are tried in turn, so several nodes share a host)
 * @param members  where to look for the other members, {@code host} or {@code host:port} (TCP-IP join, no multicast)
 * @param site     the hospital site of this node, or {@code null}; when set on every node, each map entry's backup is
 *                 kept at another site than its primary (Hazelcast zone-aware partition groups)
 * @param quorum   the fewest members a node must see to take changes ({@link Membership#hasQuorum()}): a node cut
 *                 off from the others (a network split, a long pause) must not acknowledge what the larger side will
 *                 never see. A majority of the cluster's nodes (2 of 3); 1 by default, as {@code members} may name
 *                 hosts of several nodes, or more hosts than run, and two nodes cannot tell a split from a death
 */
public record ClusterConfig(String name, String host, int port, List<String> members, String site, int quorum) {

  /** The {@code host} value that lets Hazelcast choose the address. */
  public static final String AUTO_HOST = "auto";

  private static final String NAME = "[A-Za-z0-9_.-]{1,64}";
  private static final String HOST = "[A-Za-z0-9_.:-]{1,253}";
  /** A member as Hazelcast's TCP/IP join takes it: a host, with a port or a range ({@code 10.0.0.1-8}) or not. */
  private static final String MEMBER = "[^\\s,]+";

  public static ClusterConfig from(ConfigSection section) {
    return new ClusterConfig(
        section.string("name", "wardwatch", NAME),
        section.string("host", "127.0.0.1", HOST),
        section.integer("port", 5701, 1, 65535),
        section.strings("members", List.of("127.0.0.1"), MEMBER, "a host, host:port or host range"),
        section.string("site", null, NAME),
        section.integer("quorum", 1, 1, 1000));
  }
}
