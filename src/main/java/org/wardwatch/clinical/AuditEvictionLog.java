package org.wardwatch.clinical;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.query.Predicates;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says in the log when the cluster's audit trail ({@link AuditTrail#MAP}) drops entries past its bound in
 * {@code cluster.xml}, as a standalone node's trail says when its own bound drops entries: the first entry this member
 * evicts, then every {@value #TELL_EVERY}th. One per member, registered by {@link #watch}; Hazelcast calls it on its
 * event threads.
 */
public final class AuditEvictionLog implements EntryEvictedListener<Object, Object> {

  private static final Logger LOG = LoggerFactory.getLogger(AuditEvictionLog.class);
  /** How many more evictions go unsaid after the first, before it is said again. */
  static final long TELL_EVERY = 10_000;

  private final AtomicLong evicted = new AtomicLong();

  AuditEvictionLog() {
  }

  /** Logs the audit trail's evictions of the entries {@code hazelcast}'s member holds. */
  public static void watch(HazelcastInstance hazelcast) {
    hazelcast.getMap(AuditTrail.MAP).addLocalEntryListener(new AuditEvictionLog(), Predicates.alwaysTrue(), false);
  }

  @Override
  public void entryEvicted(EntryEvent<Object, Object> event) {
    long count = evicted.incrementAndGet();
    if (count == 1 || count % TELL_EVERY == 0) {
      LOG.warn("the cluster's audit trail kept in memory has reached its bound (cluster.xml): {} of the entries this "
          + "member held dropped so far", count);
    }
  }
}
