package org.wardwatch.clinical;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The members that left the cluster (died, or were cut off) and have not joined again, by the origin of their device
 * connections: those connections are gone with them, and their ends will never be announced, so each tick
 * disconnects a device one of them still carries ({@link DeviceAlarms#membersLost}), also in a patient taken over
 * later. The latest {@value #MAX} are remembered.
 *
 * <p>Owned by the {@link WardState}, told by its clinical engine verticle as the cluster reports members leaving and
 * joining; not thread-safe.
 */
final class LostMembers {

  /** How many members that left are remembered. */
  static final int MAX = 64;

  private final Set<Long> origins = new LinkedHashSet<>();

  /** The member whose connections have the origin {@code origin} left the cluster. */
  void lost(long origin) {
    origins.remove(origin);
    origins.add(origin);
    if (origins.size() > MAX) {
      origins.remove(origins.iterator().next());
    }
  }

  /** The member whose connections have the origin {@code origin} joined (again): its connections carry on. */
  void back(long origin) {
    origins.remove(origin);
  }

  /** The origins of the lost members' connections. */
  Set<Long> origins() {
    return Collections.unmodifiableSet(origins);
  }
}
