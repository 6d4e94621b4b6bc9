package org.wardwatch.clinical;

import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * One patient's recent alarm transitions for the trend view, oldest first, each its time and encoded JSON, all in one
 * byte array. Transitions are kept for up to an hour, and kept one object each, every young collection copied each
 * new one twice (into a survivor space, then into the old generation), which at high alarm rates made up much of the
 * collector's pauses; appending to an array already kept copies nothing.
 *
 * <p>Each entry is its time (epoch milliseconds, eight bytes), its length (four bytes) and its bytes. Entries are
 * appended at the end and dropped from the front; the array is compacted, or grown, when an entry does not fit.
 * Not thread-safe: part of {@link VitalsHistory}.
 */
final class EventLog {

  private static final int HEADER_BYTES = Long.BYTES + Integer.BYTES;
  private static final int INITIAL_BYTES = 4096;

  private byte[] bytes = new byte[0];
  private int start;
  private int end;
  private int count;

  /** Appends the transition at {@code atMillis}, encoded as {@code json}. */
  void add(long atMillis, Buffer json) {
    int length = json.length();
    makeRoom(HEADER_BYTES + length);
    ByteBuffer.wrap(bytes).putLong(end, atMillis).putInt(end + Long.BYTES, length);
    json.getBytes(0, length, bytes, end + HEADER_BYTES);
    end += HEADER_BYTES + length;
    count++;
  }

  /** Drops the oldest entries until at most {@code maxEntries} remain and none is older than {@code startMillis}. */
  void trim(long startMillis, int maxEntries) {
    ByteBuffer view = ByteBuffer.wrap(bytes);
    while (count > 0 && (count > maxEntries || view.getLong(start) < startMillis)) {
      start += HEADER_BYTES + view.getInt(start + Long.BYTES);
      count--;
    }
  }

  /** Hands each entry from {@code fromMillis} to {@code toMillis} (both included) to {@code reader}, oldest first. */
  void forEachBetween(long fromMillis, long toMillis, Consumer<Buffer> reader) {
    ByteBuffer view = ByteBuffer.wrap(bytes);
    for (int at = start; at < end; at += HEADER_BYTES + view.getInt(at + Long.BYTES)) {
      long time = view.getLong(at);
      if (time >= fromMillis && time <= toMillis) {
        int from = at + HEADER_BYTES;
        reader.accept(Buffer.buffer().appendBytes(bytes, from, view.getInt(at + Long.BYTES)));
      }
    }
  }

  int size() {
    return count;
  }

  private void makeRoom(int needed) {
    if (end + needed <= bytes.length) {
      return;
    }
    int kept = end - start;
    byte[] target = kept + needed <= bytes.length / 2 ? bytes
        : new byte[Math.max(INITIAL_BYTES, Integer.highestOneBit(kept + needed) << 1)];
    System.arraycopy(bytes, start, target, 0, kept);
    bytes = target;
    start = 0;
    end = kept;
  }
}
