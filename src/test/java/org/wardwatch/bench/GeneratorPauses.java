package org.wardwatch.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.ToLongFunction;

/**
 * The load generator's own garbage-collection pauses in a measured window. A pause of the generator's JVM holds back
 * the frames it should send and the deliveries it should time, and open-loop timing charges that delay to the server
 * (in W3 a 24 ms young pause of the generator was a burst of 250 slow deliveries). So each window starts with a full
 * collection of the generator, whose young generation is sized to last a window without collecting (the pom's
 * {@code -Xmn}); any collection that still falls in the window, or in the drain after it, is reported next to the slow
 * deliveries. Counted from the collectors' MXBeans, which on JDK 17 leave out G1's Remark and Cleanup pauses (rare
 * here: the generator's old generation hardly grows); {@code -Xlog:gc} on the suite's JVM shows those.
 */
final class GeneratorPauses {

  private final long collectionsAtStart;
  private final long millisAtStart;

  private GeneratorPauses() {
    this.collectionsAtStart = total(GarbageCollectorMXBean::getCollectionCount);
    this.millisAtStart = total(GarbageCollectorMXBean::getCollectionTime);
  }

  /** Collects the generator's heap now (between windows, while the server is idle) and starts counting pauses. */
  static GeneratorPauses collectThenCount() {
    System.gc();
    return new GeneratorPauses();
  }

  /** {@code generator: no collection in the window} or how many there were and how long they took. */
  String summary() {
    long count = total(GarbageCollectorMXBean::getCollectionCount) - collectionsAtStart;
    return count == 0 ? "generator: no collection in the window"
        : "generator: " + count + " collections in the window, "
            + (total(GarbageCollectorMXBean::getCollectionTime) - millisAtStart) + " ms in all (charged to the server)";
  }

  /** {@code field} summed over the generator's collectors. */
  private static long total(ToLongFunction<GarbageCollectorMXBean> field) {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(field).sum();
  }
}
