package org.wardwatch.clinical;

import java.util.function.LongConsumer;

/**
 * One patient's alarm transitions for the trend view, oldest first: the time and the {@link ChunkedLog} position of
 * each, at most {@code limit} of them, in two arrays used as a ring (grown by doubling up to the limit), so that
 * keeping a transition costs no object of its own. Adding beyond the limit drops the oldest.
 *
 * <p>Not thread-safe: part of {@link VitalsHistory}.
 */
final class EventIndex {

  private static final int INITIAL_CAPACITY = 8;

  private final int limit;
  private long[] times;
  private long[] positions;
  private int head;
  private int size;

  EventIndex(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("an event index keeps at least one transition, not " + limit);
    }
    this.limit = limit;
    times = new long[Math.min(INITIAL_CAPACITY, limit)];
    positions = new long[times.length];
  }

  void add(long atMillis, long position) {
    if (size == times.length) {
      if (size == limit) {
        dropOldest();
      } else {
        grow();
      }
    }
    int slot = (head + size) % times.length;
    times[slot] = atMillis;
    positions[slot] = position;
    size++;
  }

  /** Drops the transitions older than {@code startMillis}. */
  void dropBefore(long startMillis) {
    while (size > 0 && times[head] < startMillis) {
      dropOldest();
    }
  }

  /** The position of each transition from {@code fromMillis} to {@code toMillis} (both included), oldest first. */
  void forEachBetween(long fromMillis, long toMillis, LongConsumer reader) {
    for (int i = 0; i < size; i++) {
      int slot = (head + i) % times.length;
      if (times[slot] >= fromMillis && times[slot] <= toMillis) {
        reader.accept(positions[slot]);
      }
    }
  }

  int size() {
    return size;
  }

  private void dropOldest() {
    head = (head + 1) % times.length;
    size--;
  }

  private void grow() {
    int capacity = Math.min(times.length * 2, limit);
    long[] newTimes = new long[capacity];
    long[] newPositions = new long[capacity];
    for (int i = 0; i < size; i++) {
      newTimes[i] = times[(head + i) % times.length];
      newPositions[i] = positions[(head + i) % times.length];
    }
    times = newTimes;
    positions = newPositions;
    head = 0;
  }
}
