package org.wardwatch.clinical;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.shareddata.Shareable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A standalone node's audit entries, each encoded JSON appended to large byte chunks instead of kept as objects of its
 * own. Entries live for the node's life: kept one by one (with a map entry, a key and a buffer each), every young
 * collection copied each new entry twice, into a survivor space and then into the old generation, which made up much
 * of the collector's pauses at high alarm rates. A chunk of {@value #CHUNK_BYTES} bytes is one object (G1 allocates it
 * straight in the old generation when it spans half a region or more) and holds about a thousand entries.
 *
 * <p>Each entry is its length (four bytes) followed by its bytes; a zero length ends a chunk. Append-only, in the
 * order appended. Thread-safe: shared by the verticles of one node ({@link Shareable}, never copied).
 */
final class AuditLog implements Shareable {

  static final int CHUNK_BYTES = 1 << 20;
  private static final int LENGTH_BYTES = Integer.BYTES;

  private final List<byte[]> chunks = new ArrayList<>();
  private byte[] current = new byte[0];
  private int used;

  /** Appends one entry's encoded JSON. */
  synchronized void append(Buffer entry) {
    int length = entry.length();
    if (length == 0) {
      throw new IllegalArgumentException("an audit entry cannot be empty");
    }
    if (used + LENGTH_BYTES + length > current.length) {
      current = new byte[Math.max(CHUNK_BYTES, LENGTH_BYTES + length)];
      chunks.add(current);
      used = 0;
    }
    ByteBuffer.wrap(current).putInt(used, length);
    entry.getBytes(0, length, current, used + LENGTH_BYTES);
    used += LENGTH_BYTES + length;
  }

  /** Hands every entry, oldest first, to {@code reader}, each as a buffer of its own. */
  synchronized void forEach(Consumer<Buffer> reader) {
    for (byte[] chunk : chunks) {
      ByteBuffer view = ByteBuffer.wrap(chunk);
      int at = 0;
      while (at + LENGTH_BYTES <= chunk.length) {
        int length = view.getInt(at);
        if (length == 0) {
          break;
        }
        reader.accept(Buffer.buffer(Arrays.copyOfRange(chunk, at + LENGTH_BYTES, at + LENGTH_BYTES + length)));
        at += LENGTH_BYTES + length;
      }
    }
  }
}
