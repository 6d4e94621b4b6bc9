package org.wardwatch.cluster;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.wardwatch.testing.TestCluster;

/**
 * What the tests of two clustered nodes in one JVM share: a cluster of two nodes, started afresh for each test (real
 * Hazelcast on 127.0.0.1, real sockets) and closed after it.
 */
abstract class ClusteredNodesFixture {

  /** The Vert.x cluster manager's map of every member's event-bus subscriptions. */
  static final String SUBSCRIPTIONS = "__vertx.subs";

  TestCluster cluster;
  TestCluster.Member nodeA;
  TestCluster.Member nodeB;

  @BeforeEach
  void startTwoNodes() {
    cluster = new TestCluster();
    nodeA = cluster.start();
    nodeB = cluster.start();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }
}
